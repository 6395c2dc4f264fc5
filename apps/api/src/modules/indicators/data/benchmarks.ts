import { benchmarkValues, type Executor } from "@survey/db";
import { eq, sql } from "drizzle-orm";

export type BenchmarkRow = typeof benchmarkValues.$inferSelect;
export type NewBenchmarkRow = typeof benchmarkValues.$inferInsert;

/** Keeps multi-row inserts well under PostgreSQL's limit of bind parameters. */
const CHUNK = 1000;

/** Inserts or replaces sibling districts' values by district × indicator × year. */
export async function upsertBenchmarks(tx: Executor, rows: readonly NewBenchmarkRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    await tx
      .insert(benchmarkValues)
      .values(rows.slice(start, start + CHUNK))
      .onConflictDoUpdate({
        target: [benchmarkValues.districtCode, benchmarkValues.indicatorCode, benchmarkValues.year],
        set: {
          value: sql`excluded.value`,
          districtName: sql`excluded.district_name`,
          demo: sql`excluded.demo`,
          importedAt: sql`excluded.imported_at`,
        },
      });
  }
}

export async function listBenchmarks(db: Executor, year: number): Promise<BenchmarkRow[]> {
  return db.select().from(benchmarkValues).where(eq(benchmarkValues.year, year));
}
