import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { createServer } from "../../../apps/api/src/create-server";
import { loadConfig } from "../../../apps/api/src/platform/config";
import { GENEROUS_RESIDENT_LIMITS, TEST_PII_SECRET } from "../../support/test-app";
import { createTestDatabase, type TestDatabase } from "../../support/test-database";
import { ensureConsoleBuilt } from "./console-build";

export const ADMIN_USERNAME = "e2e-admin";
export const ADMIN_PASSWORD = "e2e-admin-password-2026";
/** Where the QR posters point. */
export const PUBLIC_SURVEY_URL = "https://survey.example.gov.cn/";

export interface ConsoleServer {
  app: FastifyInstance;
  /** e.g. http://127.0.0.1:43121 */
  origin: string;
  close(): Promise<void>;
}

/**
 * The real API on a random port, serving the built console, on an in-memory PGlite database with the
 * Songjiang demo frame and wave and a first administrator.
 */
export async function startConsoleServer(): Promise<ConsoleServer> {
  ensureConsoleBuilt();
  const database: TestDatabase = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: "test",
    PII_SECRET: TEST_PII_SECRET,
    SEED_DEMO: "true",
    LOG_LEVEL: "silent",
    DATA_DIR: mkdtempSync(join(tmpdir(), "console-e2e-")),
    RESERVATION_SWEEP_MS: "0",
    ADMIN_USERNAME,
    ADMIN_PASSWORD,
    PUBLIC_SURVEY_URL,
    ...GENEROUS_RESIDENT_LIMITS,
  });
  const app = await createServer({ config, database: database.handle });
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  return {
    app,
    origin: address,
    close: async () => {
      await app.close();
      await database.destroy();
    },
  };
}
