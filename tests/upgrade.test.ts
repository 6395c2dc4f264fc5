import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Database, migrationsFolder, openDatabase, queryRows } from "@survey/db";
import { hashSecretToken, randomToken } from "@survey/identity/pii-hash";
import { buildDefaultQuestionnaire } from "@survey/questionnaire";
import argon2 from "argon2";
import { sql } from "drizzle-orm";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer } from "../apps/api/src/create-server";
import { findQuotaInvariantViolations } from "../apps/api/src/modules/resident/data/quota";
import { loadConfig } from "../apps/api/src/platform/config";
import { completeDefaultAnswers } from "../packages/questionnaire/src/default-questionnaire.fixture";
import { emptyPostgresDatabase, residentsThrough, tableCounts } from "./support/database-state";
import { bearer, submitResponse } from "./support/resident";
import { GENEROUS_RESIDENT_LIMITS, TEST_PII_SECRET } from "./support/test-app";
import { testDriver } from "./support/test-database";

/**
 * The migrations folder as the previous release had it: the same files, the journal without its last entry.
 * Whatever migration is added next, this test upgrades from the one before it.
 */
function previousMigrations(): { folder: string; last: string } {
  const folder = join(mkdtempSync(join(tmpdir(), "survey-previous-")), "migrations");
  cpSync(migrationsFolder, folder, { recursive: true });
  const journalPath = join(folder, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { idx: number; tag: string }[] };
  const last = journal.entries.pop();
  if (!last || journal.entries.length === 0) throw new Error("fewer than two migrations: nothing to upgrade from");
  writeFileSync(journalPath, JSON.stringify(journal));
  return { folder, last: last.tag };
}

const ADMIN_PASSWORD = "upgrade-admin-password-2026";
const TOKEN = randomToken();

/**
 * A district's data as the previous release stored it, written in plain SQL against the previous schema (never
 * through the current code): a frame of two towns, the default questionnaire, an open wave with two submitted
 * responses and one held reservation (counters to match), and an administrator.
 */
async function writePreviousData(db: Database) {
  const definition = JSON.stringify(buildDefaultQuestionnaire());
  const answers = JSON.stringify(completeDefaultAnswers());
  const passwordHash = await argon2.hash(ADMIN_PASSWORD);
  await db.transaction(async (tx) => {
    await tx.execute(sql`insert into towns (code, name, kind, population) values
      ('310117001', '岳阳街道', 'street', 80000), ('310117002', '永丰街道', 'street', 90000)`);
    await tx.execute(sql`insert into communities (code, town_code, name, kind, population) values
      ('310117001001', '310117001', '岳阳一居', 'residential', 3000),
      ('310117001002', '310117001', '岳阳二居', 'residential', 2500),
      ('310117002001', '310117002', '永丰村', 'village', 1800)`);
    await tx.execute(sql`insert into questionnaires (code, version, title, definition)
      values ('default', 1, '民生满意度调查问卷', ${definition}::jsonb)`);
    await tx.execute(sql`insert into waves (code, title, year, status, questionnaire_id, opens_at, closes_at, opened_at,
        town_target, community_cap)
      select 'upgrade-2026', '2026年升级测试调查', 2026, 'open', id, now() - interval '1 day', now() + interval '30 days',
        now() - interval '1 day', 10, 5 from questionnaires`);
    await tx.execute(sql`insert into wave_towns (wave_id, town_code, target, completed, reserved)
      select w.id, t.code, 10, case t.code when '310117001' then 2 else 0 end,
        case t.code when '310117001' then 1 else 0 end from waves w, towns t`);
    await tx.execute(sql`insert into wave_communities (wave_id, community_code, town_code, cap, completed, reserved)
      select w.id, c.code, c.town_code, 5, case c.code when '310117001001' then 2 else 0 end,
        case c.code when '310117001001' then 1 else 0 end from waves w, communities c`);
    await tx.execute(sql`insert into responses (wave_id, questionnaire_id, community_code, town_code, mode, id_hash,
        phone_hash, sex, birth_year, age_group, registered, counted, receipt_code, answers, submitted_at)
      select w.id, w.questionnaire_id, '310117001001', '310117001', 'online', md5('id-' || n), md5('phone-' || n),
        'female', 1970 + n, '50-59', true, true, 'R-UPGRADE-' || n, ${answers}::jsonb, now() - interval '1 hour'
      from waves w, generate_series(1, 2) n`);
    await tx.execute(sql`insert into reservations (wave_id, community_code, town_code, id_hash, phone_hash, sex,
        birth_year, age_group, registered, created_at, expires_at)
      select id, '310117001001', '310117001', md5('held-id'), md5('held-phone'), 'male', 1980, '40-49', true,
        now(), now() + interval '30 minutes' from waves`);
    await tx.execute(sql`insert into reservation_tokens (token_hash, reservation_id, created_at)
      select ${hashSecretToken(TOKEN)}, id, now() from reservations`);
    await tx.execute(sql`insert into users (username, display_name, password_hash, role)
      values ('office-admin', '管理员', ${passwordHash}, 'admin')`);
  });
}

