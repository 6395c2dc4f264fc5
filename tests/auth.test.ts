import { createHash } from "node:crypto";
import { PassThrough } from "node:stream";
import { sessions, users } from "@survey/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer } from "../apps/api/src/create-server";
import { createTestApp, signIn, type TestApp, TestClock } from "./support/test-app";
import { testDriver } from "./support/test-database";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function cookieOf(response: { cookies: { name: string; value: string }[] }): string {
  const session = response.cookies.find((cookie) => cookie.name === "survey_session");
  if (!session) throw new Error("no session cookie");
  return `survey_session=${session.value}`;
}

describe(`sign-in, sessions and CSRF (${testDriver})`, () => {
  const clock = new TestClock();
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ now: clock.now });
  });
  afterAll(() => t.close());

  const login = (username: string, password: string, headers: Record<string, string> = {}, remoteAddress?: string) =>
    t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password }, headers, remoteAddress });

  it("signs in: 200 {user, csrfToken} and an httpOnly, SameSite=Strict session cookie on path /", async () => {
    const { username, password } = await signIn(t.app, "office");
    const response = await login(username, password);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(Object.keys(body).sort()).toEqual(["csrfToken", "user"]);
    expect(body.user).toMatchObject({ username, role: "office", townCodes: [], domains: [] });
    expect(body.user).not.toHaveProperty("passwordHash");
    expect(body.csrfToken.length).toBeGreaterThanOrEqual(32);
    const setCookie = String(response.headers["set-cookie"]);
    expect(setCookie).toMatch(/^survey_session=[\w-]{40,};/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Secure/);
  });

  it("stores only the SHA-256 of the cookie value", async () => {
    const { cookie } = await signIn(t.app, "staff");
    const value = cookie.split("=")[1] ?? "";
    const rows = await t.database.handle.db.select().from(sessions);
    expect(rows.some((row) => row.idHash === value)).toBe(false);
    expect(rows.some((row) => row.idHash === createHash("sha256").update(value).digest("hex"))).toBe(true);
  });

  it("GET /api/auth/me answers the user and the same CSRF token, 401 without a session", async () => {
    const signedIn = await signIn(t.app, "department", { domains: ["health"] });
    const me = await t.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: signedIn.cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual({
      user: expect.objectContaining({ id: signedIn.userId, role: "department", domains: ["health"] }),
      csrfToken: signedIn.csrfToken,
    });
    const anonymous = await t.app.inject({ method: "GET", url: "/api/auth/me" });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error).toBe("unauthenticated");
    const forged = await t.app.inject({
      method: "GET",
      url: "/api/auth/me",
      headers: { cookie: "survey_session=not-a-session" },
    });
    expect(forged.statusCode).toBe(401);
  });

  it("answers a wrong password and an unknown user alike, after similar work", async () => {
    const { username } = await signIn(t.app, "staff");
    const time = async (name: string) => {
      const started = performance.now();
      const response = await login(name, "definitely-wrong-password");
      return { response, ms: performance.now() - started };
    };
    const wrong = [await time(username), await time(username)];
    const unknown = [await time("nobody-here"), await time("nobody-here")];
    for (const { response } of [...wrong, ...unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({ error: "invalid_credentials", message: "用户名或密码不正确。" });
    }
    // Both run one argon2 verification; an unknown user must not answer in a fraction of the time.
    const fastest = (samples: { ms: number }[]) => Math.min(...samples.map((sample) => sample.ms));
    expect(fastest(unknown)).toBeGreaterThan(fastest(wrong) * 0.4);
  });

  it("delays an account from its 5th failed sign-in, doubling up to a minute, then lets the right password in", async () => {
    const { username, password } = await signIn(t.app, "staff");
    const failAt = (address: string) => login(username, "wrong-password!", {}, address);
    for (let attempt = 1; attempt <= 4; attempt++) expect((await failAt("198.51.100.20")).statusCode).toBe(401);
    const fifth = await failAt("198.51.100.20");
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json()).toMatchObject({ error: "login_delayed", retryAfterSeconds: 1 });
    expect(fifth.headers["retry-after"]).toBe("1");
    // During the delay even the right password is refused, from any address, and the attempt does not count.
    const early = await login(username, password, {}, "198.51.100.21");
    expect(early.statusCode).toBe(429);
    expect(early.json().retryAfterSeconds).toBe(1);
    clock.advance(1000);
    expect((await login(username, password)).statusCode).toBe(200);
    // The count starts afresh after a sign-in: 4 more failures answer 401.
    for (let attempt = 1; attempt <= 4; attempt++) expect((await failAt("198.51.100.22")).statusCode).toBe(401);
    // Failures past the 5th, each after the previous delay: 1 s, 2 s, 4 s … never more than 60 s.
    const delays: number[] = [];
    for (let attempt = 5; attempt <= 12; attempt++) {
      const answer = await failAt(`198.51.100.${30 + attempt}`);
      expect(answer.statusCode).toBe(429);
      delays.push(answer.json().retryAfterSeconds);
      clock.advance(answer.json().retryAfterSeconds * 1000);
    }
    expect(delays).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
    expect((await login(username, password)).statusCode).toBe(200);
  });

  it("refuses a state-changing admin request without or with a wrong CSRF token (403 csrf_failed)", async () => {
    const admin = await signIn(t.app, "admin");
    const payload = { username: "csrf-check", displayName: "检查", password: "long-enough-pw", role: "staff" };
    const missing = await t.app.inject({
      method: "POST",
      url: "/api/admin/users",
      payload,
      headers: { cookie: admin.cookie },
    });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().error).toBe("csrf_failed");
    const other = await signIn(t.app, "admin");
    const wrong = await t.app.inject({
      method: "POST",
      url: "/api/admin/users",
      payload,
      headers: { cookie: admin.cookie, "x-csrf-token": other.csrfToken },
    });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error).toBe("csrf_failed");
    const right = await t.app.inject({ method: "POST", url: "/api/admin/users", payload, headers: admin.headers });
    expect(right.statusCode).toBe(201);
    // Reading needs no token.
    const list = await t.app.inject({ method: "GET", url: "/api/admin/users", headers: { cookie: admin.cookie } });
    expect(list.statusCode).toBe(200);
  });

  it("signs out: CSRF required, the session ends and the cookie is cleared", async () => {
    const user = await signIn(t.app, "office");
    const noToken = await t.app.inject({ method: "POST", url: "/api/auth/logout", headers: { cookie: user.cookie } });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error).toBe("csrf_failed");
    const out = await t.app.inject({ method: "POST", url: "/api/auth/logout", headers: user.headers });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers["set-cookie"])).toMatch(/survey_session=;.*Expires=Thu, 01 Jan 1970/);
    const me = await t.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: user.cookie } });
    expect(me.statusCode).toBe(401);
    const again = await t.app.inject({ method: "POST", url: "/api/auth/logout", headers: user.headers });
    expect(again.statusCode).toBe(401);
  });

  it("keeps a used session alive for 12 hours after each use and ends an idle one", async () => {
    const user = await signIn(t.app, "office");
    const me = () => t.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: user.cookie } });
    clock.advance(11 * HOUR);
    expect((await me()).statusCode).toBe(200);
    clock.advance(11 * HOUR);
    expect((await me()).statusCode).toBe(200);
    clock.advance(12 * HOUR + MINUTE);
    expect((await me()).statusCode).toBe(401);
  });

  it("refuses a disabled user and ends their sessions", async () => {
    const admin = await signIn(t.app, "admin");
    const user = await signIn(t.app, "staff");
    const disable = await t.app.inject({
      method: "PATCH",
      url: `/api/admin/users/${user.userId}`,
      payload: { disabled: true },
      headers: admin.headers,
    });
    expect(disable.statusCode).toBe(200);
    expect(disable.json().disabled).toBe(true);
    const me = await t.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: user.cookie } });
    expect(me.statusCode).toBe(401);
    const again = await login(user.username, user.password);
    expect(again.statusCode).toBe(401);
    expect(again.json().error).toBe("invalid_credentials");
  });

  it("rejects a malformed sign-in body with 400", async () => {
    const response = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "x" } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toBe("invalid_request");
  });
});

