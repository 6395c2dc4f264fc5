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

describe(`sign-in lockout does not tell real accounts from made-up ones (${testDriver})`, () => {
  const clock = new TestClock();
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ now: clock.now });
  });
  afterAll(() => t.close());

  const login = async (username: string, password: string): Promise<Answer> => {
    const response = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } });
    return { status: response.statusCode, body: response.json() };
  };

  /**
   * Five wrong passwords, one more try while locked (the right password for the real account), then
   * a wrong one after the 15 minutes: the answers, one per attempt.
   */
  const throughTheLockout = async (username: string, rightPassword: string): Promise<Answer[]> => {
    const answers: Answer[] = [];
    for (let attempt = 1; attempt <= 5; attempt++) answers.push(await login(username, `wrong-password-${attempt}`));
    answers.push(await login(username, rightPassword));
    clock.advance(15 * MINUTE + 1000);
    answers.push(await login(username, "wrong-password-again"));
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
    const forReal = await throughTheLockout(real.username, real.password);
    clock.set(new Date(startedAt));
    const forUnknown = await throughTheLockout("made-up-person", "whatever-password");
    clock.set(new Date(startedAt));
    const forDisabled = await throughTheLockout(disabled.username, disabled.password);

    const invalid = { status: 401, body: { error: "invalid_credentials", message: "用户名或密码不正确。" } };
    const locked = {
      status: 423,
      body: expect.objectContaining({
        error: "account_locked",
        lockedUntil: new Date(startedAt + 15 * MINUTE).toISOString(),
      }),
    };
    expect(forReal).toEqual([invalid, invalid, invalid, invalid, locked, locked, invalid]);
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

  it("counts concurrent failures for an unknown username like for a real one: the fifth locks", async () => {
    const real = await signIn(t.app, "staff");
    const both = async (username: string) =>
      (await Promise.all([1, 2, 3, 4, 5].map((attempt) => login(username, `wrong-${attempt}`))))
        .map((answer) => answer.status)
        .sort();
    const realStatuses = await both(real.username);
    const unknownStatuses = await both("nobody-at-all");
    expect(realStatuses).toEqual([401, 401, 401, 401, 423]);
    expect(unknownStatuses).toEqual(realStatuses);
    expect((await login("nobody-at-all", "wrong-6")).status).toBe(423);
  });

  it("locks names one by one: a locked made-up name does not lock another, nor a real account", async () => {
    const real = await signIn(t.app, "staff");
    for (let attempt = 1; attempt <= 5; attempt++) await login("someone-else", `wrong-${attempt}`);
    expect((await login("someone-else", "wrong-6")).status).toBe(423);
    expect((await login("someone-else-2", "wrong")).status).toBe(401);
    expect((await login(real.username, real.password)).status).toBe(200);
  });
});
