import { randomBytes } from "node:crypto";
import { type DatabaseHandle, openDatabase } from "@survey/db";
import type { FastifyInstance } from "fastify";
import { createServer } from "../../apps/api/src/create-server";
import { loadConfig } from "../../apps/api/src/platform/config";
import { seedDemoData } from "../../apps/api/src/seed/seed-demo";

/**
 * The API in this process on the database at `url`, migrated and seeded with the demo frame and wave. No query
 * timeout: at a million responses one results query runs longer than the API's default (30 s).
 */
export async function openDemoApp(url: string): Promise<{ handle: DatabaseHandle; app: FastifyInstance }> {
  const handle = await openDatabase({ url, poolSize: 4, queryTimeoutMs: 0 });
  await handle.migrate();
  await seedDemoData(handle.db, new Date());
  const config = loadConfig({
    NODE_ENV: "test",
    DATABASE_QUERY_TIMEOUT_MS: "0",
    DATABASE_URL: url,
    PII_SECRET: randomBytes(32).toString("hex"),
    LOG_LEVEL: "silent",
    RESERVATION_SWEEP_MS: "0",
    SEED_DEMO: "false",
  });
  return { handle, app: await createServer({ config, database: handle }) };
}
