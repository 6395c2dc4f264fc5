import { queryRows } from "@survey/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findQuotaInvariantViolations } from "../../apps/api/src/modules/resident/data/quota";
import { completeDefaultAnswers } from "../../packages/questionnaire/src/default-questionnaire.fixture";
import { type ApiProcess, call, startApiProcess } from "../support/api-process";
import { runSeed, SeededRandom } from "../support/fuzz-random";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { attempt, bearer, uniquePerson } from "./support/resident-client";

const TOWN = "310117116";
const TARGET = 30;
const WORKERS = 16;
const RUN_MS = 15_000;

type Plan = "submit" | "draft-then-submit" | "abandon" | "late";

/**
 * A mixed crowd on one small town for fifteen seconds, through two API processes whose sweepers run every
 * 250 ms: some residents submit, some save a draft first, some abandon their slot, some come back after
 * their reservation ran out. Abandoned slots must come back, late answers must be kept, and the quota
 * invariant must hold at every moment, not only at the end.
 */
describe("reservation expiry under load", () => {
  let database: TestDatabase;
  let processes: ApiProcess[];
  let waveId: number;
  const seed = runSeed();

  beforeAll(async () => {
    database = await createTestDatabase();
    const env = { DATABASE_URL: database.url ?? "", SEED_DEMO: "true", RESERVATION_SWEEP_MS: "250" };
    processes = await Promise.all([startApiProcess(env), startApiProcess(env)]);
    waveId = (await call(processes[0]?.url ?? "", "GET", "/api/waves/current")).json.id;
    await database.handle.db.execute(
      sql`update wave_towns set target = ${TARGET} where wave_id = ${waveId} and town_code = ${TOWN}`,
    );
  });
  afterAll(async () => {
    await Promise.all((processes ?? []).map((process) => process.stop()));
    await database?.destroy();
  });

  /** Lets a reservation run out now, as if its 30 minutes had passed. */
  const expireNow = (token: string) =>
    database.handle.db.execute(sql`
      update reservations set expires_at = now() - interval '1 second'
      where id = (select reservation_id from reservation_tokens where token_hash = encode(sha256(${token}::bytea), 'hex'))`);

  it("gives abandoned slots back, keeps late answers, and never breaks the invariant", {
    timeout: 120_000,
  }, async () => {
    console.info(`expiry under load: seed ${seed} (FUZZ_SEED=${seed} replays the plans)`);
    const random = new SeededRandom(seed);
    const communities: string[] = (
      await call(processes[0]?.url ?? "", "GET", `/api/waves/${waveId}/towns/${TOWN}/communities`)
    ).json.map((community: { code: string }) => community.code);
    const answers = completeDefaultAnswers();
    const tally = { held: 0, quotaFull: 0, abandoned: 0, late: 0, submitted: 0 };
    const receipts: { responseId: string; receiptCode: string; counted: boolean }[] = [];
    const violations: unknown[] = [];
    let sequence = 0;
    const deadline = Date.now() + RUN_MS;

    const resident = async (worker: number) => {
      sequence += 1;
      const base = processes[sequence % processes.length]?.url ?? "";
      const other = processes[(sequence + 1) % processes.length]?.url ?? "";
      const person = uniquePerson(sequence, random.pick(communities));
      const plan = random.pick<Plan>(["submit", "submit", "draft-then-submit", "abandon", "abandon", "late"]);
      const started = await call(base, "POST", `/api/waves/${waveId}/verifications`, person);
      if (started.status !== 201) {
        expect(started.json.error, `worker ${worker}`).toBe("quota_full");
        tally.quotaFull += 1;
        // A resident told the town is full goes away; the next one arrives a little later.
        await new Promise((resolve) => setTimeout(resolve, random.int(50, 250)));
        return;
      }
      const outbox = await call(other, "GET", `/api/dev/sms-outbox?phone=${person.phone}`);
      const confirmed = await call(base, "POST", `/api/verifications/${started.json.verificationId}/confirm`, {
        code: outbox.json[0].code,
      });
      if (confirmed.status !== 201) {
        expect(confirmed.json.error).toBe("quota_full");
        tally.quotaFull += 1;
        await new Promise((resolve) => setTimeout(resolve, random.int(50, 250)));
        return;
      }
      tally.held += 1;
      const token: string = confirmed.json.reservationToken;
      if (plan === "abandon") {
        tally.abandoned += 1;
        await expireNow(token);
        return;
      }
      if (plan === "draft-then-submit") {
        const draft = await attempt(
          other,
          "PUT",
          "/api/reservation/draft",
          { answers: { liv_income: 3 } },
          bearer(token),
        );
        expect(draft.status).toBe(204);
      }
      if (plan === "late") {
        tally.late += 1;
        await expireNow(token);
        await new Promise((resolve) => setTimeout(resolve, random.int(300, 900)));
      }
      const submitted = await attempt(other, "POST", "/api/responses", { answers }, bearer(token));
      expect(submitted.status).toBe(201);
      if (plan !== "late") expect(submitted.json.counted).toBe(true);
      receipts.push(submitted.json);
      tally.submitted += 1;
    };

    const watcher = (async () => {
      while (Date.now() < deadline) {
        violations.push(...(await findQuotaInvariantViolations(database.handle.db, waveId)));
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    })();
    await Promise.all(
      Array.from({ length: WORKERS }, async (_, worker) => {
        while (Date.now() < deadline) {
          await resident(worker);
          if (random.chance(0.3)) await new Promise((resolve) => setTimeout(resolve, random.int(10, 200)));
        }
      }),
    );
    await watcher;
    expect(violations).toEqual([]);

    // The processes' own sweepers give the last abandoned slots back; nobody calls the release here.
    const sweptBy = Date.now() + 10_000;
    for (;;) {
      const [left] = await queryRows<{ n: number }>(
        database.handle.db,
        sql`select count(*)::int as n from reservations where status = 'active' and expires_at <= now()`,
      );
      if (left?.n === 0) break;
      if (Date.now() > sweptBy) throw new Error(`${left?.n} expired reservations were never released`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await findQuotaInvariantViolations(database.handle.db, waveId)).toEqual([]);

    const [town] = await queryRows<{ completed: number; reserved: number }>(
      database.handle.db,
      sql`select completed, reserved from wave_towns where wave_id = ${waveId} and town_code = ${TOWN}`,
    );
    console.info(`expiry under load: ${JSON.stringify(tally)}, town ${JSON.stringify(town)}`);
    // More residents held a slot than the town has: abandoned slots came back and were taken again.
    expect(tally.abandoned).toBeGreaterThan(0);
    expect(tally.held).toBeGreaterThan(TARGET);
    expect((town?.completed ?? 0) + (town?.reserved ?? 0)).toBeLessThanOrEqual(TARGET);
    // Every acknowledged answer is stored; late ones too, counted only where a slot was free.
    const stored = await queryRows<{ id: string; receipt_code: string; counted: boolean }>(
      database.handle.db,
      sql`select id, receipt_code, counted from responses where wave_id = ${waveId}`,
    );
    expect(stored).toHaveLength(receipts.length);
    const byId = new Map(stored.map((row) => [row.id, row]));
    for (const receipt of receipts) {
      expect(byId.get(receipt.responseId)).toEqual({
        id: receipt.responseId,
        receipt_code: receipt.receiptCode,
        counted: receipt.counted,
      });
    }
    expect(stored.filter((row) => row.counted)).toHaveLength(town?.completed ?? -1);
  });
});
