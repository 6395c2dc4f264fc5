import { openDatabase, queryRows } from "@survey/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, startApiProcess } from "../support/api-process";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/** DATABASE_QUERY_TIMEOUT_MS=0 turns the statement limit off; the PostgreSQL driver must still work. */
describe("PostgreSQL with the query timeout turned off (0)", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.destroy());

  it("migrates, commits a transaction and rolls back a failed one", async () => {
    const handle = await openDatabase({ url: database.url, queryTimeoutMs: 0, poolSize: 2 });
    try {
      await handle.migrate();
      await handle.db.execute(sql`create table probe_rows (n int primary key)`);
      await handle.db.transaction(async (tx) => {
        await tx.execute(sql`insert into probe_rows values (1)`);
        await tx.execute(sql`insert into probe_rows values (2)`);
      });
      await expect(
        handle.db.transaction(async (tx) => {
          await tx.execute(sql`insert into probe_rows values (3)`);
          await tx.execute(sql`insert into probe_rows values (1)`);
        }),
      ).rejects.toThrow();
      // More transactions than connections: every checkout is given back.
      await Promise.all(
        [10, 11, 12, 13, 14].map((n) =>
          handle.db.transaction((tx) => tx.execute(sql`insert into probe_rows values (${n})`)),
        ),
      );
      const rows = await queryRows<{ n: number }>(handle.db, sql`select n from probe_rows order by n`);
      expect(rows.map((row) => row.n)).toEqual([1, 2, 10, 11, 12, 13, 14]);
      await handle.ping();
    } finally {
      await handle.close();
    }
  });

  it("starts the real API process, which answers health and the resident's first request", async () => {
    const api = await startApiProcess({
      DATABASE_URL: database.url ?? "",
      DATABASE_QUERY_TIMEOUT_MS: "0",
      SEED_DEMO: "true",
    });
    try {
      const health = await call(api.url, "GET", "/api/health");
      expect(health.status).toBe(200);
      const wave = await call(api.url, "GET", "/api/waves/current");
      expect(wave.status).toBe(200);
      expect(wave.json.title).toContain("满意度");
    } finally {
      await api.stop();
    }
  });
});
