import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer } from "../apps/api/src/create-server";
import { findQuotaInvariantViolations } from "../apps/api/src/modules/resident/data/quota";
import { BackupError, backupDatabase, restoreDatabase } from "../apps/api/src/platform/backup";
import { loadConfig } from "../apps/api/src/platform/config";
import { emptyPostgresDatabase, residentsThrough, tableCounts } from "./support/database-state";
import { currentWaveId, firstCommunity } from "./support/resident";
import { GENEROUS_RESIDENT_LIMITS, signIn, TEST_PII_SECRET } from "./support/test-app";
import { testDriver } from "./support/test-database";

/** A database the app opens itself from its configuration, as the server and the CLI do. */
async function configuredDatabase(seedDemo: boolean) {
  const pg = testDriver === "postgres" ? await emptyPostgresDatabase() : undefined;
  const config = loadConfig({
    NODE_ENV: "test",
    PII_SECRET: TEST_PII_SECRET,
    SEED_DEMO: String(seedDemo),
    LOG_LEVEL: "silent",
    RESERVATION_SWEEP_MS: "0",
    VERIFY_RATE_LIMIT_PER_MINUTE: "100000",
    ...GENEROUS_RESIDENT_LIMITS,
    ...(pg ? { DATABASE_URL: pg.url } : { DATA_DIR: join(mkdtempSync(join(tmpdir(), "survey-drill-")), "data") }),
  });
  return { config, drop: async () => pg?.drop() };
}

/** What must survive a restore: every table's rows, the quota invariant, and the results the office reads. */
async function observe(app: FastifyInstance, waveId: number) {
  return {
    counts: await tableCounts(app.database.db),
    violations: await findQuotaInvariantViolations(app.database.db, waveId),
  };
}

async function results(app: FastifyInstance, waveId: number, headers: Record<string, string>) {
  const response = await app.inject({ method: "GET", url: `/api/admin/waves/${waveId}/results`, headers });
  expect(response.statusCode).toBe(200);
  return response.json();
}

describe(`restore drill: backup, restore into a fresh database (${testDriver})`, () => {
  let source: Awaited<ReturnType<typeof configuredDatabase>>;
  let target: Awaited<ReturnType<typeof configuredDatabase>>;
  let before: Awaited<ReturnType<typeof observe>>;
  let resultsBefore: unknown;
  let waveId: number;
  let backupFile: string;

  beforeAll(async () => {
    source = await configuredDatabase(true);
    target = await configuredDatabase(false);
    const app = await createServer({ config: source.config });
    try {
      waveId = await currentWaveId(app);
      await residentsThrough(app, waveId, await firstCommunity(app, waveId), { submitted: 6, held: 2 });
      await residentsThrough(app, waveId, await firstCommunity(app, waveId, "310117002"), { submitted: 4, held: 1 });
      resultsBefore = await results(app, waveId, (await signIn(app, "admin")).headers);
      before = await observe(app, waveId);
      // PostgreSQL is backed up while the server runs; PGlite's directory only once the server has let it go.
      if (source.config.databaseUrl) backupFile = await backupDatabase(source.config, { dir: backupDir() });
    } finally {
      await app.close();
    }
    backupFile ??= await backupDatabase(source.config, { dir: backupDir() });
  }, 120_000);
  afterAll(async () => {
    await source?.drop();
    await target?.drop();
  });

  const backupDir = () => mkdtempSync(join(tmpdir(), "survey-backups-"));

  it("restores every row; the quota invariant holds and the results are identical", async () => {
    expect(before.violations).toEqual([]);
    expect(before.counts["public.responses"]).toBe(10);
    expect(backupFile).toMatch(testDriver === "postgres" ? /survey-\d{8}-\d{6}\.dump$/ : /\.pglite\.tar\.gz$/);
    await restoreDatabase(target.config, backupFile);
    const app = await createServer({ config: target.config });
    try {
      const after = await observe(app, waveId);
      expect(after.counts).toEqual(before.counts);
      expect(after.violations).toEqual([]);
      expect(await results(app, waveId, (await signIn(app, "admin")).headers)).toEqual(resultsBefore);
      // The restored quotas keep working: another resident can still take part.
      await residentsThrough(app, waveId, await firstCommunity(app, waveId), { submitted: 1, held: 0 });
      expect(await findQuotaInvariantViolations(app.database.db, waveId)).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it("refuses to restore over a database that holds data, unless told to replace it", async () => {
    await expect(restoreDatabase(target.config, backupFile)).rejects.toThrow(BackupError);
    await restoreDatabase(target.config, backupFile, { replace: true });
    const app = await createServer({ config: target.config });
    try {
      // The replaced database is the backup again: the resident added after the first restore is gone.
      expect((await tableCounts(app.database.db))["public.responses"]).toBe(10);
    } finally {
      await app.close();
    }
  });
});