describe(`upgrade from the previous migration with data in it (${testDriver})`, () => {
  let previous: ReturnType<typeof previousMigrations>;
  let config: ReturnType<typeof loadConfig>;
  let dropDatabase = async () => {};
  let before: Record<string, number>;
  let responsesBefore: unknown[];

  beforeAll(async () => {
    previous = previousMigrations();
    const pg = testDriver === "postgres" ? await emptyPostgresDatabase() : undefined;
    if (pg) dropDatabase = pg.drop;
    config = loadConfig({
      NODE_ENV: "test",
      PII_SECRET: TEST_PII_SECRET,
      SEED_DEMO: "false",
      LOG_LEVEL: "silent",
      RESERVATION_SWEEP_MS: "0",
      VERIFY_RATE_LIMIT_PER_MINUTE: "100000",
      ...GENEROUS_RESIDENT_LIMITS,
      ...(pg ? { DATABASE_URL: pg.url } : { DATA_DIR: join(mkdtempSync(join(tmpdir(), "survey-upgrade-")), "data") }),
    });
    const handle = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
    try {
      const migrate = handle.driver === "postgres" ? migratePg : migratePglite;
      await migrate(handle.db as never, { migrationsFolder: previous.folder });
      await writePreviousData(handle.db);
      before = await tableCounts(handle.db);
      responsesBefore = await queryRows(handle.db, sql`select * from responses order by receipt_code`);
    } finally {
      await handle.close();
    }
  }, 120_000);
  afterAll(() => dropDatabase());

  it("migrates on start, losing nothing; the invariant holds and residents, old and new, go on", async () => {
    const app = await createServer({ config });
    try {
      const db = app.database.db;
      const after = await tableCounts(db);
      const kept = Object.fromEntries(Object.keys(before).map((table) => [table, after[table]]));
      expect(kept).toEqual({
        ...before,
        "drizzle.__drizzle_migrations": (before["drizzle.__drizzle_migrations"] ?? 0) + 1,
      });
      const [applied] = await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
      );
      expect(applied?.n).toBe(
        JSON.parse(readFileSync(join(migrationsFolder, "meta", "_journal.json"), "utf8")).entries.length,
      );
      // Every column the previous release stored is still there with its value (new columns may be added).
      const responsesAfter = await queryRows<Record<string, unknown>>(
        db,
        sql`select * from responses order by receipt_code`,
      );
      expect(responsesAfter).toHaveLength(responsesBefore.length);
      const surviving = new Set(Object.keys(responsesAfter[0] ?? {}));
      responsesBefore.forEach((row, i) => {
        const kept = Object.entries(row as Record<string, unknown>).filter(([column]) => surviving.has(column));
        expect(responsesAfter[i]).toMatchObject(Object.fromEntries(kept));
      });
      // A column an upgrade drops must have moved, not vanished: the respondents' hashes moved out of responses
      // into respondent_key_sets (who answered, kept apart from what they answered), where de-duplication reads them.
      const moved = responsesBefore.flatMap((row) =>
        Object.entries(row as Record<string, unknown>)
          .filter(([column, value]) => !surviving.has(column) && value !== null)
          .map(([column, value]) => ({ column, value: String(value) })),
      );
      const respondentKeys = new Set(
        (await queryRows<{ key: string }>(db, sql`select unnest(keys) as key from respondent_key_sets`)).map(
          (row) => row.key,
        ),
      );
      for (const { column, value } of moved) {
        expect(respondentKeys.has(value), `responses.${column} ${value} kept as a respondent key`).toBe(true);
      }
      const [wave] = await queryRows<{ id: number }>(db, sql`select id from waves where code = 'upgrade-2026'`);
      const waveId = wave?.id ?? 0;
      expect(await findQuotaInvariantViolations(db, waveId)).toEqual([]);

      // The resident who held a slot before the upgrade resumes and submits with the same token.
      const resumed = await app.inject({ method: "GET", url: "/api/reservation", headers: bearer(TOKEN) });
      expect(resumed.statusCode).toBe(200);
      const submitted = await submitResponse(app, TOKEN, completeDefaultAnswers(5));
      expect(submitted.statusCode).toBe(201);
      // A new resident takes part from start to end; the administrator still signs in.
      await residentsThrough(app, waveId, "310117002001", { submitted: 1, held: 1 });
      expect(await findQuotaInvariantViolations(db, waveId)).toEqual([]);
      const login = await app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username: "office-admin", password: ADMIN_PASSWORD },
      });
      expect(login.statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});
