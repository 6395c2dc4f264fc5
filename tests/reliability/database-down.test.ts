import { queryRows } from "@survey/db";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  findQuotaInvariantViolations,
  releaseExpiredReservations,
} from "../../apps/api/src/modules/resident/data/quota";
import { completeDefaultAnswers } from "../../packages/questionnaire/src/default-questionnaire.fixture";
import { type ApiProcess, call, startApiProcess } from "../support/api-process";
import { adultIdNumber, mobilePhone } from "../support/resident";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { attempt, bearer, type Outcome, verifyThrough } from "./support/resident-client";
import { TcpProxy } from "./support/tcp-proxy";

/**
 * The database disappears while requests are in flight: every answer is a clean 503 service_unavailable
 * (never a 500, never a hang), nothing is half-written, and the process serves again once it returns.
 */
describe("database down mid-request", () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let api: ApiProcess;
  let waveId: number;
  let communities: string[];
  let seq = 0;
  const answers = completeDefaultAnswers();

  beforeAll(async () => {
    database = await createTestDatabase();
    const target = new URL(database.url ?? "");
    proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    const proxied = new URL(target);
    proxied.port = String(await proxy.start());
    api = await startApiProcess({
      DATABASE_URL: proxied.toString(),
      SEED_DEMO: "true",
      RESERVATION_SWEEP_MS: "300",
      // Short limits so that a silent network is noticed within the test (production: 10 s and 30 s).
      DATABASE_CONNECT_TIMEOUT_MS: "2000",
      DATABASE_QUERY_TIMEOUT_MS: "3000",
    });
    waveId = (await call(api.url, "GET", "/api/waves/current")).json.id;
    const towns = ["310117001", "310117003", "310117106"];
    communities = (
      await Promise.all(towns.map((town) => call(api.url, "GET", `/api/waves/${waveId}/towns/${town}/communities`)))
    ).flatMap((response) => response.json.map((community: { code: string }) => community.code));
  });
  afterAll(async () => {
    await api?.stop();
    await proxy?.stop();
    await database?.destroy();
  });

  const nextPerson = () => {
    seq += 1;
    return {
      idNumber: adultIdNumber({ seq: 3000 + seq }),
      phone: mobilePhone(40_000 + seq),
      communityCode: communities[seq % communities.length] ?? "",
    };
  };

  async function verifiedTokens(count: number): Promise<string[]> {
    return Promise.all(Array.from({ length: count }, () => verifyThrough(api.url, waveId, nextPerson())));
  }

  /** A mix of every resident write while the database goes away. */
  function residentTraffic(tokens: string[]): Promise<Outcome>[] {
    return [
      ...tokens.map((token) => attempt(api.url, "POST", "/api/responses", { answers }, bearer(token))),
      ...tokens.map(() => attempt(api.url, "POST", `/api/waves/${waveId}/verifications`, nextPerson())),
      ...tokens.map((token) =>
        attempt(api.url, "PUT", "/api/reservation/draft", { answers: { comment: "草稿" } }, bearer(token)),
      ),
      ...tokens.map(() => attempt(api.url, "GET", `/api/waves/${waveId}/towns`)),
    ];
  }

  /**
   * Every answer is a success or a clean 503 with the SPEC error body; none hung. A draft saved after its
   * reservation's submission went through (the two race in residentTraffic) is rightly refused as responded.
   */
  function expectCleanOutcomes(outcomes: Outcome[], tokens: string[]) {
    for (const [i, outcome] of outcomes.entries()) {
      expect(outcome.status, JSON.stringify(outcome.json)).not.toBe(0);
      const isDraft = i >= 2 * tokens.length && i < 3 * tokens.length;
      if (outcome.status >= 500) {
        expect(outcome.status, JSON.stringify(outcome.json)).toBe(503);
        expect(outcome.json).toEqual({ error: "service_unavailable", message: expect.stringMatching(/\S/) });
      } else if (isDraft && outcome.status === 409) {
        expect(outcome.json.error).toBe("already_responded");
      } else {
        expect(outcome.status, JSON.stringify(outcome.json)).toBeLessThan(300);
      }
      expect(outcome.ms).toBeLessThan(20_000);
    }
  }

  async function waitUntilServing() {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const response = await attempt(api.url, "GET", `/api/waves/${waveId}/towns`);
      if (response.status === 200) return;
      if (Date.now() > deadline) throw new Error(`did not recover: ${JSON.stringify(response)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** Submissions answered 2xx are stored; the rest submit again and are stored once; the quota adds up. */
  async function expectNothingLostOrHalfWritten(tokens: string[], outcomes: Outcome[]) {
    const acknowledged = outcomes.filter((o, i) => i < tokens.length && o.status < 300).map((o) => o.json);
    for (const receipt of acknowledged) {
      const rows = await queryRows<{ receipt_code: string }>(
        database.handle.db,
        sql`select receipt_code from responses where id = ${receipt.responseId}`,
      );
      expect(rows).toEqual([{ receipt_code: receipt.receiptCode }]);
    }
    const again = await Promise.all(
      tokens.map((token) => attempt(api.url, "POST", "/api/responses", { answers }, bearer(token))),
    );
    for (const [i, outcome] of again.entries()) {
      expect([200, 201]).toContain(outcome.status);
      const first = outcomes[i];
      if (first && first.status < 300) expect(outcome.json).toEqual(first.json);
    }
    await releaseExpiredReservations(database.handle.db, { now: new Date(), waveId });
    expect(await findQuotaInvariantViolations(database.handle.db, waveId)).toEqual([]);
    const orphans = await queryRows<{ n: number }>(
      database.handle.db,
      sql`select count(*)::int as n from reservations r
          where not exists (select 1 from reservation_tokens t where t.reservation_id = r.id)`,
    );
    expect(orphans[0]?.n).toBe(0);
  }

  it("refused connections: 503 service_unavailable for every request in flight, recovery when it returns", async () => {
    const tokens = await verifiedTokens(30);
    const traffic = residentTraffic(tokens);
    await new Promise((resolve) => setTimeout(resolve, 30));
    proxy.refuse();
    const outcomes = await Promise.all(traffic);
    expectCleanOutcomes(outcomes, tokens);
    expect(outcomes.some((outcome) => outcome.status === 503)).toBe(true);

    const whileDown = await attempt(api.url, "POST", `/api/waves/${waveId}/verifications`, nextPerson());
    expect(whileDown.status).toBe(503);
    expect(whileDown.json.error).toBe("service_unavailable");
    expect((await attempt(api.url, "GET", "/api/health")).status).toBe(503);

    proxy.restore();
    await waitUntilServing();
    await expectNothingLostOrHalfWritten(tokens, outcomes);
  });

  it("backends terminated by the server (pg_terminate_backend) mid-transaction: 503, the process lives on, the pool reconnects", async () => {
    const tokens = await verifiedTokens(30);
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    let terminated = 0;
    let terminating = true;
    // Keep killing the API's connections while the traffic runs, so that some die inside a transaction.
    const killer = (async () => {
      while (terminating) {
        const killed = await admin.query(
          "select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()",
        );
        terminated += killed.rowCount ?? 0;
        await new Promise((resolve) => setTimeout(resolve, 15));
      }
    })();
    const outcomes = await Promise.all(residentTraffic(tokens));
    terminating = false;
    await killer;
    await admin.end();
    expect(terminated).toBeGreaterThan(0);
    expect(api.child.exitCode).toBeNull();
    expectCleanOutcomes(outcomes, tokens);
    expect(outcomes.some((outcome) => outcome.status === 503)).toBe(true);
    await waitUntilServing();
    await expectNothingLostOrHalfWritten(tokens, outcomes);
  });

  it("a silent network (packets dropped): requests end in 503 within the timeouts instead of hanging", async () => {
    const tokens = await verifiedTokens(10);
    proxy.blackhole();
    const outcomes = await Promise.all(residentTraffic(tokens));
    expectCleanOutcomes(outcomes, tokens);
    expect(outcomes.every((outcome) => outcome.status === 503)).toBe(true);
    proxy.restore();
    await waitUntilServing();
    await expectNothingLostOrHalfWritten(tokens, outcomes);
  });
});
