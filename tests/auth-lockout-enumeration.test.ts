import { loginFailures, users } from "@survey/db";
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, signIn, type TestApp, TestClock } from "./support/test-app";
import { testDriver } from "./support/test-database";

const MINUTE = 60_000;

/** What a caller sees of one sign-in attempt. */
interface Answer {
  status: number;
  body: Record<string, unknown>;
}

describe(`sign-in delays do not tell real accounts from made-up ones (${testDriver})`, () => {
  const clock = new TestClock();
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ now: clock.now });
  });
  afterAll(() => t.close());

  const login = async (username: string, password: string, remoteAddress = "198.51.100.1"): Promise<Answer> => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username, password },
      remoteAddress,
    });
    return { status: response.statusCode, body: response.json() };
  };

  /**
   * Five wrong passwords, one more try during the delay (the right password for the real account), a wrong
   * one after the delay, and a wrong one a day later (forgotten): the answers, one per attempt. Each series
   * comes from its own address, so that only the name's delays show.
   */
  const throughTheDelays = async (username: string, rightPassword: string, address: string): Promise<Answer[]> => {
    const answers: Answer[] = [];
    for (let attempt = 1; attempt <= 5; attempt++) {
      answers.push(await login(username, `wrong-password-${attempt}`, address));
    }
    answers.push(await login(username, rightPassword, address));
    clock.advance(1000);
    answers.push(await login(username, "wrong-password-again", address));
    clock.advance(25 * 60 * MINUTE);
    answers.push(await login(username, "wrong-password-next-day", address));
    return answers;
  };

  it("answers a real account, a disabled one and an unknown username identically, attempt by attempt", async () => {
    const admin = await signIn(t.app, "admin");
    const real = await signIn(t.app, "staff");
    const disabled = await signIn(t.app, "office");
    const disable = await t.app.inject({
      method: "PATCH",
      url: `/api/admin/users/${disabled.userId}`,
      payload: { disabled: true },
      headers: admin.headers,
    });
    expect(disable.statusCode).toBe(200);
    const usersBefore = await t.database.handle.db.select({ n: count() }).from(users);

    const startedAt = clock.now().getTime();
    const forReal = await throughTheDelays(real.username, real.password, "198.51.100.11");
    clock.set(new Date(startedAt));
    const forUnknown = await throughTheDelays("made-up-person", "whatever-password", "198.51.100.12");
    clock.set(new Date(startedAt));
    const forDisabled = await throughTheDelays(disabled.username, disabled.password, "198.51.100.13");

    const invalid = { status: 401, body: { error: "invalid_credentials", message: "用户名或密码不正确。" } };
    const delayed = (seconds: number) => ({
      status: 429,
      body: { error: "login_delayed", message: "登录失败次数太多，请稍等一会儿再试。", retryAfterSeconds: seconds },
    });
    expect(forReal).toEqual([invalid, invalid, invalid, invalid, delayed(1), delayed(1), delayed(2), invalid]);
    expect(forUnknown).toEqual(forReal);
    expect(forDisabled).toEqual(forReal);

    // No account was created for the made-up name, and the name itself is not kept.
    expect(await t.database.handle.db.select({ n: count() }).from(users)).toEqual(usersBefore);
    const failures = await t.database.handle.db.select().from(loginFailures);
    expect(failures.length).toBeGreaterThan(0);
    for (const row of failures) {
      expect(row.usernameHash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(row)).not.toContain("made-up-person");
    }
  });

  it("counts concurrent failures for an unknown username like for a real one: the fifth delays", async () => {
    const real = await signIn(t.app, "staff");
    const both = async (username: string) =>
      (await Promise.all([1, 2, 3, 4, 5].map((attempt) => login(username, `wrong-${attempt}`, `192.0.2.${attempt}`))))
        .map((answer) => answer.status)
        .sort();
    const realStatuses = await both(real.username);
    const unknownStatuses = await both("nobody-at-all");
    expect(realStatuses).toEqual([401, 401, 401, 401, 429]);
    expect(unknownStatuses).toEqual(realStatuses);
    expect((await login("nobody-at-all", "wrong-6")).status).toBe(429);
  });

  it("delays names one by one: a delayed made-up name does not delay another, nor a real account", async () => {
    const real = await signIn(t.app, "staff");
    for (let attempt = 1; attempt <= 5; attempt++) await login("someone-else", `wrong-${attempt}`);
    expect((await login("someone-else", "wrong-6")).status).toBe(429);
    expect((await login("someone-else-2", "wrong")).status).toBe(401);
    expect((await login(real.username, real.password)).status).toBe(200);
  });
});
