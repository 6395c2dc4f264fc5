import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";

const dataDir = () => mkdtempSync(join(tmpdir(), "config-test-"));

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig({ DATA_DIR: dataDir(), ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

const ALIYUN = {
  SMS_PROVIDER: "aliyun",
  SMS_ACCESS_KEY_ID: "LTAI5tExampleKeyId",
  SMS_ACCESS_KEY_SECRET: "exampleSecret0123456789",
  SMS_SIGN_NAME: "松江区社建办",
  SMS_TEMPLATE_ID: "SMS_465890123",
};
const TENCENT = { ...ALIYUN, SMS_PROVIDER: "tencent", SMS_TEMPLATE_ID: "1234567", SMS_APP_ID: "1400006666" };

describe("configuration", () => {
  it("starts with defaults: embedded PGlite, port 3000, dev-outbox SMS, demo data", () => {
    const config = loadConfig({ DATA_DIR: dataDir() });
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
      sms: { provider: "dev-outbox" },
      seedDemo: true,
      trustProxy: false,
      // Development listens on loopback only (the dev outbox shows SMS codes) and leaves Secure to https.
      host: "127.0.0.1",
      cookieSecure: false,
    });
  });

  it("listens on every address and marks the session cookie Secure in production, unless told otherwise", () => {
    const production = {
      DATA_DIR: dataDir(),
      NODE_ENV: "production",
      PII_SECRET: "p".repeat(40),
      SMS_PROVIDER: "http",
      SMS_HTTP_URL: "https://sms.example/send",
      SMS_HTTP_TOKEN: "token",
    };
    expect(loadConfig(production)).toMatchObject({ host: "0.0.0.0", cookieSecure: true });
    expect(loadConfig({ ...production, HOST: "10.0.0.5", COOKIE_SECURE: "false" })).toMatchObject({
      host: "10.0.0.5",
      cookieSecure: false,
    });
    expect(loadConfig({ DATA_DIR: dataDir(), COOKIE_SECURE: "true" }).cookieSecure).toBe(true);
  });

  it.each([
    [{ PORT: "abc" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
    [{ DATABASE_URL: "not a url" }, "DATABASE_URL"],
    [{ TRUST_PROXY: "maybe" }, "TRUST_PROXY"],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL"],
    [{ NODE_ENV: "staging" }, "NODE_ENV"],
    [{ PII_SECRET: "short" }, "PII_SECRET"],
    [{ SEED_DEMO: "perhaps" }, "SEED_DEMO"],
    [{ REDIS_URL: "http://x" }, "REDIS_URL"],
    [{ SMS_PROVIDER: "pigeon" }, "SMS_PROVIDER"],
    [{ SMS_PROVIDER: "http" }, "SMS_HTTP_URL"],
    [{ SMS_PROVIDER: "aliyun" }, "SMS_ACCESS_KEY_ID"],
    [{ SMS_PROVIDER: "tencent" }, "SMS_APP_ID"],
    [{ ...ALIYUN, SMS_TEMPLATE_ID: "123456" }, "SMS_TEMPLATE_ID"],
    [{ ...TENCENT, SMS_TEMPLATE_ID: "SMS_1" }, "SMS_TEMPLATE_ID"],
    [{ ...TENCENT, SMS_ENDPOINT: "https://sms.tencentcloudapi.com" }, "SMS_ENDPOINT"],
    [{ ...ALIYUN, SMS_CA_FILE: "/nonexistent/ca.pem" }, "SMS_CA_FILE"],
    [{ METRICS_TOKEN: "short" }, "METRICS_TOKEN"],
    [{ LOG_FORMAT: "xml" }, "LOG_FORMAT"],
    [{ VERIFY_RATE_LIMIT_PER_MINUTE: "0" }, "VERIFY_RATE_LIMIT_PER_MINUTE"],
    [{ LOGIN_RATE_LIMIT_PER_MINUTE: "0" }, "LOGIN_RATE_LIMIT_PER_MINUTE"],
    [{ LOCAL_ID_PREFIX: "3a" }, "LOCAL_ID_PREFIX"],
    [{ HELD_RESERVATIONS_PER_ADDRESS: "0" }, "HELD_RESERVATIONS_PER_ADDRESS"],
    [{ COMMUNITY_CLAIMS_PER_MINUTE: "many" }, "COMMUNITY_CLAIMS_PER_MINUTE"],
    [{ SMS_BUDGET_PER_MINUTE: "-1" }, "SMS_BUDGET_PER_MINUTE"],
  ])("refuses %o naming %s", (env, name) => {
    const problems = problemsOf(env as Record<string, string>);
    expect(problems.some((problem) => problem.startsWith(name))).toBe(true);
  });

  it("requires a PII secret and a real SMS gateway in production", () => {
    const problems = problemsOf({ NODE_ENV: "production" });
    expect(problems.some((problem) => problem.startsWith("PII_SECRET"))).toBe(true);
    expect(problems.some((problem) => problem.includes("dev-outbox"))).toBe(true);
  });

  it("takes an Aliyun or Tencent Cloud SMS account, with the vendor's public endpoint by default", () => {
    const production = { NODE_ENV: "production", PII_SECRET: "s".repeat(32), DATA_DIR: dataDir() };
    expect(loadConfig({ ...production, ...ALIYUN }).sms).toEqual({
      provider: "aliyun",
      accessKeyId: ALIYUN.SMS_ACCESS_KEY_ID,
      accessKeySecret: ALIYUN.SMS_ACCESS_KEY_SECRET,
      signName: "松江区社建办",
      templateId: "SMS_465890123",
      endpoint: "dysmsapi.aliyuncs.com",
      caFile: undefined,
      timeoutMs: 5000,
    });
    expect(loadConfig({ ...production, ...TENCENT })).toMatchObject({
      sms: { provider: "tencent", appId: "1400006666", region: "ap-guangzhou", endpoint: "sms.tencentcloudapi.com" },
    });
  });

  it("reports every problem at once", () => {
    expect(problemsOf({ PORT: "x", LOG_LEVEL: "y" })).toHaveLength(2);
  });

  it("generates the embedded PII secret once and keeps it in DATA_DIR", () => {
    const dir = dataDir();
    const first = loadConfig({ DATA_DIR: dir }).piiSecret;
    const second = loadConfig({ DATA_DIR: dir }).piiSecret;
    expect(first).toHaveLength(64);
    expect(second).toBe(first);
    expect(readFileSync(join(dir, "pii-secret"), "utf8")).toBe(first);
  });

  it("parses TRUST_PROXY as boolean, hop count or address list", () => {
    expect(loadConfig({ DATA_DIR: dataDir(), TRUST_PROXY: "true" }).trustProxy).toBe(true);
    expect(loadConfig({ DATA_DIR: dataDir(), TRUST_PROXY: "2" }).trustProxy).toBe(2);
    expect(loadConfig({ DATA_DIR: dataDir(), TRUST_PROXY: "10.0.0.0/8" }).trustProxy).toBe("10.0.0.0/8");
  });

  it("refuses TRUST_PROXY=true in production, where any client could choose its address", () => {
    const production = { NODE_ENV: "production", PII_SECRET: "s".repeat(32), SMS_PROVIDER: "http" };
    const gateway = { SMS_HTTP_URL: "https://sms.example.cn/send", SMS_HTTP_TOKEN: "token" };
    expect(() => loadConfig({ DATA_DIR: dataDir(), ...production, ...gateway, TRUST_PROXY: "true" })).toThrow(
      /TRUST_PROXY=true is refused when NODE_ENV=production/,
    );
    expect(loadConfig({ DATA_DIR: dataDir(), ...production, ...gateway, TRUST_PROXY: "1" }).trustProxy).toBe(1);
  });

  it("bounds held reservations per address, claims per community and SMS per minute, configurably", () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).residentLimits).toEqual({
      heldPerAddress: 5,
      communityClaimsPerMinute: 10,
      smsPerMinute: 300,
    });
    const set = loadConfig({
      DATA_DIR: dataDir(),
      HELD_RESERVATIONS_PER_ADDRESS: "2",
      COMMUNITY_CLAIMS_PER_MINUTE: "40",
      SMS_BUDGET_PER_MINUTE: "1000",
    });
    expect(set.residentLimits).toEqual({ heldPerAddress: 2, communityClaimsPerMinute: 40, smsPerMinute: 1000 });
  });
});

