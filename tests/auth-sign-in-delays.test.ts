import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAdminCli } from "../apps/api/src/admin-cli";
import { createTestApp, signIn, type TestApp, TestClock } from "./support/test-app";
import { testDriver } from "./support/test-database";

const ATTACKER = "203.0.113.66";

describe(`sign-in delays instead of a lock, and the command line's unlock and reset (${testDriver})`, () => {
  const clock = new TestClock();
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ now: clock.now });
  });
  afterAll(() => t.close());

  const login = (username: string, password: string, remoteAddress = "127.0.0.1") =>
    t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password }, remoteAddress });

  /** Fails `count` sign-ins for a name from one address, waiting out each delay as a patient attacker would. */
  const failPatiently = async (username: string, count: number, address = ATTACKER) => {
    for (let attempt = 1; attempt <= count; attempt++) {
      const answer = await login(username, `guess-${attempt}`, address);
      expect([401, 429]).toContain(answer.statusCode);
      if (answer.statusCode === 429) clock.advance(answer.json().retryAfterSeconds * 1000);
    }
  };

  const cli = async (args: string[], stdin = "") => {
    const lines: string[] = [];
    const code = await runAdminCli(args, {
      config: t.config,
      database: t.database.handle,
      readStdin: async () => stdin,
      print: (line) => lines.push(line),
      now: clock.now,
    });
    return { code, lines };
  };

  it("lets the only admin sign in after 50 anonymous failures, once at most a minute has passed", async () => {
    const admin = await signIn(t.app, "admin");
    await failPatiently(admin.username, 50);
    // The attacker's hammering during a delay neither counts nor lengthens it.
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await login(admin.username, "hammer", ATTACKER)).statusCode).toBe(429);
    }
    const waiting = await login(admin.username, admin.password);
    expect(waiting.statusCode).toBe(429);
    expect(waiting.json().error).toBe("login_delayed");
    expect(waiting.json().retryAfterSeconds).toBeLessThanOrEqual(60);
    clock.advance(waiting.json().retryAfterSeconds * 1000);
    const signedIn = await login(admin.username, admin.password);
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().user.role).toBe("admin");
  }, 240_000);

  it("slows one address that tries many names, without slowing anyone else", async () => {
    const staff = await signIn(t.app, "staff");
    const sprayer = "203.0.113.90";
    const answers: number[] = [];
    for (let name = 1; name <= 20; name++) answers.push((await login(`name-${name}`, "123456", sprayer)).statusCode);
    expect(answers.slice(0, 19).every((status) => status === 401)).toBe(true);
    expect(answers[19]).toBe(429);
    // The address waits, even with a right password; another address does not.
    expect((await login(staff.username, staff.password, sprayer)).statusCode).toBe(429);
    expect((await login(staff.username, staff.password, "198.51.100.5")).statusCode).toBe(200);
    clock.advance(1000);
    expect((await login(staff.username, staff.password, sprayer)).statusCode).toBe(200);
  });

  it("`admin unlock <name>` lets a delayed name sign in at once", async () => {
    const admin = await signIn(t.app, "admin");
    await failPatiently(admin.username, 12);
    expect((await login(admin.username, "one-more-guess", "198.51.100.77")).statusCode).toBe(429);
    expect((await login(admin.username, admin.password)).statusCode).toBe(429);

    const unlocked = await cli(["unlock", admin.username]);
    expect(unlocked.code).toBe(0);
    expect((await login(admin.username, admin.password)).statusCode).toBe(200);
    // Unlocked means the count started afresh: one failure is an ordinary 401.
    expect((await login(admin.username, "typo", "198.51.100.78")).statusCode).toBe(401);

    const unknown = await cli(["unlock", "no-such-user"]);
    expect(unknown.code).toBe(1);
    expect(unknown.lines.join("\n")).toContain("no-such-user");
    expect((await cli(["unlock"])).code).toBe(2);
  });

  it("`admin reset-password <name>` prints a generated password or reads one from stdin; old sessions end", async () => {
    const admin = await signIn(t.app, "admin");
    await failPatiently(admin.username, 8);
    const reset = await cli(["reset-password", admin.username]);
    expect(reset.code).toBe(0);
    const printed = reset.lines.join("\n").match(/new password \(shown once\): (\S+)/)?.[1];
    expect(printed).toBeDefined();
    expect(
      (await t.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: admin.cookie } })).statusCode,
    ).toBe(401);
    expect((await login(admin.username, admin.password)).statusCode).toBe(401);
    expect((await login(admin.username, printed ?? "")).statusCode).toBe(200);

    const chosen = "Correct-Horse-Battery-42";
    const fromStdin = await cli(["reset-password", admin.username, "--password-stdin"], `${chosen}\n`);
    expect(fromStdin.code).toBe(0);
    expect(fromStdin.lines.join("\n")).not.toContain(chosen);
    expect((await login(admin.username, chosen)).statusCode).toBe(200);

    const weak = await cli(["reset-password", admin.username, "--password-stdin"], "short\n");
    expect(weak.code).toBe(1);
    expect((await login(admin.username, chosen)).statusCode).toBe(200);
  });

  it("`npm run admin` runs the command line (usage on a wrong command)", () => {
    const run = spawnSync("npm", ["run", "--silent", "admin", "--", "frobnicate"], {
      cwd: new URL("..", import.meta.url).pathname,
      env: { ...process.env, NODE_ENV: "test", PII_SECRET: t.config.piiSecret, DATA_DIR: t.config.dataDir },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status).toBe(2);
    expect(run.stdout).toContain("usage: npm run admin -- unlock <name>");
  });
});
