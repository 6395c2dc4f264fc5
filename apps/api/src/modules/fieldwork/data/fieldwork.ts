import { type Executor, responses, townPopulationCells, waveTowns } from "@survey/db";
import { and, asc, eq, gt, inArray, lte, type SQL, sql } from "drizzle-orm";

/** Counted responses of a wave, optionally limited to some towns. */
function countedIn(waveId: number, townCodes: string[] | undefined): SQL {
  const conditions = [eq(responses.waveId, waveId), eq(responses.counted, true)];
  if (townCodes) conditions.push(inArray(responses.townCode, townCodes.length > 0 ? townCodes : [""]));
  return and(...conditions) as SQL;
}

/** Counted completions per calendar day in Asia/Shanghai (the survey's local day), oldest first. */
export async function completionsPerDay(
  db: Executor,
  waveId: number,
  townCodes?: string[],
): Promise<{ date: string; count: number }[]> {
  const day = sql<string>`to_char(${responses.submittedAt} at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`;
  const rows = await db
    .select({ date: day, count: sql<number>`count(*)::int` })
    .from(responses)
    .where(countedIn(waveId, townCodes))
    .groupBy(day)
    .orderBy(asc(day));
  return rows.map((row) => ({ date: row.date, count: Number(row.count) }));
}

/** Counted completions per town submitted in (since, until]. */
export async function completionsByTownBetween(
  db: Executor,
  waveId: number,
  since: Date,
  until: Date,
): Promise<Map<string, number>> {
  const rows = await db
    .select({ townCode: responses.townCode, count: sql<number>`count(*)::int` })
    .from(responses)
    .where(and(countedIn(waveId, undefined), gt(responses.submittedAt, since), lte(responses.submittedAt, until)))
    .groupBy(responses.townCode);
  return new Map(rows.map((row) => [row.townCode, Number(row.count)]));
}

export interface CompositionRow {
  townCode: string;
  sex: string | null;
  ageGroup: string | null;
  registered: boolean | null;
  count: number;
}

/** Counted responses per town × sex × age group × registration. */
export async function sampleComposition(db: Executor, waveId: number): Promise<CompositionRow[]> {
  const rows = await db
    .select({
      townCode: responses.townCode,
      sex: responses.sex,
      ageGroup: responses.ageGroup,
      registered: responses.registered,
      count: sql<number>`count(*)::int`,
    })
    .from(responses)
    .where(countedIn(waveId, undefined))
    .groupBy(responses.townCode, responses.sex, responses.ageGroup, responses.registered);
  return rows.map((row) => ({ ...row, count: Number(row.count) }));
}

export async function populationCells(
  db: Executor,
): Promise<{ townCode: string; sex: string; ageGroup: string; population: number }[]> {
  return db
    .select({
      townCode: townPopulationCells.townCode,
      sex: townPopulationCells.sex,
      ageGroup: townPopulationCells.ageGroup,
      population: townPopulationCells.population,
    })
    .from(townPopulationCells);
}

/** The quota counters only: cheap to read every few seconds to see whether anything changed. */
export async function quotaTotals(
  db: Executor,
  waveId: number,
): Promise<{ townCode: string; completed: number; reserved: number }[]> {
  return db
    .select({ townCode: waveTowns.townCode, completed: waveTowns.completed, reserved: waveTowns.reserved })
    .from(waveTowns)
    .where(eq(waveTowns.waveId, waveId))
    .orderBy(asc(waveTowns.townCode));
}
