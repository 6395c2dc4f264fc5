import { queryRows } from "@survey/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  findQuotaInvariantViolations,
  releaseExpiredReservations,
} from "../../apps/api/src/modules/resident/data/quota";
import { completeDefaultAnswers } from "../../packages/questionnaire/src/default-questionnaire.fixture";
import { type ApiProcess, call, startApiProcess } from "../support/api-process";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { type HeldReservation, holdReservations } from "./support/held-reservations";
import { attempt, bearer, type Outcome, sendAndHangUp } from "./support/resident-client";

const SUBMISSIONS = 1000;
const KILL_AFTER = 150;
/**
 * Every 20th client is on a bad network: its first request is sent whole, then the connection drops before
 * the answer arrives (the request goes on in the server); it sends the request again two seconds later.
 * These clients start first, so that their first request is served before the crowd (and the kill) arrives.
 */
const impatient = (i: number) => i % 20 === 0;

interface ClientRecord {
  held: HeldReservation;
  attempts: { process: number; outcome: Outcome }[];
  final?: Outcome;
}

/**
 * kill -9 of one of three API processes while 1,000 residents submit at once. Clients that lose their
 * connection (or get a 503) send the same request with the same token to another process, as the
 * resident app does. Then the killed process is started again.
 */
describe("an API process killed during 1,000 concurrent submissions", () => {
  let database: TestDatabase;
  let processes: ApiProcess[];
  let waveId: number;
  const env = () => ({ DATABASE_URL: database.url ?? "", SEED_DEMO: "true" });

  beforeAll(async () => {
    database = await createTestDatabase();
    processes = await Promise.all([startApiProcess(env()), startApiProcess(env()), startApiProcess(env())]);
    waveId = (await call(processes[0]?.url ?? "", "GET", "/api/waves/current")).json.id;
  });
  afterAll(async () => {
    await Promise.all((processes ?? []).map((process) => process.stop()));
    await database?.destroy();
  });

  it("keeps every acknowledged submission, holds the quota invariant, and gives retried clients their first result", {
    timeout: 300_000,
  }, async () => {
    const held = await holdReservations(database.handle.db, waveId, SUBMISSIONS);
    const answers = completeDefaultAnswers();
    const clients: ClientRecord[] = held.map((reservation) => ({ held: reservation, attempts: [] }));
    let acknowledged = 0;
    let killed: Promise<void> | undefined;

    const submit = async (client: ClientRecord, i: number) => {
      for (let n = 0; n < 40; n++) {
        const index = (i + n) % processes.length;
        const target = processes[index];
        if (!target) throw new Error("no process");
        const hangsUp = n === 0 && impatient(i);
        const outcome = hangsUp
          ? await sendAndHangUp(target.url, "POST", "/api/responses", { answers }, bearer(client.held.token))
          : await attempt(target.url, "POST", "/api/responses", { answers }, bearer(client.held.token));
        client.attempts.push({ process: index, outcome });
        if (outcome.status === 200 || outcome.status === 201) {
          client.final = outcome;
          acknowledged += 1;
          if (acknowledged === KILL_AFTER) killed = killAndRestart(1);
          return;
        }
        // Connection refused, reset or given up on, or a 503: the same request goes to another process.
        if (outcome.status !== 0 && outcome.status !== 503) return;
        await new Promise((resolve) => setTimeout(resolve, hangsUp ? 2000 : 50 + 50 * n));
      }
    };

    const killAndRestart = async (index: number) => {
      const victim = processes[index];
      if (!victim) return;
      await victim.stop("SIGKILL");
      await new Promise((resolve) => setTimeout(resolve, 300));
      processes[index] = await startApiProcess(env());
    };

    const first = clients.map((client, i) => (impatient(i) ? submit(client, i) : undefined));
    await new Promise((resolve) => setTimeout(resolve, 100));
    await Promise.all([...first, ...clients.map((client, i) => (impatient(i) ? undefined : submit(client, i)))]);
    await killed;

    // The kill cut connections in flight (or refused new ones): those clients had to try again elsewhere.
    const retried = clients.filter((client) => client.attempts.length > 1);
    expect(killed).toBeDefined();
    const cutByKill = clients.filter(
      (client, i) => !impatient(i) && client.attempts.some((a) => a.process === 1 && a.outcome.status === 0),
    );
    expect(cutByKill.length).toBeGreaterThan(0);

    // Every client was eventually acknowledged, and every acknowledgement is in the database.
    expect(clients.filter((client) => !client.final).map((client) => client.attempts)).toEqual([]);
    const stored = await queryRows<{ id: string; receipt_code: string; reservation_id: string }>(
      database.handle.db,
      sql`select id, receipt_code, reservation_id from responses where wave_id = ${waveId}`,
    );
    expect(stored).toHaveLength(SUBMISSIONS);
    const byReservation = new Map(stored.map((row) => [row.reservation_id, row]));
    for (const client of clients) {
      const row = byReservation.get(client.held.reservationId);
      expect({ responseId: row?.id, receiptCode: row?.receipt_code }).toEqual({
        responseId: client.final?.json.responseId,
        receiptCode: client.final?.json.receiptCode,
      });
    }

    // A client whose first request was stored but never answered gets that same result on retry (200).
    const answeredLate = retried.filter((client) => client.final?.status === 200);
    expect(answeredLate.length).toBeGreaterThan(0);
    for (const client of answeredLate) expect(client.final?.json.counted).toBe(true);

    // And the same request again, on any process including the restarted one, returns the first result.
    const again = await Promise.all(
      clients.map((client, i) =>
        attempt(processes[i % 3]?.url ?? "", "POST", "/api/responses", { answers }, bearer(client.held.token)),
      ),
    );
    for (const [i, outcome] of again.entries()) {
      expect(outcome.status).toBe(200);
      expect(outcome.json).toEqual(clients[i]?.final?.json);
    }

    await releaseExpiredReservations(database.handle.db, { now: new Date(), waveId });
    expect(await findQuotaInvariantViolations(database.handle.db, waveId)).toEqual([]);
    const counters = await queryRows<{ completed: number; reserved: number }>(
      database.handle.db,
      sql`select sum(completed)::int as completed, sum(reserved)::int as reserved from wave_towns where wave_id = ${waveId}`,
    );
    expect(counters[0]).toEqual({ completed: SUBMISSIONS, reserved: 0 });
    console.info(
      `crash test: ${retried.length} clients retried, ${cutByKill.length} lost their connection to the killed process, ${answeredLate.length} of them got the stored result of a request they had given up on`,
    );
  });
});
