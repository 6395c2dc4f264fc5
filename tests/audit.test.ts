import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type SignedInUser, signIn, type TestApp } from "./support/test-app";
import { testDriver } from "./support/test-database";

interface Entry {
  id: number;
  at: string;
  userId: number | null;
  username: string | null;
  action: string;
  target: string | null;
  details: Record<string, unknown>;
  ip: string | null;
}

describe(`user management and the audit log (${testDriver})`, () => {
  let t: TestApp;
  let admin: SignedInUser;
  const auditLog = async (query = ""): Promise<{ entries: Entry[]; nextBefore: number | null }> => {
    const response = await t.app.inject({ method: "GET", url: `/api/admin/audit${query}`, headers: admin.headers });
    expect(response.statusCode).toBe(200);
    return response.json();
  };
  const createUser = (payload: Record<string, unknown>, headers = admin.headers) =>
    t.app.inject({ method: "POST", url: "/api/admin/users", payload, headers });
  const patchUser = (userId: number, payload: Record<string, unknown>, headers = admin.headers) =>
    t.app.inject({ method: "PATCH", url: `/api/admin/users/${userId}`, payload, headers });

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
    admin = await signIn(t.app, "admin");
  });
  afterAll(() => t.close());

  it("creates a scoped staff user and records who did it, when and from where", async () => {
    const response = await createUser({
      username: "zhang.san",
      displayName: "张三",
      password: "a-long-password",
      role: "staff",
      townCodes: ["310117001", "310117106"],
    });
    expect(response.statusCode).toBe(201);
    const user = response.json();
    expect(user).toEqual({
      id: expect.any(Number),
      username: "zhang.san",
      displayName: "张三",
      role: "staff",
      townCodes: ["310117001", "310117106"],
      domains: [],
      disabled: false,
      lockedUntil: null,
      createdAt: expect.any(String),
    });
    const [entry] = (await auditLog("?action=user.create")).entries;
    expect(entry).toMatchObject({
      userId: admin.userId,
      username: admin.username,
      action: "user.create",
      target: `user:${user.id}`,
      details: { username: "zhang.san", role: "staff", townCodes: ["310117001", "310117106"] },
      ip: "127.0.0.1",
    });
    expect(JSON.stringify(entry)).not.toContain("a-long-password");
    const list = await t.app.inject({ method: "GET", url: "/api/admin/users", headers: admin.headers });
    expect(list.json().map((row: { username: string }) => row.username)).toContain("zhang.san");
  });

  it("refuses short passwords, taken usernames and unknown towns", async () => {
    const weak = await createUser({ username: "li.si", displayName: "李四", password: "short", role: "office" });
    expect(weak.statusCode).toBe(422);
    expect(weak.json()).toMatchObject({ error: "weak_password", minLength: 10 });
    const taken = await createUser({
      username: "zhang.san",
      displayName: "张三",
      password: "a-long-password",
      role: "office",
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toBe("duplicate_username");
    const town = await createUser({
      username: "wang.wu",
      displayName: "王五",
      password: "a-long-password",
      role: "staff",
      townCodes: ["999"],
    });
    expect(town.statusCode).toBe(400);
    const role = await createUser({
      username: "zhao.liu",
      displayName: "赵六",
      password: "a-long-password",
      role: "boss",
    });
    expect(role.statusCode).toBe(400);
  });

  it("changes role and scopes, resets a password (ending the user's sessions) and audits each change", async () => {
    const user = await signIn(t.app, "staff", { townCodes: ["310117001"] });
    const changed = await patchUser(user.userId, {
      role: "department",
      townCodes: [],
      domains: ["health", "education"],
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ role: "department", townCodes: [], domains: ["health", "education"] });
    // The role takes effect at once on the open session.
    const me = await t.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: user.cookie } });
    expect(me.json().user.role).toBe("department");

    const reset = await patchUser(user.userId, { password: "brand-new-password" });
    expect(reset.statusCode).toBe(200);
    const old = await t.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: user.cookie } });
    expect(old.statusCode).toBe(401);
    const login = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: user.username, password: "brand-new-password" },
    });
    expect(login.statusCode).toBe(200);

    const updates = (await auditLog(`?action=user.update`)).entries.filter(
      (entry) => entry.target === `user:${user.userId}`,
    );
    expect(updates).toHaveLength(2);
    expect(updates[1]?.details.changes).toEqual({
      role: { from: "staff", to: "department" },
      townCodes: { from: ["310117001"], to: [] },
      domains: { from: [], to: ["health", "education"] },
    });
    expect(updates[0]?.details.changes).toEqual({ password: { from: "[hidden]", to: "[reset]" } });
    expect(JSON.stringify(updates)).not.toContain("brand-new-password");

    expect((await patchUser(987654, { disabled: true })).json().error).toBe("unknown_user");
    expect((await patchUser(user.userId, { password: "tiny" })).statusCode).toBe(422);
  });

  it("keeps at least one active administrator", async () => {
    const list = await t.app.inject({ method: "GET", url: "/api/admin/users", headers: admin.headers });
    const otherAdmins = list
      .json()
      .filter((row: { role: string; id: number }) => row.role === "admin" && row.id !== admin.userId);
    for (const other of otherAdmins) expect((await patchUser(other.id, { disabled: true })).statusCode).toBe(200);
    const demote = await patchUser(admin.userId, { role: "office" });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error).toBe("last_admin");
    expect((await patchUser(admin.userId, { disabled: true })).statusCode).toBe(409);
    expect((await patchUser(admin.userId, { displayName: "总管理员" })).statusCode).toBe(200);
  });

  it("records sign-ins and failed sign-ins", async () => {
    const user = await signIn(t.app, "office");
    await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: user.username, password: "not-the-password" },
    });
    const logins = (await auditLog(`?action=auth.login&user=${user.username}`)).entries;
    expect(logins).toHaveLength(1);
    expect(logins[0]).toMatchObject({ userId: user.userId, target: `user:${user.userId}`, ip: "127.0.0.1" });
    const failed = (await auditLog("?action=auth.login_failed")).entries;
    expect(failed[0]).toMatchObject({ userId: null, details: { username: user.username } });
    // A name that is no account's may be a password typed into the wrong field: it is not kept.
    const typedPassword = `Secret-${user.password}`;
    await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username: typedPassword, password: "x" } });
    const latest = (await auditLog("?action=auth.login_failed")).entries[0];
    expect(latest).toMatchObject({ userId: null, details: { unknownName: true } });
    expect(JSON.stringify(latest)).not.toContain(typedPassword);
  });

  it("pages the log newest first with limit and before", async () => {
    const first = await auditLog("?limit=2");
    expect(first.entries).toHaveLength(2);
    const [newer, older] = first.entries;
    expect((newer?.id ?? 0) > (older?.id ?? 0)).toBe(true);
    expect(first.nextBefore).toBe(older?.id);
    const second = await auditLog(`?limit=2&before=${first.nextBefore}`);
    expect(second.entries[0]?.id).toBeLessThan(older?.id ?? 0);
    const all = await auditLog("?limit=500");
    expect(all.nextBefore).toBeNull();
    const bad = await t.app.inject({ method: "GET", url: "/api/admin/audit?limit=abc", headers: admin.headers });
    expect(bad.statusCode).toBe(400);
  });
});

