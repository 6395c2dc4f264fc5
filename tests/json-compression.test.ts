import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  adultIdNumber,
  bearer,
  currentWaveId,
  firstCommunity,
  latestCode,
  mobilePhone,
  startVerification,
} from "./support/resident";
import { createTestApp, type TestApp } from "./support/test-app";
import { testDriver } from "./support/test-database";

/** What a phone's browser sends (Chromium, WeChat's X5/XWEB and Safari all offer gzip). */
const BROWSER = { "accept-encoding": "gzip, deflate, br" };

describe(`compressed API answers (${testDriver})`, () => {
  let t: TestApp;
  let waveId: number;
  let communityCode: string;

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true, env: { VERIFY_RATE_LIMIT_PER_MINUTE: "100000" } });
    waveId = await currentWaveId(t.app);
    communityCode = await firstCommunity(t.app, waveId);
  });
  afterAll(() => t.close());

  async function confirmAs(headers: Record<string, string>) {
    const person = { idNumber: adultIdNumber(), phone: mobilePhone(), communityCode };
    const started = await startVerification(t.app, waveId, person);
    expect(started.statusCode).toBe(201);
    const code = await latestCode(t.app, person.phone);
    return t.app.inject({
      method: "POST",
      url: `/api/verifications/${started.json().verificationId}/confirm`,
      payload: { code },
      headers,
    });
  }

  it("sends confirm's questionnaire gzipped to a phone browser: a fifth of the bytes, the same questionnaire", async () => {
    for (let resident = 0; resident < 3; resident++) {
      const zipped = await confirmAs(BROWSER);
      expect(zipped.statusCode).toBe(201);
      expect(zipped.headers["content-encoding"]).toBe("gzip");
      expect(zipped.headers.vary).toContain("accept-encoding");
      const decoded = gunzipSync(zipped.rawPayload);
      expect(zipped.rawPayload.length).toBeLessThan(decoded.length / 5);
      const confirmed = JSON.parse(decoded.toString());
      // The questionnaire was compressed once and copied in; the token is sent as it is around it (no
      // per-request compression on confirm's hot path, and no secret compressed with other text).
      expect(zipped.rawPayload.includes(Buffer.from(confirmed.reservationToken))).toBe(true);

      // The same questionnaire and draft as the uncompressed answer of the resume endpoint for this token.
      const resumed = await t.app.inject({ url: "/api/reservation", headers: bearer(confirmed.reservationToken) });
      expect(resumed.headers["content-encoding"]).toBeUndefined();
      expect(confirmed.questionnaire).toEqual(resumed.json().questionnaire);
      expect(confirmed.questionnaire.definition.pages.length).toBeGreaterThan(3);
      expect(confirmed.draft).toEqual({});
    }
  });

  it("sends the resume answer gzipped with the saved answers, byte for byte the uncompressed JSON", async () => {
    const confirmed = JSON.parse(gunzipSync((await confirmAs(BROWSER)).rawPayload).toString());
    const token = confirmed.reservationToken as string;
    const question = (confirmed.questionnaire.definition.pages[0].elements as { name: string }[])[0]?.name ?? "";
    const saved = await t.app.inject({
      method: "PUT",
      url: "/api/reservation/draft",
      headers: bearer(token),
      payload: { answers: { [question]: 4 } },
    });
    expect(saved.statusCode).toBe(204);

    const plain = await t.app.inject({ url: "/api/reservation", headers: bearer(token) });
    const zipped = await t.app.inject({ url: "/api/reservation", headers: { ...bearer(token), ...BROWSER } });
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(zipped.rawPayload).toString()).toBe(plain.body);
    expect(plain.json().draft).toEqual({ [question]: 4 });
  });

  it("answers clients that do not accept gzip in plain JSON, and keeps small answers and errors plain", async () => {
    const plain = await confirmAs({});
    expect(plain.statusCode).toBe(201);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.json().questionnaire.definition.pages.length).toBeGreaterThan(3);
    expect((await confirmAs({ "accept-encoding": "gzip;q=0, br" })).headers["content-encoding"]).toBeUndefined();

    const wave = await t.app.inject({ url: "/api/waves/current", headers: BROWSER });
    expect(wave.headers["content-encoding"]).toBeUndefined();
    const refused = await t.app.inject({ url: "/api/reservation", headers: { ...bearer("nope"), ...BROWSER } });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers["content-encoding"]).toBeUndefined();
    expect(refused.json().error).toBeDefined();
  });
});
