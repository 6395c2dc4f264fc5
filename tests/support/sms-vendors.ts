import { createHash, createHmac } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import type { Certificate } from "./self-signed-certificate";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const hmac = (key: string | Buffer, text: string) => createHmac("sha256", key).update(text).digest();
/** RFC 3986 percent-encoding, as both vendors' signature documents require. */
const rfc3986 = (text: string) =>
  encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export interface VendorRequest {
  headers: IncomingMessage["headers"];
  /** The send's parameters as the vendor reads them: Aliyun's query, Tencent's JSON body. */
  params: Record<string, unknown>;
  /** The signature recomputed here from the request and the secret matches the one sent. */
  signatureValid: boolean;
}

/** What the fake vendor answers next: success, or a documented refusal (in the body, or as an HTTP error). */
export type VendorAnswer = { kind: "ok" } | { kind: "refuse"; code: string; message?: string; httpStatus?: number };

export interface FakeVendor {
  /** `host:port` for SMS_ENDPOINT. */
  endpoint: string;
  received: VendorRequest[];
  answer: VendorAnswer;
  close(): Promise<void>;
}

/**
 * Aliyun's SendSms as documented (API version 2017-05-25, V3 signature ACS3-HMAC-SHA256): the parameters in the
 * query, `x-acs-action`/`x-acs-version` headers, `Authorization: ACS3-HMAC-SHA256 Credential=…,SignedHeaders=…,
 * Signature=…`; the answer `{Code, Message, BizId, RequestId}` with HTTP 200, or an HTTP error for keys and
 * signatures.
 */
function aliyunVerify(request: IncomingMessage, body: string, secret: string): VendorRequest {
  const url = new URL(request.url ?? "/", "https://x");
  const params = Object.fromEntries(url.searchParams);
  const auth = /^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]+)$/.exec(
    String(request.headers.authorization),
  );
  let signatureValid = false;
  if (auth) {
    const signed = (auth[2] ?? "").split(";");
    const query = [...url.searchParams]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, value]) => `${rfc3986(key)}=${rfc3986(value)}`)
      .join("&");
    const headers = signed.map((name) => `${name}:${String(request.headers[name] ?? "").trim()}\n`).join("");
    const canonical = [request.method, url.pathname, query, headers, signed.join(";"), sha256(body)].join("\n");
    const expected = hmac(secret, `ACS3-HMAC-SHA256\n${sha256(canonical)}`).toString("hex");
    signatureValid =
      expected === auth[3] &&
      request.headers["x-acs-content-sha256"] === sha256(body) &&
      signed.includes("host") &&
      signed.includes("x-acs-action");
  }
  return { headers: request.headers, params, signatureValid };
}

function aliyunReply(answer: VendorAnswer): [number, unknown] {
  const RequestId = "F655A8D5-B967-440B-8683-DAD6FF8DE990";
  if (answer.kind === "ok") return [200, { Code: "OK", Message: "OK", BizId: "900619746936498440^0", RequestId }];
  return [answer.httpStatus ?? 200, { Code: answer.code, Message: answer.message ?? answer.code, RequestId }];
}

/**
 * Tencent Cloud's SendSms as documented (API 3.0, version 2021-01-11, signature TC3-HMAC-SHA256): a JSON body,
 * `X-TC-Action`/`X-TC-Version`/`X-TC-Timestamp`/`X-TC-Region` headers, `Authorization: TC3-HMAC-SHA256
 * Credential=id/date/service/tc3_request, SignedHeaders=…, Signature=…`; the answer `{Response: {SendStatusSet,
 * RequestId}}`, a number's refusal in its SendStatus, a request's refusal as `{Response: {Error, RequestId}}`.
 */
function tencentVerify(request: IncomingMessage, body: string, secret: string): VendorRequest {
  const auth =
    /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d\d-\d\d)\/([^/]+)\/tc3_request, SignedHeaders=([^,]+), Signature=([0-9a-f]+)$/.exec(
      String(request.headers.authorization),
    );
  let signatureValid = false;
  if (auth) {
    const [, , date = "", service = "", signedList = "", signature] = auth;
    const signed = signedList.split(";");
    const host = String(request.headers.host).replace(/:\d+$/, "");
    const value = (name: string) => (name === "host" ? host : String(request.headers[name] ?? "").trim());
    const headers = signed.map((name) => `${name}:${value(name)}\n`).join("");
    const url = new URL(request.url ?? "/", "https://x");
    const canonical = [request.method, url.pathname, url.search.slice(1), headers, signedList, sha256(body)].join("\n");
    const timestamp = String(request.headers["x-tc-timestamp"]);
    const toSign = `TC3-HMAC-SHA256\n${timestamp}\n${date}/${service}/tc3_request\n${sha256(canonical)}`;
    const key = hmac(hmac(hmac(`TC3${secret}`, date), service), "tc3_request");
    signatureValid =
      hmac(key, toSign).toString("hex") === signature &&
      new Date(Number(timestamp) * 1000).toISOString().slice(0, 10) === date;
  }
  return { headers: request.headers, params: JSON.parse(body || "{}"), signatureValid };
}

function tencentReply(answer: VendorAnswer, params: Record<string, unknown>): [number, unknown] {
  const RequestId = "a0aabda6-cf91-4f3e-a81f-9198114a2279";
  const phone = (params.PhoneNumberSet as string[] | undefined)?.[0];
  if (answer.kind === "refuse" && answer.httpStatus) return [answer.httpStatus, "Bad Gateway"];
  if (answer.kind === "refuse" && /^(AuthFailure|FailedOperation|InvalidParameter\b)/.test(answer.code)) {
    return [200, { Response: { Error: { Code: answer.code, Message: answer.message ?? answer.code }, RequestId } }];
  }
  const status =
    answer.kind === "ok"
      ? { Code: "Ok", Message: "send success" }
      : { Code: answer.code, Message: answer.message ?? answer.code };
  const set = [
    {
      SerialNo: "5000:1045710669157053657849499619",
      PhoneNumber: phone,
      Fee: 1,
      SessionContext: "",
      IsoCode: "CN",
      ...status,
    },
  ];
  return [200, { Response: { SendStatusSet: set, RequestId } }];
}

export async function startFakeVendor(
  vendor: "aliyun" | "tencent",
  certificate: Certificate,
  secret: string,
): Promise<FakeVendor> {
  const state: Omit<FakeVendor, "endpoint" | "close"> = { received: [], answer: { kind: "ok" } };
  const server: Server = createServer({ key: certificate.key, cert: certificate.cert }, (request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", () => {
      const seen = vendor === "aliyun" ? aliyunVerify(request, body, secret) : tencentVerify(request, body, secret);
      state.received.push(seen);
      const [status, reply] = vendor === "aliyun" ? aliyunReply(state.answer) : tencentReply(state.answer, seen.params);
      response.writeHead(status, { "content-type": "application/json;charset=utf-8" });
      response.end(typeof reply === "string" ? reply : JSON.stringify(reply));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return Object.assign(state, {
    endpoint: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
