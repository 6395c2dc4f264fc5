import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adultIdNumber, currentWaveId, firstCommunity, mobilePhone } from "./support/resident";
import { createTestApp, signIn, type TestApp } from "./support/test-app";
import { testDriver } from "./support/test-database";

describe(`rate limits on the verification routes (${testDriver})`, () => {
  let t: TestApp;
  let waveId: number;
  let communityCode: string;

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true, env: { VERIFY_RATE_LIMIT_PER_MINUTE: "5", TRUST_PROXY: "true" } });
    waveId = await currentWaveId(t.app);
    communityCode = await firstCommunity(t.app, waveId);
  });
  afterAll(() => t.close());

  const start = (forwardedFor: string) =>
    t.app.inject({
      method: "POST",
      url: `/api/waves/${waveId}/verifications`,
      headers: { "x-forwarded-for": forwardedFor },
      payload: { idNumber: adultIdNumber(), phone: mobilePhone(), communityCode },
    });

  it("gives 429 rate_limited with retry-after once an address exceeds the limit", async () => {
    const results = [];
    for (let i = 0; i < 7; i++) results.push(await start("203.0.113.7"));
    expect(results.slice(0, 5).map((response) => response.statusCode)).toEqual([201, 201, 201, 201, 201]);
    const limited = results[5];
    expect(limited?.statusCode).toBe(429);
    expect(limited?.json()).toMatchObject({ error: "rate_limited", message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
    expect(Number(limited?.headers["retry-after"])).toBeGreaterThan(0);
  });

  it("counts each client address separately, taken from X-Forwarded-For behind a proxy", async () => {
    const other = await start("198.51.100.23");
    expect(other.statusCode).toBe(201);
  });
});

describe(`rate limit on console sign-in (${testDriver})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: "3", TRUST_PROXY: "true" } });
  });
  afterAll(() => t.close());

  const login = (forwardedFor: string, username: string, password: string) =>
    t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "x-forwarded-for": forwardedFor },
      payload: { username, password },
    });

  it("stops one address trying many names (each under its own lockout), not the others", async () => {
    const office = await signIn(t.app, "office");
    const sprayed = [];
    for (const name of ["zhang", "wang", "li"]) sprayed.push(await login("203.0.113.9", name, "Password2026!"));
    expect(sprayed.map((response) => response.statusCode)).toEqual([401, 401, 401]);
    // The right password does not get through from that address until the minute is over...
    const limited = await login("203.0.113.9", office.username, office.password);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ error: "rate_limited", message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    // ...while the person at another address signs in.
    const elsewhere = await login("198.51.100.40", office.username, office.password);
    expect(elsewhere.statusCode).toBe(200);
  });
});
