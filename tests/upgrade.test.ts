import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Database, type DatabaseHandle, migrationsFolder, openDatabase, queryRows } from "@survey/db";
import { sql } from "drizzle-orm";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { FastifyInstance } from "fastify";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer } from "../apps/api/src/create-server";
import { findQuotaInvariantViolations, releaseExpiredReservations } from "../apps/api/src/modules/resident/data/quota";
import { loadConfig } from "../apps/api/src/platform/config";
import { completeDefaultAnswers } from "../packages/questionnaire/src/default-questionnaire.fixture";
import { adultIdNumber, bearer, currentWaveId, firstCommunity, mobilePhone, verifyResident } from "./support/resident";
import { TEST_PII_SECRET } from "./support/test-app";
import { testDriver } from "./support/test-database";

/** migrations/ without its last migration: the database of the release before this one. */
function previousMigrations(): { folder: string; last: string } {
  const folder = mkdtempSync(join(tmpdir(), "survey-previous-migrations-"));
  cpSync(migrationsFolder, folder, { recursive: true });
  const journalPath = join(folder, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
  const last = journal.entries.pop()?.tag ?? "";
  writeFileSync(journalPath, JSON.stringify(journal));
  return { folder, last };
}

const counts = (db: Database) =>
  queryRows<Record<string, number>>(
    db,
    sql`select (select count(*)::int from towns) as towns, (select count(*)::int from communities) as communities,
      (select count(*)::int from waves) as waves, (select count(*)::int from responses) as responses,
      (select count(*)::int from response_items) as items, (select count(*)::int from response_codes) as codes,
      (select count(*)::int from reservations) as reservations, (select count(*)::int from users) as users,
      (select coalesce(sum(completed), 0)::int from wave_communities) as completed,
      (select coalesce(sum(reserved), 0)::int from wave_communities) as reserved`,
  );

function testApp(handle: DatabaseHandle, now?: () => Date) {
  const config = loadConfig({
    NODE_ENV: "test",
    PII_SECRET: TEST_PII_SECRET,
    SEED_DEMO: "true",
    LOG_LEVEL: "silent",
    DATA_DIR: mkdtempSync(join(tmpdir(), "survey-upgrade-")),
    RESERVATION_SWEEP_MS: "0",
    VERIFY_RATE_LIMIT_PER_MINUTE: "100000",
  });
  return createServer({ config, database: handle, now });
}

describe(`upgrading a database with data from the previous migration (${testDriver})`, () => {
  let handle: DatabaseHandle;
  let dropDatabase = async () => {};
  const people = Array.from({ length: 4 }, (_, i) => ({
    idNumber: adultIdNumber({ seq: 700 + i }),
    phone: mobilePhone(700 + i),
  }));
  let before: Record<string, number> | undefined;
  let previous: { folder: string; last: string };

  beforeAll(async () => {
    previous = previousMigrations();
    if (testDriver === "postgres") {
      const server = process.env.TEST_DATABASE_URL ?? "";
      const name = `test_upgrade_${randomBytes(4).toString("hex")}`;
      const admin = new pg.Client({ connectionString: server });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const url = new URL(server);
      url.pathname = `/${name}`;
      handle = await openDatabase({ url: url.toString(), poolSize: 4 });
      await migratePg(handle.db as never, { migrationsFolder: previous.folder });
      dropDatabase = async () => {
        const dropper = new pg.Client({ connectionString: server });
        await dropper.connect();
        await dropper.query(`drop database if exists ${name} with (force)`);
        await dropper.end();
      };
    } else {
      handle = await openDatabase({ dataDir: "memory://" });
      await migratePglite(handle.db as never, { migrationsFolder: previous.folder });
    }
    // The previous release in use: demo frame and wave, three residents who answered, one mid-survey.
    const app: FastifyInstance = await testApp(handle);
    try {
      const waveId = await currentWaveId(app);
      const communityCode = await firstCommunity(app, waveId);
      for (const [i, person] of people.entries()) {
        const confirmed = await verifyResident(app, waveId, { ...person, communityCode });
        expect(confirmed.statusCode).toBe(201);
        if (i === people.length - 1) continue;
        const submitted = await app.inject({
          method: "POST",
          url: "/api/responses",
          headers: bearer(confirmed.json().reservationToken),
          payload: { answers: completeDefaultAnswers() },
        });
        expect(submitted.statusCode).toBe(201);
      }
    } finally {
      await app.close();
    }
    [before] = await counts(handle.db);
  }, 180_000);
  afterAll(async () => {
    await handle?.close();
    await dropDatabase();
  });

  it("applies the last migration and loses nothing", async () => {
    expect(previous.last).not.toBe("");
    expect(before).toMatchObject({ waves: 1, responses: 3, codes: 3, reservations: 4, completed: 3, reserved: 1 });
    await handle.migrate();
    const applied = await queryRows<{ n: number }>(
      handle.db,
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    const journal = JSON.parse(readFileSync(join(migrationsFolder, "meta", "_journal.json"), "utf8"));
    expect(applied[0]?.n).toBe(journal.entries.length);
    expect((await counts(handle.db))[0]).toEqual(before);
    const [wave] = await queryRows<{ id: number }>(handle.db, sql`select id from waves`);
    await releaseExpiredReservations(handle.db, { now: new Date(), waveId: wave?.id ?? 0 });
    expect(await findQuotaInvariantViolations(handle.db, wave?.id ?? 0)).toEqual([]);
  });

  it("the upgraded server knows who answered and resumes the resident mid-survey", async () => {
    // Two minutes on: past the 60 s between SMS codes to one phone, well within the reservation's hold.
    const app = await testApp(handle, () => new Date(Date.now() + 120_000));
    try {
      const waveId = await currentWaveId(app);
      const communityCode = await firstCommunity(app, waveId);
      const again = await verifyResident(app, waveId, { ...(people[0] as (typeof people)[0]), communityCode });
      expect(again.json().error).toBe("already_responded");
      const resumed = await verifyResident(app, waveId, { ...(people[3] as (typeof people)[0]), communityCode });
      expect(resumed.statusCode).toBe(201);
      const submitted = await app.inject({
        method: "POST",
        url: "/api/responses",
        headers: bearer(resumed.json().reservationToken),
        payload: { answers: completeDefaultAnswers() },
      });
      expect(submitted.statusCode).toBe(201);
      expect(await findQuotaInvariantViolations(handle.db, waveId)).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
