import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { type Config, loadConfig } from "../../apps/api/src/config";
import { createServer } from "../../apps/api/src/create-server";
import { createTestDatabase, type TestDatabase } from "./test-database";

export const TEST_PII_SECRET = "test-pii-secret-0123456789abcdef0123456789";

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  config: Config;
  close(): Promise<void>;
}

/** A settable clock for tests that walk through expiry windows. */
export class TestClock {
  constructor(private current = new Date("2026-11-20T02:00:00Z")) {}
  now = () => new Date(this.current);
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
  set(date: Date) {
    this.current = new Date(date);
  }
}

export async function createTestApp(
  options: {
    seedDemo?: boolean;
    now?: () => Date;
    env?: Record<string, string>;
    logStream?: NodeJS.WritableStream;
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: "test",
    PII_SECRET: TEST_PII_SECRET,
    SEED_DEMO: options.seedDemo ? "true" : "false",
    LOG_LEVEL: options.logStream ? "info" : "silent",
    DATA_DIR: mkdtempSync(join(tmpdir(), "survey-test-")),
    RESERVATION_SWEEP_MS: "0",
    ...options.env,
  });
  const app = await createServer({ config, database: database.handle, now: options.now, logStream: options.logStream });
  return {
    app,
    database,
    config,
    close: async () => {
      await app.close();
      await database.destroy();
    },
  };
}
