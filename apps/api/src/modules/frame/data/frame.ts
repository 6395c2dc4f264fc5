import type { FrameTown } from "@survey/contract";
import { communities, type Executor, queryRows, townPopulationCells, towns } from "@survey/db";
import { asc, eq, inArray, sql } from "drizzle-orm";

export interface TownRecord {
  code: string;
  name: string;
  kind: "street" | "town";
  population: number;
}

export interface CommunityRecord {
  code: string;
  townCode: string;
  name: string;
  kind: "residential" | "village";
  population: number;
}

export interface PopulationCellRecord {
  townCode: string;
  sex: "male" | "female";
  ageGroup: string;
  population: number;
}

/** Keeps multi-row inserts well under PostgreSQL's limit of 65,535 bind parameters. */
const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += CHUNK) result.push(items.slice(start, start + CHUNK));
  return result;
}

/** Frame imports run one at a time, so two files cannot move the same community in opposite ways. */
export async function lockFrame(tx: Executor): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(7420118)`);
}

export async function communityTownCodes(db: Executor): Promise<Map<string, string>> {
  const rows = await db.select({ code: communities.code, townCode: communities.townCode }).from(communities);
  return new Map(rows.map((row) => [row.code, row.townCode]));
}

export async function existingTownCodes(db: Executor, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db
    .select({ code: towns.code })
    .from(towns)
    .where(inArray(towns.code, [...codes]));
  return new Set(rows.map((row) => row.code));
}

/** What an import changes of a town or community already there: imported figures replace demo ones. */
const importedFigures = (now: Date) => ({
  name: sql`excluded.name`,
  kind: sql`excluded.kind`,
  population: sql`excluded.population`,
  demo: false,
  updatedAt: now,
});

/** Inserts or updates towns by code; imported figures replace demo ones, so `demo` turns false. */
export async function upsertTowns(tx: Executor, rows: readonly TownRecord[], now: Date): Promise<void> {
  for (const chunk of chunks(rows)) {
    await tx
      .insert(towns)
      .values(chunk.map((row) => ({ ...row, demo: false, updatedAt: now })))
      .onConflictDoUpdate({ target: towns.code, set: importedFigures(now) });
  }
}

export async function upsertCommunities(tx: Executor, rows: readonly CommunityRecord[], now: Date): Promise<void> {
  for (const chunk of chunks(rows)) {
    await tx
      .insert(communities)
      .values(chunk.map((row) => ({ ...row, demo: false, updatedAt: now })))
      .onConflictDoUpdate({ target: communities.code, set: importedFigures(now) });
  }
}

/**
 * Removes the communities of the given towns that the new file no longer lists, except those a wave
 * already has quota rows for (they carry counts and responses). Returns both lists.
 */
export async function removeUnlistedCommunities(
  tx: Executor,
  townCodes: readonly string[],
  listedCodes: readonly string[],
): Promise<{ removed: string[]; retained: string[] }> {
  if (townCodes.length === 0) return { removed: [], retained: [] };
  const listed = new Set(listedCodes);
  const candidates = await queryRows<{ code: string; in_wave: boolean }>(
    tx,
    sql`
    select c.code, exists (select 1 from wave_communities wc where wc.community_code = c.code) as in_wave
    from communities c
    where c.town_code in (${sql.join(
      townCodes.map((code) => sql`${code}`),
      sql`, `,
    )})
    order by c.code`,
  );
  const unlisted = candidates.filter((row) => !listed.has(row.code));
  const removed = unlisted.filter((row) => !row.in_wave).map((row) => row.code);
  const retained = unlisted.filter((row) => row.in_wave).map((row) => row.code);
  for (const chunk of chunks(removed)) {
    await tx.delete(communities).where(inArray(communities.code, chunk));
  }
  return { removed, retained };
}

/** Replaces every population cell of the given towns with the new ones. */
export async function replacePopulationCells(tx: Executor, cells: readonly PopulationCellRecord[]): Promise<void> {
  const townCodes = [...new Set(cells.map((cell) => cell.townCode))];
  if (townCodes.length === 0) return;
  await tx.delete(townPopulationCells).where(inArray(townPopulationCells.townCode, townCodes));
  for (const chunk of chunks(cells)) await tx.insert(townPopulationCells).values(chunk);
}

/** A town of the frame with its counts, as the console's frame page shows it (the time still a Date). */
export type FrameTownSummary = Omit<FrameTown, "updatedAt"> & { updatedAt: Date };

export async function listFrameTowns(db: Executor): Promise<FrameTownSummary[]> {
  const rows = await queryRows<{
    code: string;
    name: string;
    kind: "street" | "town";
    population: number;
    demo: boolean;
    community_count: number;
    residential_count: number;
    village_count: number;
    community_population: number | string;
    population_cells: number;
    updated_at: Date | string;
  }>(
    db,
    sql`
    select t.code, t.name, t.kind, t.population, t.demo, t.updated_at,
      (select count(*)::int from communities c where c.town_code = t.code) as community_count,
      (select count(*)::int from communities c where c.town_code = t.code and c.kind = 'residential') as residential_count,
      (select count(*)::int from communities c where c.town_code = t.code and c.kind = 'village') as village_count,
      (select coalesce(sum(c.population), 0)::bigint from communities c where c.town_code = t.code) as community_population,
      (select count(*)::int from town_population_cells p where p.town_code = t.code) as population_cells
    from towns t order by t.code`,
  );
  return rows.map((row) => ({
    code: row.code,
    name: row.name,
    kind: row.kind,
    population: row.population,
    demo: row.demo,
    communityCount: row.community_count,
    residentialCount: row.residential_count,
    villageCount: row.village_count,
    communityPopulation: Number(row.community_population),
    populationCells: row.population_cells,
    updatedAt: new Date(row.updated_at),
  }));
}

export async function listTownCommunities(db: Executor, townCode: string) {
  return db
    .select({
      code: communities.code,
      name: communities.name,
      kind: communities.kind,
      population: communities.population,
      demo: communities.demo,
    })
    .from(communities)
    .where(eq(communities.townCode, townCode))
    .orderBy(asc(communities.code));
}

export async function listPopulationCells(db: Executor, townCode: string) {
  return db
    .select({
      sex: townPopulationCells.sex,
      ageGroup: townPopulationCells.ageGroup,
      population: townPopulationCells.population,
    })
    .from(townPopulationCells)
    .where(eq(townPopulationCells.townCode, townCode))
    .orderBy(asc(townPopulationCells.sex), asc(townPopulationCells.ageGroup));
}
