import { PassThrough } from "node:stream";
import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { loadConfig } from "./config";
import { loggerOptions } from "./logging";

const SECRET = { PII_SECRET: "p".repeat(32), DATA_DIR: "/nonexistent-unused" };
const PRODUCTION = {
  ...SECRET,
  NODE_ENV: "production",
  SMS_PROVIDER: "http",
  SMS_HTTP_URL: "https://sms.example/s",
  SMS_HTTP_TOKEN: "t",
};

async function logged(env: Record<string, string>): Promise<string> {
  const out = new PassThrough();
  let text = "";
  out.on("data", (chunk) => {
    text += chunk;
  });
  const app = Fastify({ logger: loggerOptions(loadConfig(env), out) });
  app.log.info({ phone: "13912345678", waveId: 7 }, "resident started");
  await app.close();
  return text;
}

describe("log format", () => {
  it("writes readable lines in development, with the same redaction", async () => {
    const text = await logged({ ...SECRET, NODE_ENV: "development" });
    expect(text).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: resident started/m);
    expect(text).toContain("waveId: 7");
    expect(text).not.toContain("13912345678");
    expect(() => JSON.parse(text.split("\n")[0] ?? "")).toThrow();
  });

  it("writes one JSON object per line in production (and on LOG_FORMAT=json)", async () => {
    for (const env of [PRODUCTION, { ...SECRET, NODE_ENV: "development", LOG_FORMAT: "json" }]) {
      const lines = (await logged(env)).trim().split("\n");
      const entry = JSON.parse(lines.at(-1) ?? "");
      expect(entry).toMatchObject({ level: 30, msg: "resident started", waveId: 7, phone: "[redacted]" });
    }
  });
});
