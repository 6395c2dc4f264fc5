import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adultIdNumber, currentWaveId, firstCommunity, mobilePhone } from "./support/resident";
import { createTestApp, signIn, type TestApp } from "./support/test-app";
import { testDriver } from "./support/test-database";

describe(`rate limits on the verification routes (${testDriver})`, () => {
  let t: TestApp;
  let waveId: number;
  let communityCode: string;

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true, env: { VERIFY_RATE_LIMIT_PER_MINUTE: "5", TRUST_PROXY: "1" } });
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

  it("counts the address the trusted proxy saw, however the client rotates the header it sends", async () => {
    // The attack: the client writes its own X-Forwarded-For, a new address each time; nginx appends the
    // address it saw (proxy_add_x_forwarded_for), the right-most entry, which TRUST_PROXY=1 takes.
    const results = [];
    for (let i = 0; i < 8; i++) results.push(await start(`10.9.${i}.${i + 1}, 192.0.2.${i + 10}, 198.51.100.77`));
    expect(results.map((response) => response.statusCode)).toEqual([201, 201, 201, 201, 201, 429, 429, 429]);
    expect(results[5]?.json().error).toBe("rate_limited");
  });
});

describe(`rate limit on console sign-in (${testDriver})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: "3", TRUST_PROXY: "1" } });
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

  it("limits one address that rotates the X-Forwarded-For it writes itself", async () => {
    const tries = [];
    for (let i = 0; i < 6; i++) tries.push(await login(`172.16.${i}.9, 198.51.100.66`, `guess${i}`, "Password2026!"));
    expect(tries.map((response) => response.statusCode)).toEqual([401, 401, 401, 429, 429, 429]);
  });
});
