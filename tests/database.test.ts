import { queryRows } from "@survey/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase, testDriver } from "./support/test-database";

describe(`migrations on ${testDriver}`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
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
});