describe("PostgreSQL pool settings", () => {
  const SETTINGS = [
    { name: "DATABASE_POOL_SIZE", key: "size", fallback: 10, min: 1, max: 1000 },
    { name: "DATABASE_CONNECT_TIMEOUT_MS", key: "connectTimeoutMs", fallback: 10_000, min: 100, max: 600_000 },
    { name: "DATABASE_QUERY_TIMEOUT_MS", key: "queryTimeoutMs", fallback: 30_000, min: 0, max: 3_600_000 },
  ] as const;

  it("defaults to 10 connections, a 10 s connection wait and a 30 s statement limit", () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).databasePool).toEqual({
      size: 10,
      connectTimeoutMs: 10_000,
      queryTimeoutMs: 30_000,
    });
    // Set but blank counts as not set.
    const blank = loadConfig({
      DATA_DIR: dataDir(),
      DATABASE_POOL_SIZE: " ",
      DATABASE_CONNECT_TIMEOUT_MS: "",
      DATABASE_QUERY_TIMEOUT_MS: "  ",
    });
    expect(blank.databasePool).toEqual({ size: 10, connectTimeoutMs: 10_000, queryTimeoutMs: 30_000 });
  });

  it("reads all three together, with surrounding spaces", () => {
    const config = loadConfig({
      DATA_DIR: dataDir(),
      DATABASE_POOL_SIZE: " 40 ",
      DATABASE_CONNECT_TIMEOUT_MS: "2500",
      DATABASE_QUERY_TIMEOUT_MS: "120000",
    });
    expect(config.databasePool).toEqual({ size: 40, connectTimeoutMs: 2500, queryTimeoutMs: 120_000 });
  });

  it.each(SETTINGS)("accepts $name at both ends of its range, $min and $max", ({ name, key, min, max }) => {
    for (const value of [min, max]) {
      const config = loadConfig({ DATA_DIR: dataDir(), [name]: String(value) });
      expect(config.databasePool[key]).toBe(value);
    }
  });

  it("turns the statement limit off with DATABASE_QUERY_TIMEOUT_MS=0", () => {
    expect(loadConfig({ DATA_DIR: dataDir(), DATABASE_QUERY_TIMEOUT_MS: "0" }).databasePool.queryTimeoutMs).toBe(0);
  });

  const invalidForms = (min: number, max: number) => [
    String(min - 1),
    String(max + 1),
    "-5",
    "2.5",
    "1e3",
    "0x10",
    "ten",
    "10ms",
    "+20",
  ];

  it.each(SETTINGS)("refuses every other form of $name, saying which range it takes", ({ name, min, max }) => {
    for (const raw of invalidForms(min, max)) {
      expect(problemsOf({ [name]: raw }), `${name}=${raw}`).toEqual([
        `${name} must be a whole number from ${min} to ${max} (got "${raw}")`,
      ]);
    }
  });

  it("reports a bad value in each of the three at once", () => {
    expect(
      problemsOf({ DATABASE_POOL_SIZE: "0", DATABASE_CONNECT_TIMEOUT_MS: "fast", DATABASE_QUERY_TIMEOUT_MS: "-1" }),
    ).toEqual([
      'DATABASE_POOL_SIZE must be a whole number from 1 to 1000 (got "0")',
      'DATABASE_CONNECT_TIMEOUT_MS must be a whole number from 100 to 600000 (got "fast")',
      'DATABASE_QUERY_TIMEOUT_MS must be a whole number from 0 to 3600000 (got "-1")',
    ]);
  });

  describe("the key of the ID and phone hashes in production", () => {
    const production = {
      NODE_ENV: "production",
      SMS_PROVIDER: "http",
      SMS_HTTP_URL: "https://sms.example.cn/send",
      SMS_HTTP_TOKEN: "token",
    };
    const keyFile = (dir: string, name = "pii-secret") => {
      mkdirSync(dir, { recursive: true });
      const path = join(dir, name);
      writeFileSync(path, `${"k".repeat(48)}\n`);
      return path;
    };

    it("reads the key from PII_SECRET_FILE outside DATA_DIR", () => {
      const secrets = mkdtempSync(join(tmpdir(), "secrets-"));
      const config = loadConfig({ ...production, DATA_DIR: dataDir(), PII_SECRET_FILE: keyFile(secrets) });
      expect(config.piiSecret).toBe("k".repeat(48));
    });

    it("refuses a key file inside DATA_DIR, the generated key left there, or no key at all", () => {
      const dir = dataDir();
      expect(problemsOf({ ...production, DATA_DIR: dir, PII_SECRET_FILE: keyFile(join(dir, "keys"), "key") })).toEqual([
        expect.stringMatching(/^PII_SECRET_FILE must lie outside DATA_DIR/),
      ]);
      // An installation that ran embedded first: its generated key must move out before production starts.
      loadConfig({ DATA_DIR: dir });
      const left = problemsOf({ ...production, DATA_DIR: dir, PII_SECRET: "p".repeat(40) });
      expect(left).toEqual([expect.stringContaining("refused in production")]);
      expect(problemsOf({ ...production, DATA_DIR: dataDir() })).toEqual([
        expect.stringMatching(/^PII_SECRET or PII_SECRET_FILE/),
      ]);
      expect(problemsOf({ ...production, DATA_DIR: dataDir(), PII_SECRET_FILE: "/nonexistent/key" })).toEqual([
        expect.stringMatching(/^PII_SECRET_FILE names no file/),
      ]);
    });
  });
});
