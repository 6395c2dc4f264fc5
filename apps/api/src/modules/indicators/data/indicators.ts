import { type Executor, indicators, indicatorValueChanges, indicatorValues, towns } from "@survey/db";
import { and, asc, eq, inArray, sql } from "drizzle-orm";

export type IndicatorRow = typeof indicators.$inferSelect;
export type NewIndicatorRow = typeof indicators.$inferInsert;

export interface StoredValue {
  indicatorCode: string;
  townCode: string;
  year: number;
  value: number;
}

export interface TownUnit {
  code: string;
  name: string;
  population: number;
}

/** Keeps multi-row inserts well under PostgreSQL's limit of 65,535 bind parameters. */
const CHUNK = 1000;

export async function listIndicators(db: Executor): Promise<IndicatorRow[]> {
  return db.select().from(indicators).orderBy(asc(indicators.domain), asc(indicators.code));
}

export async function findIndicator(db: Executor, code: string): Promise<IndicatorRow | undefined> {
  const [row] = await db.select().from(indicators).where(eq(indicators.code, code));
  return row;
}

export async function insertIndicators(db: Executor, rows: readonly NewIndicatorRow[]): Promise<IndicatorRow[]> {
  if (rows.length === 0) return [];
  return db
    .insert(indicators)
    .values([...rows])
    .returning();
}

export async function replaceIndicator(db: Executor, code: string, row: NewIndicatorRow): Promise<IndicatorRow> {
  const [updated] = await db.update(indicators).set(row).where(eq(indicators.code, code)).returning();
  if (!updated) throw new Error(`indicator ${code} vanished during update`);
  return updated;
}

/** Every value of the given years (all years when none are named). */
export async function listValues(db: Executor, years?: readonly number[]): Promise<StoredValue[]> {
  const query = db
    .select({
      indicatorCode: indicatorValues.indicatorCode,
      townCode: indicatorValues.townCode,
      year: indicatorValues.year,
      value: indicatorValues.value,
    })
    .from(indicatorValues);
  return years ? query.where(inArray(indicatorValues.year, [...years])) : query;
}

/** The stored values among the given cells (indicator × town × year), keyed `indicator|town|year`. */
async function storedAmong(tx: Executor, rows: readonly StoredValue[]): Promise<Map<string, number>> {
  const found = await tx
    .select({
      indicatorCode: indicatorValues.indicatorCode,
      townCode: indicatorValues.townCode,
      year: indicatorValues.year,
      value: indicatorValues.value,
    })
    .from(indicatorValues)
    .where(
      and(
        inArray(indicatorValues.indicatorCode, [...new Set(rows.map((row) => row.indicatorCode))]),
        inArray(indicatorValues.year, [...new Set(rows.map((row) => row.year))]),
      ),
    );
  return new Map(found.map((row) => [`${row.indicatorCode}|${row.townCode}|${row.year}`, row.value]));
}

/**
 * Inserts or replaces values by indicator × town × year; a value that replaces a different one is recorded in
 * the change history (who, when, old → new). Call inside a transaction.
 */
export async function upsertValues(
  tx: Executor,
  rows: readonly StoredValue[],
  at: Date,
  userId: number | null,
): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const before = await storedAmong(tx, chunk);
    const changes = chunk.flatMap((row) => {
      const old = before.get(`${row.indicatorCode}|${row.townCode}|${row.year}`);
      return old === undefined || old === row.value
        ? []
        : [{ ...row, oldValue: old, newValue: row.value, changedAt: at, changedBy: userId }];
    });
    if (changes.length > 0) {
      await tx.insert(indicatorValueChanges).values(changes.map(({ value: _value, ...change }) => change));
    }
    await tx
      .insert(indicatorValues)
      .values(chunk.map((row) => ({ ...row, updatedAt: at, updatedBy: userId })))
      .onConflictDoUpdate({
        target: [indicatorValues.indicatorCode, indicatorValues.townCode, indicatorValues.year],
        set: { value: sql`excluded.value`, updatedAt: at, updatedBy: userId },
      });
  }
}

/** The frame's towns by code: the units of the town index. */
export async function listTownUnits(db: Executor): Promise<TownUnit[]> {
  return db
    .select({ code: towns.code, name: towns.name, population: towns.population })
    .from(towns)
    .orderBy(asc(towns.code));
}
