import { randomInt } from "node:crypto";
import { queryRows } from "@survey/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findQuotaInvariantViolations } from "../../apps/api/src/modules/resident/data/quota";
import { completeDefaultAnswers } from "../../packages/questionnaire/src/default-questionnaire.fixture";
import { type ApiProcess, call, startApiProcess } from "../support/api-process";
import { adultIdNumber, mobilePhone } from "../support/resident";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { attempt, bearer } from "./support/resident-client";

const REDIS_URL = process.env.TEST_REDIS_URL || "redis://127.0.0.1:6379";
const LIMIT = 6;

/** A client address of its own for every run, so counters left in the shared Redis by other runs do not count. */
const randomAddress = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

/**
 * Three API processes behind one (imagined) load balancer: one PostgreSQL database decides the quota,
 * one Redis holds the rate-limit counters. Clients are told apart by X-Forwarded-For (TRUST_PROXY).
 */
describe("three API processes, one PostgreSQL, shared Redis rate limits", () => {
  let database: TestDatabase;
  let processes: ApiProcess[];
  let waveId: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    const env = {
      DATABASE_URL: database.url ?? "",
      SEED_DEMO: "true",
      REDIS_URL,
      TRUST_PROXY: "1",
      VERIFY_RATE_LIMIT_PER_MINUTE: String(LIMIT),
    };
    processes = await Promise.all([startApiProcess(env), startApiProcess(env), startApiProcess(env)]);
    waveId = (await call(processes[0]?.url ?? "", "GET", "/api/waves/current")).json.id;
  });
  afterAll(async () => {
    await Promise.all((processes ?? []).map((process) => process.stop()));
    await database?.destroy();
  });

  const server = (i: number) => {
    const process = processes[i % processes.length];
    if (!process) throw new Error("processes did not start");
    return process.url;
  };

  /** One resident: starts on one process, reads the SMS and confirms on the next (each from its own address). */
  async function verifyAcross(i: number, communityCode: string): Promise<{ outcome: string; token?: string }> {
    const headers = { "x-forwarded-for": randomAddress() };
    const person = { idNumber: adultIdNumber({ seq: 20_000 + i }), phone: mobilePhone(20_000 + i), communityCode };
    const started = await call(server(i), "POST", `/api/waves/${waveId}/verifications`, person, headers);
    if (started.status !== 201) return { outcome: started.json.error };
    const outbox = await call(server(i + 1), "GET", `/api/dev/sms-outbox?phone=${person.phone}`);
    const confirmed = await call(
      server(i + 2),
      "POST",
      `/api/verifications/${started.json.verificationId}/confirm`,
      { code: outbox.json[0].code },
      headers,
    );
    if (confirmed.status !== 201) return { outcome: confirmed.json.error };
    return { outcome: "held", token: confirmed.json.reservationToken };
  }

  it("never overfills a community: 90 residents through three processes, 20 slots", async () => {
    const community = (await call(server(0), "GET", `/api/waves/${waveId}/towns/310117004/communities`)).json[0].code;
    const results = await Promise.all(Array.from({ length: 90 }, (_, i) => verifyAcross(i, community)));
    const outcomes = results.map((result) => result.outcome);
    expect(outcomes.filter((outcome) => outcome === "held")).toHaveLength(20);
    expect(outcomes.filter((outcome) => outcome !== "held").every((outcome) => outcome === "quota_full")).toBe(true);
    const rows = await queryRows<{ reserved: number; completed: number }>(
      database.handle.db,
      sql`select reserved, completed from wave_communities where wave_id = ${waveId} and community_code = ${community}`,
    );
    expect(rows[0]).toEqual({ reserved: 20, completed: 0 });
    expect(await findQuotaInvariantViolations(database.handle.db, waveId)).toEqual([]);
  });

  it("never overfills a town: 60 residents over its communities, a target of 25, submissions on every process", async () => {
    const town = "310117105";
    await database.handle.db.execute(
      sql`update wave_towns set target = 25 where wave_id = ${waveId} and town_code = ${town}`,
    );
    const communities = (await call(server(1), "GET", `/api/waves/${waveId}/towns/${town}/communities`)).json.map(
      (community: { code: string }) => community.code,
    );
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) => verifyAcross(100 + i, communities[i % communities.length])),
    );
    const held = results.filter((result) => result.outcome === "held");
    expect(held).toHaveLength(25);
    expect(results.filter((result) => result.outcome !== "held").every((r) => r.outcome === "quota_full")).toBe(true);
    const answers = completeDefaultAnswers();
    const submitted = await Promise.all(
      held.map((result, i) => attempt(server(i), "POST", "/api/responses", { answers }, bearer(result.token ?? ""))),
    );
    expect(submitted.map((outcome) => outcome.status)).toEqual(held.map(() => 201));
    const rows = await queryRows<{ reserved: number; completed: number }>(
      database.handle.db,
      sql`select reserved, completed from wave_towns where wave_id = ${waveId} and town_code = ${town}`,
    );
    expect(rows[0]).toEqual({ reserved: 0, completed: 25 });
    expect(await findQuotaInvariantViolations(database.handle.db, waveId)).toEqual([]);
  });

  it("shares the rate limit: a client over the limit on one process is limited on the others", async () => {
    const address = { "x-forwarded-for": randomAddress() };
    const start = (i: number) =>
      call(server(i), "POST", `/api/waves/${waveId}/verifications`, { idNumber: "x", phone: "y" }, address);
    // The limit is spent on process A (bad input still counts: the limiter runs before validation).
    for (let i = 0; i < LIMIT; i++) expect((await start(0)).status).toBe(400);
    for (const i of [0, 1, 2]) {
      const limited = await start(i);
      expect(limited.status).toBe(429);
      expect(limited.json).toMatchObject({ error: "rate_limited", message: expect.stringMatching(/\S/) });
    }
    // Another client is not affected, on any process.
    const other = { "x-forwarded-for": randomAddress() };
    const fresh = await call(
      server(1),
      "POST",
      `/api/waves/${waveId}/verifications`,
      { idNumber: "x", phone: "y" },
      other,
    );
    expect(fresh.status).toBe(400);
  });

  it("counts requests spread over the processes together", async () => {
    const address = { "x-forwarded-for": randomAddress() };
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 3; i++) {
      const response = await call(
        server(i),
        "POST",
        `/api/waves/${waveId}/verifications`,
        { idNumber: "x", phone: "y" },
        address,
      );
      statuses.push(response.status);
    }
    expect(statuses).toEqual([...Array(LIMIT).fill(400), 429, 429, 429]);
  });
});
