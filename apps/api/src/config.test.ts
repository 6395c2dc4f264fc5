import { mkdtempSync, readFileSync } from "node:fs";
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

describe("configuration", () => {
  it("starts with defaults: embedded PGlite, port 3000, dev-outbox SMS, demo data", () => {
    const config = loadConfig({ DATA_DIR: dataDir() });
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
      sms: { provider: "dev-outbox" },
      seedDemo: true,
      trustProxy: false,
    });
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
    [{ VERIFY_RATE_LIMIT_PER_MINUTE: "0" }, "VERIFY_RATE_LIMIT_PER_MINUTE"],
    [{ LOCAL_ID_PREFIX: "3a" }, "LOCAL_ID_PREFIX"],
  ])("refuses %o naming %s", (env, name) => {
    const problems = problemsOf(env as Record<string, string>);
    expect(problems.some((problem) => problem.startsWith(name))).toBe(true);
  });

  it("requires a PII secret and a real SMS gateway in production", () => {
    const problems = problemsOf({ NODE_ENV: "production" });
    expect(problems.some((problem) => problem.startsWith("PII_SECRET"))).toBe(true);
    expect(problems.some((problem) => problem.includes("dev-outbox"))).toBe(true);
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
});
