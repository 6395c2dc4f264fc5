import { queryRows } from "@survey/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findQuotaInvariantViolations } from "../../apps/api/src/modules/resident/data/quota";
import { type ApiProcess, call, startApiProcess } from "../support/api-process";
import { adultIdNumber, mobilePhone } from "../support/resident";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/** Two real API processes against one PostgreSQL database: the quota rows are the only arbiter. */
describe("two API processes, one PostgreSQL", () => {
  let database: TestDatabase;
  let processes: ApiProcess[];

  beforeAll(async () => {
    database = await createTestDatabase();
    const url = database.url ?? "";
    // Both start together on an empty database: the demo seed must still run exactly once.
    processes = await Promise.all([
      startApiProcess({ DATABASE_URL: url, SEED_DEMO: "true" }),
      startApiProcess({ DATABASE_URL: url, SEED_DEMO: "true" }),
    ]);
  });
  afterAll(async () => {
    await Promise.all(processes.map((process) => process.stop()));
    await database.destroy();
  });

  it("seeds the demo data once", async () => {
    const waves = await queryRows<{ n: number }>(database.handle.db, sql`select count(*)::int as n from waves`);
    const towns = await queryRows<{ n: number }>(database.handle.db, sql`select count(*)::int as n from towns`);
    expect(waves[0]?.n).toBe(1);
    expect(towns[0]?.n).toBe(17);
  });

  it("never overfills a community when 60 residents verify through both processes at once", async () => {
    const [a, b] = processes;
    if (!a || !b) throw new Error("processes did not start");
    const wave = (await call(a.url, "GET", "/api/waves/current")).json;
    const community = (await call(a.url, "GET", `/api/waves/${wave.id}/towns/310117006/communities`)).json[0].code;
    const outcomes = await Promise.all(
      Array.from({ length: 60 }, async (_, i) => {
        const server = i % 2 === 0 ? a : b;
        const person = {
          idNumber: adultIdNumber({ seq: 9000 + i }),
          phone: mobilePhone(70_000 + i),
          communityCode: community,
        };
        const started = await call(server.url, "POST", `/api/waves/${wave.id}/verifications`, person);
        if (started.status !== 201) return started.json.error as string;
        // The other process reads the outbox and confirms: no state lives in one process.
        const other = server === a ? b : a;
        const outbox = await call(other.url, "GET", `/api/dev/sms-outbox?phone=${person.phone}`);
        const confirmed = await call(other.url, "POST", `/api/verifications/${started.json.verificationId}/confirm`, {
          code: outbox.json[0].code,
        });
        return confirmed.status === 201 ? "held" : (confirmed.json.error as string);
      }),
    );
    expect(outcomes.filter((outcome) => outcome === "held")).toHaveLength(20);
    expect(outcomes.filter((outcome) => outcome !== "held").every((outcome) => outcome === "quota_full")).toBe(true);
    const rows = await queryRows<{ reserved: number; cap: number }>(
      database.handle.db,
      sql`select reserved, cap from wave_communities where wave_id = ${wave.id} and community_code = ${community}`,
    );
    expect(rows[0]).toEqual({ reserved: 20, cap: 20 });
    expect(await findQuotaInvariantViolations(database.handle.db, wave.id)).toEqual([]);
  });
});
