import { namedStatement, param, queryRows } from "@survey/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase, testDriver } from "./support/test-database";

describe(`migrations on ${testDriver}`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    // Every migration on an empty database, not the saved copy the other tests start from.
    database = await createTestDatabase({ fromScratch: true });
  });
  afterAll(() => database.destroy());

  it("creates every table of the schema", async () => {
    const result = await queryRows<{ table_name: string }>(
      database.handle.db,
      sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
    );
    const names = result.map((row) => row.table_name);
    expect(names).toEqual(expect.arrayContaining(["towns", "communities", "waves", "wave_towns", "wave_communities"]));
    expect(database.handle.driver).toBe(testDriver === "postgres" ? "postgres" : "pglite");
  });

  it("running the migrations again changes nothing", async () => {
    await database.handle.migrate();
    const result = await queryRows<{ n: number }>(database.handle.db, sql`select count(*)::int as n from towns`);
    expect(result[0]?.n).toBe(0);
  });

  it("runs a named statement on the database and inside a transaction, prepared once per PostgreSQL connection", async () => {
    const { db } = database.handle;
    await db.execute(sql`create table probe_towns (code text primary key, name text not null)`);
    const insertTown = namedStatement<{ code: string; name: string }, { code: string; name: string }>(
      "test_insert_town",
      sql`insert into probe_towns (code, name) values (${param("code")}, ${param("name")}) returning code, name`,
    );
    expect(await insertTown(db, { code: "t-1", name: "一镇" })).toEqual([{ code: "t-1", name: "一镇" }]);
    let preparedOnConnection: string[] = [];
    await expect(
      db.transaction(async (tx) => {
        expect(await insertTown(tx, { code: "t-2", name: "二镇" })).toEqual([{ code: "t-2", name: "二镇" }]);
        await insertTown(tx, { code: "t-3", name: "三镇" });
        const rows = await queryRows<{ name: string }>(tx, sql`select name from pg_prepared_statements`);
        preparedOnConnection = rows.map((row) => row.name);
        tx.rollback();
      }),
    ).rejects.toThrow();
    // Rolled back with its transaction; the insert outside it stayed.
    const towns = await queryRows<{ code: string }>(db, sql`select code from probe_towns order by code`);
    expect(towns.map((row) => row.code)).toEqual(["t-1"]);
    // node-postgres prepared it under its name on the transaction's connection (PGlite runs it unnamed).
    if (testDriver === "postgres") expect(preparedOnConnection).toContain("test_insert_town");
  });
});
