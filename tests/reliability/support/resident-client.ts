import { connect } from "node:net";
import { makeIdNumber } from "@survey/identity";
import { call } from "../../support/api-process";

export interface Person {
  idNumber: string;
  phone: string;
  communityCode: string;
}

/**
 * The n-th of up to 18 million distinct adults (birth date and sequence number derived from n), with a
 * distinct phone; for runs that create residents in a loop until time is up.
 */
export function uniquePerson(n: number, communityCode: string): Person {
  const day = new Date(Date.UTC(1950, 0, 1) + (n % 18_000) * 86_400_000);
  const birth = day.toISOString().slice(0, 10).replaceAll("-", "");
  const order = String(Math.floor(n / 18_000) % 1000).padStart(3, "0");
  return {
    idNumber: makeIdNumber(`310117${birth}${order}`),
    phone: `137${String(n % 100_000_000).padStart(8, "0")}`,
    communityCode,
  };
}

/** Start + read the code from the outbox + confirm against a real process; returns the reservation token. */
export async function verifyThrough(base: string, waveId: number, person: Person): Promise<string> {
  const started = await call(base, "POST", `/api/waves/${waveId}/verifications`, person);
  if (started.status !== 201) throw new Error(`start: ${started.status} ${JSON.stringify(started.json)}`);
  const outbox = await call(base, "GET", `/api/dev/sms-outbox?phone=${person.phone}`);
  const confirmed = await call(base, "POST", `/api/verifications/${started.json.verificationId}/confirm`, {
    code: outbox.json[0].code,
  });
  if (confirmed.status !== 201) throw new Error(`confirm: ${confirmed.status} ${JSON.stringify(confirmed.json)}`);
  return confirmed.json.reservationToken;
}

export interface Outcome {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: response bodies of many shapes, checked by the assertions
  json: any;
  ms: number;
}

/**
 * One request that never throws: a network failure, or no answer within `timeoutMs` (a phone giving up),
 * becomes status 0 with the error's message.
 */
export async function attempt(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
  timeoutMs?: number,
): Promise<Outcome> {
  const started = Date.now();
  try {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: body === undefined ? headers : { "content-type": "application/json", ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: timeoutMs === undefined ? undefined : AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : undefined, ms: Date.now() - started };
  } catch (error) {
    return { status: 0, json: { network: (error as Error).message }, ms: Date.now() - started };
  }
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/**
 * A phone that loses its connection right after sending: the whole request is written, the connection is
 * closed, and no answer is read. The server still has the complete request and carries it out.
 */
export async function sendAndHangUp(
  base: string,
  method: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Outcome> {
  const started = Date.now();
  const url = new URL(path, base);
  const payload = Buffer.from(JSON.stringify(body));
  const head = [
    `${method} ${url.pathname}${url.search} HTTP/1.1`,
    `host: ${url.host}`,
    "content-type: application/json",
    `content-length: ${payload.length}`,
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    "",
    "",
  ].join("\r\n");
  await new Promise<void>((resolve) => {
    const socket = connect(Number(url.port), url.hostname, () => {
      socket.end(Buffer.concat([Buffer.from(head), payload]), () => {
        socket.destroy();
        resolve();
      });
    });
    socket.on("error", () => resolve());
  });
  return { status: 0, json: { network: "hung up after sending" }, ms: Date.now() - started };
}
