import { type Executor, queryRows } from "@survey/db";
import { type SQL, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { confirmContextSelect, startContextSelect } from "../apps/api/src/modules/resident/data/verification-context";
import { currentWaveId, firstCommunity } from "./support/resident";
import { createTestApp, type TestApp } from "./support/test-app";
import { testDriver } from "./support/test-database";

/**
 * Start and confirm look a resident up by ID number and phone. Their statements are prepared, so PostgreSQL
 * plans them once — in a new wave, on empty tables without statistics — and keeps that plan for the whole
 * surge. The reads must then touch as many pages after thousands of residents as after the first one.
 */

const dialect = new PgDialect();
const literal = (value: string | number) => `'${String(value).replaceAll("'", "''")}'`;

/** Prepares `statement` (generic plan, as a prepared statement ends up) on the transaction's connection. */
async function prepare(tx: Executor, name: string, statement: SQL) {
  const query = dialect.sqlToQuery(statement);
  const names = query.params.map((placeholder) => (placeholder as { name: string }).name);
  await tx.execute(sql.raw("set local plan_cache_mode = force_generic_plan"));
  await tx.execute(sql.raw(`prepare ${name} as ${query.sql}`));
  /** Pages the statement's execution touched (shared buffers hit or read), with these values. */
  return async (values: Record<string, string | number>) => {
    const args = names.map((key) => {
      const value = values[key];
      if (value === undefined) throw new Error(`no value for ${key}`);
      return literal(value);
    });
    const [row] = await queryRows<{ "QUERY PLAN": unknown }>(
      tx,
      sql.raw(`explain (analyze, buffers, format json) execute ${name}(${args.join(", ")})`),
    );
    const raw = row?.["QUERY PLAN"];
    const plan = (typeof raw === "string" ? JSON.parse(raw) : raw) as [{ Plan: Record<string, number> }];
    return (plan[0].Plan["Shared Hit Blocks"] ?? 0) + (plan[0].Plan["Shared Read Blocks"] ?? 0);
  };
}

describe(`start and confirm as residents pile up, on ${testDriver}`, () => {
  let t: TestApp;
  let waveId: number;
  let communityCode: string;

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
    waveId = await currentWaveId(t.app);
    communityCode = await firstCommunity(t.app, waveId);
  });
  afterAll(() => t.close());

  it("read as many pages after 3,000 residents submitted and 3,000 more hold slots as before the first", async () => {
    const rolledBack = new Error("roll back the residents");
    const pages: { start: number[]; confirm: number[] } = { start: [], confirm: [] };
    await expect(
      t.database.handle.db.transaction(async (tx) => {
        // One resident verifying: a verification to confirm, the same person's keys for start.
        const person = { idHash: "a".repeat(64), phoneHash: "b".repeat(64) };
        const [verification] = await queryRows<{ id: string }>(
          tx,
          sql`insert into verifications (id, wave_id, community_code, town_code, id_hash, phone_hash, phone_last4,
                code_hash, created_at, expires_at)
              select gen_random_uuid(), ${waveId}, ${communityCode}, town_code, ${person.idHash}, ${person.phoneHash},
                '0000', 'x', now(), now() + interval '5 minutes'
              from wave_communities where wave_id = ${waveId} and community_code = ${communityCode}
              returning id`,
        );
        const readStart = await prepare(tx, "probe_start_context", startContextSelect);
        const readConfirm = await prepare(tx, "probe_confirm_context", confirmContextSelect);
        const measure = async () => {
          pages.start.push(await readStart({ ...person, waveId, communityCode, now: new Date().toISOString() }));
          pages.confirm.push(await readConfirm({ verificationId: verification?.id ?? "" }));
        };
        await measure();

        // 6,000 other residents: all took a slot, half of them submitted (their reservations updated, so the
        // entries of their active versions linger in the indexes) and have a response.
        await tx.execute(sql`
          insert into reservations (wave_id, community_code, town_code, id_hash, phone_hash, created_at, expires_at)
          select ${waveId}, community_code, town_code, md5('id' || n) || md5('i' || n), md5('ph' || n) || md5('p' || n),
            now(), now() + interval '30 minutes'
          from wave_communities, generate_series(1, 6000) n
          where wave_id = ${waveId} and community_code = ${communityCode}`);
        await tx.execute(sql`
          with submitted as (
            update reservations set status = 'submitted', released_at = now()
            where wave_id = ${waveId} and id_hash in (select md5('id' || n) || md5('i' || n) from generate_series(1, 3000) n)
            returning id, wave_id, community_code, town_code, id_hash, phone_hash
          )
          , stored as (
            insert into responses (wave_id, questionnaire_id, reservation_id, community_code, town_code, mode,
              counted, receipt_code, answers, started_at, submitted_at)
            select s.wave_id, w.questionnaire_id, s.id, s.community_code, s.town_code, 'online',
              true, upper(substr(md5(s.id::text), 1, 11)), '{}'::jsonb, now(), now()
            from submitted s join waves w on w.id = s.wave_id
          ), respondent_keys as (
            select wave_id, 'i' || left(id_hash, 2) as bucket, id_hash as key from submitted
            union all select wave_id, 'p' || left(phone_hash, 2), phone_hash from submitted
          )
          insert into respondent_key_sets (wave_id, bucket, keys)
          select wave_id, bucket, array_agg(key order by key) from respondent_keys group by wave_id, bucket`);
        await measure();
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);

    // A lookup that walked the wave's reservations or responses would read hundreds of pages more; a deeper
    // index adds a page or two per lookup.
    const [startBefore = 0, startAfter = 0] = pages.start;
    const [confirmBefore = 0, confirmAfter = 0] = pages.confirm;
    expect(startBefore).toBeGreaterThan(0);
    expect(startAfter - startBefore).toBeLessThanOrEqual(12);
    expect(confirmAfter - confirmBefore).toBeLessThanOrEqual(12);
  });
});
