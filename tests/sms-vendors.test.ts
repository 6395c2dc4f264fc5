import { queryRows } from "@survey/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adultIdNumber, bearer, confirm, mobilePhone, startVerification } from "./support/resident";
import { selfSignedCertificate } from "./support/self-signed-certificate";
import { type FakeVendor, startFakeVendor, type VendorAnswer } from "./support/sms-vendors";
import { openDemoWave, type TestApp } from "./support/test-app";
import { testDriver } from "./support/test-database";

const SECRET = "vendorSecret0123456789abcdef";
const METRICS_TOKEN = "metrics-token-0123456789abcdef";

interface VendorCase {
  vendor: "aliyun" | "tencent";
  env: Record<string, string>;
  /** The request as the vendor's documentation describes it, for a phone and the code sent. */
  expectedRequest(phone: string): { headers: Record<string, unknown>; params: Record<string, unknown> };
  codeSent(params: Record<string, unknown>): string;
  refusals: [VendorAnswer, number, string][];
}

const refuse = (code: string, extra: { message?: string; httpStatus?: number } = {}): VendorAnswer => ({
  kind: "refuse",
  code,
  ...extra,
});

const CASES: VendorCase[] = [
  {
    vendor: "aliyun",
    env: { SMS_TEMPLATE_ID: "SMS_465890123" },
    expectedRequest: (phone) => ({
      headers: { "x-acs-action": "SendSms", "x-acs-version": "2017-05-25" },
      params: { PhoneNumbers: phone, SignName: "松江区社建办", TemplateCode: "SMS_465890123" },
    }),
    codeSent: (params) => JSON.parse(String(params.TemplateParam)).code,
    refusals: [
      [refuse("isv.MOBILE_NUMBER_ILLEGAL"), 400, "invalid_phone"],
      [refuse("isv.BUSINESS_LIMIT_CONTROL", { message: "触发天级流控Permits:10" }), 429, "sms_daily_limit"],
      [refuse("isv.BUSINESS_LIMIT_CONTROL", { message: "触发分钟级流控Permits:1" }), 429, "resend_too_soon"],
      [refuse("isv.AMOUNT_NOT_ENOUGH"), 503, "sms_unavailable"],
      [refuse("isv.SMS_TEMPLATE_ILLEGAL"), 503, "sms_unavailable"],
      [refuse("InvalidAccessKeyId.NotFound", { httpStatus: 404 }), 503, "sms_unavailable"],
      [refuse("Throttling.User", { httpStatus: 400 }), 503, "sms_unavailable"],
    ],
  },
  {
    vendor: "tencent",
    env: { SMS_TEMPLATE_ID: "1234567", SMS_APP_ID: "1400006666", SMS_REGION: "ap-shanghai" },
    expectedRequest: (phone) => ({
      headers: { "x-tc-action": "SendSms", "x-tc-version": "2021-01-11", "x-tc-region": "ap-shanghai" },
      params: {
        PhoneNumberSet: [`+86${phone}`],
        SmsSdkAppId: "1400006666",
        SignName: "松江区社建办",
        TemplateId: "1234567",
      },
    }),
    codeSent: (params) => (params.TemplateParamSet as string[])[0] ?? "",
    refusals: [
      [refuse("InvalidParameterValue.IncorrectPhoneNumber"), 400, "invalid_phone"],
      [refuse("LimitExceeded.PhoneNumberDailyLimit"), 429, "sms_daily_limit"],
      [refuse("LimitExceeded.PhoneNumberThirtySecondLimit"), 429, "resend_too_soon"],
      [refuse("FailedOperation.InsufficientBalanceInSmsPackage"), 503, "sms_unavailable"],
      [refuse("AuthFailure.SignatureFailure"), 503, "sms_unavailable"],
      [refuse("InternalError", { httpStatus: 502 }), 503, "sms_unavailable"],
    ],
  },
];

