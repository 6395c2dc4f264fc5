import { SESSION_COOKIE } from "@survey/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type SignedInUser, signIn, type TestApp } from "./support/test-app";
import { testDriver } from "./support/test-database";

describe(`a user changes their own password (${testDriver})`, () => {
  let t: TestApp;
  let office: SignedInUser;

  beforeAll(async () => {
    t = await createTestApp();
    office = await signIn(t.app, "office");
  });
  afterAll(() => t.close());

  const change = (user: SignedInUser, body: object, headers: Record<string, string> = user.headers) =>
    t.app.inject({ method: "POST", url: "/api/auth/password", headers, payload: body });
  const login = (username: string, password: string) =>
    t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } });
  const me = (cookie: string) => t.app.inject({ url: "/api/auth/me", headers: { cookie } });

  it("refuses without a session, without the CSRF token, and with a wrong current password", async () => {
    const anonymous = await t.app.inject({
      method: "POST",
      url: "/api/auth/password",
      payload: { currentPassword: "x", newPassword: "a-new-passphrase-9" },
    });
    expect(anonymous.statusCode).toBe(401);
    const noCsrf = await change(
      office,
      { currentPassword: office.password, newPassword: "a-new-passphrase-9" },
      {
        cookie: office.cookie,
      },
    );
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error).toBe("csrf_failed");
    const wrong = await change(office, { currentPassword: "not-the-password", newPassword: "a-new-passphrase-9" });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error).toBe("wrong_password");
    expect((await login(office.username, office.password)).statusCode).toBe(200);
  });

  it.each(["          ", "1234567890", "aaaaaaaaaaaa", "short"])("refuses the weak new password %j", async (weak) => {
    const response = await change(office, { currentPassword: office.password, newPassword: weak });
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toBe("weak_password");
    expect(response.json().message).toMatch(/密码/);
  });

  it("changes it: the old password stops working, other sessions end, this one stays", async () => {
    const elsewhere = await login(office.username, office.password);
    const elsewhereCookie = `${SESSION_COOKIE}=${elsewhere.cookies.find((c) => c.name === SESSION_COOKIE)?.value}`;
    expect((await me(elsewhereCookie)).statusCode).toBe(200);

    const newPassword = "雨后的松江-2026-spring";
    const changed = await change(office, { currentPassword: office.password, newPassword });
    expect(changed.statusCode).toBe(204);

    expect((await me(elsewhereCookie)).statusCode).toBe(401);
    expect((await me(office.cookie)).statusCode).toBe(200);
    expect((await login(office.username, office.password)).json().error).toBe("invalid_credentials");
    expect((await login(office.username, newPassword)).statusCode).toBe(200);

    const audit = await t.app.inject({
      url: "/api/admin/audit?action=auth.password_change",
      headers: (await signIn(t.app, "admin")).headers,
    });
    expect(audit.body).toContain("auth.password_change");
    expect(audit.body).not.toContain(newPassword);
  });
});