describe(`audit addresses behind a reverse proxy (${testDriver})`, () => {
  it.each([
    [
      "takes the client address from X-Forwarded-For behind one trusted proxy (TRUST_PROXY=1)",
      "203.0.113.7",
      "203.0.113.7",
    ],
    [
      "records the address the trusted proxy saw, not the one the client wrote into X-Forwarded-For",
      "10.1.2.3, 198.51.100.5",
      "198.51.100.5",
    ],
  ])("%s", async (_, forwardedFor, recorded) => {
    const t = await createTestApp({ env: { TRUST_PROXY: "1" } });
    try {
      const admin = await signIn(t.app, "admin");
      const created = await t.app.inject({
        method: "POST",
        url: "/api/admin/users",
        payload: { username: "proxy.user", displayName: "代理", password: "a-long-password", role: "office" },
        headers: { ...admin.headers, "x-forwarded-for": forwardedFor },
      });
      expect(created.statusCode).toBe(201);
      const log = await t.app.inject({
        method: "GET",
        url: "/api/admin/audit?action=user.create",
        headers: admin.headers,
      });
      expect(log.json().entries[0].ip).toBe(recorded);
    } finally {
      await t.close();
    }
  });

  it("ignores X-Forwarded-For without TRUST_PROXY", async () => {
    const t = await createTestApp();
    try {
      const admin = await signIn(t.app, "admin");
      await t.app.inject({
        method: "POST",
        url: "/api/admin/users",
        payload: { username: "direct.user", displayName: "直连", password: "a-long-password", role: "office" },
        headers: { ...admin.headers, "x-forwarded-for": "203.0.113.7" },
      });
      const log = await t.app.inject({
        method: "GET",
        url: "/api/admin/audit?action=user.create",
        headers: admin.headers,
      });
      expect(log.json().entries[0].ip).toBe("127.0.0.1");
    } finally {
      await t.close();
    }
  });
});