describe(`secure cookie behind a TLS proxy (${testDriver})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { TRUST_PROXY: "1" } });
  });
  afterAll(() => t.close());

  it("marks the cookie Secure when the request came over https", async () => {
    const user = await signIn(t.app, "office");
    const response = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: user.username, password: user.password },
      headers: { "x-forwarded-proto": "https" },
    });
    expect(response.statusCode).toBe(200);
    expect(String(response.headers["set-cookie"])).toMatch(/; Secure/);
    expect(cookieOf(response)).toMatch(/^survey_session=/);
  });
});

describe(`first administrator (${testDriver})`, () => {
  it("creates the configured admin once and never again", async () => {
    const t = await createTestApp({ env: { ADMIN_USERNAME: "chief", ADMIN_PASSWORD: "configured-secret-1" } });
    try {
      const login = await t.app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username: "chief", password: "configured-secret-1" },
      });
      expect(login.statusCode).toBe(200);
      expect(login.json().user.role).toBe("admin");
      // A second process on the same database, with another password configured, creates nobody.
      const second = await createServer({
        config: { ...t.config, adminUsername: "other-chief", adminPassword: "another-secret-2" },
        database: t.database.handle,
      });
      await second.close();
      const accounts = await t.database.handle.db.select().from(users).orderBy(users.id);
      expect(accounts.map((user) => user.username)).toEqual(["chief"]);
    } finally {
      await t.close();
    }
  });

  it("generates a password when none is configured and prints it once", async () => {
    const firstLog = new PassThrough();
    const lines: string[] = [];
    firstLog.on("data", (chunk) => lines.push(String(chunk)));
    const t = await createTestApp({ logStream: firstLog });
    try {
      const message = lines
        .map((line) => JSON.parse(line).msg as string)
        .find((msg) => msg?.includes("first administrator"));
      const password = message?.match(/generated password (\S+)/)?.[1];
      expect(password).toBeDefined();
      const login = await t.app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username: "admin", password },
      });
      expect(login.statusCode).toBe(200);

      const secondLog = new PassThrough();
      const later: string[] = [];
      secondLog.on("data", (chunk) => later.push(String(chunk)));
      const second = await createServer({ config: t.config, database: t.database.handle, logStream: secondLog });
      await second.close();
      expect(later.join("")).not.toContain("first administrator");
      expect(later.join("")).not.toContain(password);
    } finally {
      await t.close();
    }
  });

  it("creates exactly one admin when several processes start together", async () => {
    const t = await createTestApp({ env: { ADMIN_PASSWORD: "configured-secret-1" } });
    try {
      await t.database.handle.db.delete(sessions);
      await t.database.handle.db.execute("delete from users" as never);
      const servers = await Promise.all(
        [1, 2, 3].map(() => createServer({ config: t.config, database: t.database.handle })),
      );
      await Promise.all(servers.map((server) => server.close()));
      const accounts = await t.database.handle.db.select().from(users).orderBy(users.id);
      expect(accounts).toHaveLength(1);
      expect(accounts[0]?.role).toBe("admin");
    } finally {
      await t.close();
    }
  });
});