describe.each(CASES)(`$vendor SMS through the vendor's SDK against a local HTTPS endpoint (${testDriver})`, (c) => {
  let vendor: FakeVendor;
  let t: TestApp;
  let waveId: number;
  let communityCode: string;

  beforeAll(async () => {
    const certificate = selfSignedCertificate();
    vendor = await startFakeVendor(c.vendor, certificate, SECRET);
    ({ t, waveId, communityCode } = await openDemoWave({
      env: {
        SMS_PROVIDER: c.vendor,
        SMS_ACCESS_KEY_ID: "AKIDexample0123456789",
        SMS_ACCESS_KEY_SECRET: SECRET,
        SMS_SIGN_NAME: "松江区社建办",
        SMS_ENDPOINT: vendor.endpoint,
        // The endpoint's certificate is trusted only through this setting (not NODE_TLS_REJECT_UNAUTHORIZED).
        SMS_CA_FILE: certificate.certFile,
        METRICS_TOKEN,
        VERIFY_RATE_LIMIT_PER_MINUTE: "1000",
        ...c.env,
      },
    }));
  });
  afterAll(async () => {
    await t?.close();
    await vendor?.close();
  });

  it("sends the documented, signed request; the code it carries confirms the resident", async () => {
    vendor.received = [];
    vendor.answer = { kind: "ok" };
    const phone = mobilePhone();
    const started = await startVerification(t.app, waveId, { idNumber: adultIdNumber(), phone, communityCode });
    expect(started.statusCode).toBe(201);
    expect(vendor.received).toHaveLength(1);
    const [request] = vendor.received;
    const expected = c.expectedRequest(phone);
    expect(request?.headers).toMatchObject(expected.headers);
    expect(request?.params).toMatchObject(expected.params);
    expect(request?.signatureValid).toBe(true);
    const code = c.codeSent(request?.params ?? {});
    expect(code).toMatch(/^\d{6}$/);
    expect(t.app.devOutbox).toBeUndefined();
    const confirmed = await confirm(t.app, started.json().verificationId, code);
    expect(confirmed.statusCode).toBe(201);
  });

  it.each(c.refusals)("maps the vendor's %o to %i %s and withdraws the attempt", async (answer, status, error) => {
    const counts = () =>
      queryRows<{ v: number; w: number }>(
        t.database.handle.db,
        sql`select (select count(*)::int from verifications) as v,
          (select coalesce(sum(cardinality(sent_at)), 0)::int as w from phone_sms_windows) as w`,
      );
    const before = await counts();
    const resident = { idNumber: adultIdNumber(), phone: mobilePhone(), communityCode };
    vendor.answer = answer;
    const refused = await startVerification(t.app, waveId, resident);
    expect(refused.statusCode).toBe(status);
    expect(refused.json().error).toBe(error);
    expect(await counts()).toEqual(before);

    // Withdrawn: nothing counts against the phone, so asking again once the vendor sends works at once.
    vendor.answer = { kind: "ok" };
    expect((await startVerification(t.app, waveId, resident)).statusCode).toBe(201);
  });

  it("counts sends and refusals for /metrics", async () => {
    const scraped = await t.app.inject({ method: "GET", url: "/metrics", headers: bearer(METRICS_TOKEN) });
    const text = scraped.body;
    const value = (series: string) => Number(new RegExp(`^${series} (\\d+)$`, "m").exec(text)?.[1] ?? 0);
    expect(value(`survey_sms_sent_total\\{provider="${c.vendor}"\\}`)).toBe(1 + c.refusals.length);
    expect(value(`survey_sms_refused_total\\{provider="${c.vendor}",error="sms_unavailable"\\}`)).toBe(
      c.refusals.filter(([, , error]) => error === "sms_unavailable").length,
    );
    expect(value(`survey_sms_refused_total\\{provider="${c.vendor}",error="invalid_phone"\\}`)).toBe(1);
  });
});
