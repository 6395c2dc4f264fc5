import { type Executor, reservations, responses, townPopulationCells, waveTowns } from "@survey/db";
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

/**
 * Counted completions per town per 24-hour day counted back from `now` (0 = the last 24 hours), up to `now`,
 * and the first submission of the wave (null when none).
 */
export async function completionsByTownAndDayBack(
  db: Executor,
  waveId: number,
  now: Date,
): Promise<{ byTown: Map<string, Map<number, number>>; firstSubmittedAt: Date | null }> {
  // The instant is inlined (an ISO string from a Date, not user text): a bound parameter would differ
  // between the SELECT and the GROUP BY, which PostgreSQL refuses.
  const nowLiteral = sql.raw(`'${now.toISOString()}'::timestamptz`);
  const dayBack = sql<number>`floor(extract(epoch from (${nowLiteral} - ${responses.submittedAt})) / 86400)::int`;
  const rows = await db
    .select({
      townCode: responses.townCode,
      dayBack,
      count: sql<number>`count(*)::int`,
      first: sql<string>`min(${responses.submittedAt})`,
    })
    .from(responses)
    .where(and(countedIn(waveId, undefined), lte(responses.submittedAt, now)))
    .groupBy(responses.townCode, dayBack);
  const byTown = new Map<string, Map<number, number>>();
  let first: Date | null = null;
  for (const row of rows) {
    const days = byTown.get(row.townCode) ?? new Map<number, number>();
    days.set(Number(row.dayBack), Number(row.count));
    byTown.set(row.townCode, days);
    const submitted = new Date(row.first);
    if (first === null || submitted < first) first = submitted;
  }
  return { byTown, firstSubmittedAt: first };
}

/**
 * Per community: reservations held at `now` (active and unexpired) and the time-averaged held count over
 * [since, until] — each reservation contributes the part of its holding time inside the window.
 */
export async function heldReservations(
  db: Executor,
  waveId: number,
  now: Date,
  since: Date,
  until: Date,
): Promise<{ communityCode: string; heldNow: number; usual: number }[]> {
  const windowSeconds = Math.max(0, (until.getTime() - since.getTime()) / 1000);
  const heldUntil = sql`least(coalesce(${reservations.releasedAt}, ${reservations.expiresAt}), ${reservations.expiresAt})`;
  const sinceSql = sql`${since.toISOString()}::timestamptz`;
  const untilSql = sql`${until.toISOString()}::timestamptz`;
  const nowSql = sql`${now.toISOString()}::timestamptz`;
  const overlap = sql`greatest(0, extract(epoch from (least(${heldUntil}, ${untilSql}) - greatest(${reservations.createdAt}, ${sinceSql}))))`;
  const rows = await db
    .select({
      communityCode: reservations.communityCode,
      heldNow: sql<number>`count(*) filter (where ${reservations.status} = 'active' and ${reservations.createdAt} <= ${nowSql} and ${reservations.expiresAt} > ${nowSql})::int`,
      heldSeconds: sql<number>`coalesce(sum(${overlap}), 0)::float8`,
    })
    .from(reservations)
    .where(and(eq(reservations.waveId, waveId), gt(sql`${heldUntil}`, sinceSql)))
    .groupBy(reservations.communityCode);
  return rows.map((row) => ({
    communityCode: row.communityCode,
    heldNow: Number(row.heldNow),
    usual: windowSeconds > 0 ? Number(row.heldSeconds) / windowSeconds : 0,
  }));
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
