import type {
  CompositionShare,
  FieldworkSummary,
  FieldworkTown,
  SessionUser,
  TownComposition,
  TownProjection,
} from "@survey/contract";
import type { Database } from "@survey/db";
import { ageGroups } from "@survey/identity";
import { canAccessTown } from "../../platform/auth/scopes";
import { listWaveCommunities, listWaveTowns, requireWave, type WaveRow } from "../waves";
import {
  type CompositionRow,
  completionsByTownBetween,
  completionsPerDay,
  populationCells,
  quotaTotals,
  sampleComposition,
} from "./data/fieldwork";

const DAY_MS = 24 * 60 * 60 * 1000;
/** The pace is measured over the last week of fieldwork (or since it began, if later). */
const PACE_WINDOW_DAYS = 7;
/** China has kept UTC+8 all year since 1991, so a fixed offset gives the local calendar day. */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** When the pace window starts: a week back, but not before the wave opened. */
function paceWindowStart(wave: Pick<WaveRow, "openedAt" | "opensAt" | "createdAt">, now: Date): Date {
  const began = wave.openedAt ?? wave.opensAt ?? wave.createdAt;
  return new Date(Math.max(now.getTime() - PACE_WINDOW_DAYS * DAY_MS, began.getTime()));
}

/**
 * Where a town ends up at the closing date if it keeps its recent pace. The window counts as at least
 * one day, so a burst in the first hour does not promise hundreds a day.
 */
export function projectTown(input: {
  completed: number;
  target: number;
  recentCompletions: number;
  windowStart: Date;
  now: Date;
  closesAt: Date | null;
}): TownProjection {
  const { completed, target, now, closesAt } = input;
  const windowDays = Math.max((now.getTime() - input.windowStart.getTime()) / DAY_MS, 1);
  const perDay = input.recentCompletions / windowDays;
  const daysLeft = closesAt ? Math.max(0, (closesAt.getTime() - now.getTime()) / DAY_MS) : 0;
  const reachable = completed + perDay * daysLeft;
  const remaining = target - completed;
  return {
    perDay: Math.round(perDay * 100) / 100,
    projected: Math.min(target, Math.floor(reachable + 1e-9)),
    expectedCompletionDate:
      remaining <= 0 || perDay === 0 ? null : shanghaiDate(new Date(now.getTime() + (remaining / perDay) * DAY_MS)),
    atRisk: closesAt !== null && remaining > 0 && reachable < target,
  };
}

type Cell = { townCode: string; sex: string; ageGroup: string; population: number };

function shares(
  counts: Map<string, number>,
  n: number,
  categories: string[],
  population: Map<string, number> | undefined,
): CompositionShare[] {
  const populationTotal = population ? [...population.values()].reduce((sum, value) => sum + value, 0) : 0;
  const all = [...categories, ...[...counts.keys()].filter((key) => !categories.includes(key))];
  return all
    .filter((category) => category !== "unknown" || (counts.get(category) ?? 0) > 0)
    .map((category) => {
      const sample = counts.get(category) ?? 0;
      const known = population?.get(category);
      return {
        category,
        sample,
        sampleShare: n > 0 ? sample / n : 0,
        populationShare: known !== undefined && populationTotal > 0 ? known / populationTotal : null,
      };
    });
}

function sumBy(cells: Cell[], key: "sex" | "ageGroup"): Map<string, number> {
  const totals = new Map<string, number>();
  for (const cell of cells) totals.set(cell[key], (totals.get(cell[key]) ?? 0) + cell.population);
  return totals;
}

/**
 * Sample composition of one town against its adult population. Population shares come from the
 * town's own population cells, else from the whole district's cells, else are unknown; registration
 * (户籍) is not in the population cells, so its population share is always null. Cells for
 * under-18s are left out: the sample has none.
 */
function townComposition(townCode: string, rows: CompositionRow[], cells: Cell[]): TownComposition {
  const own = rows.filter((row) => row.townCode === townCode);
  const n = own.reduce((sum, row) => sum + row.count, 0);
  const tally = (pick: (row: CompositionRow) => string) => {
    const counts = new Map<string, number>();
    for (const row of own) counts.set(pick(row), (counts.get(pick(row)) ?? 0) + row.count);
    return counts;
  };
  const adultCells = cells.filter((cell) => cell.ageGroup !== "under-18");
  const townCells = adultCells.filter((cell) => cell.townCode === townCode);
  const source = townCells.length > 0 ? "town" : adultCells.length > 0 ? "district" : "none";
  const basis = source === "town" ? townCells : adultCells;
  const population = source === "none" ? undefined : basis;
  return {
    townCode,
    n,
    sex: shares(
      tally((row) => row.sex ?? "unknown"),
      n,
      ["male", "female", "unknown"],
      population && sumBy(population, "sex"),
    ),
    ageGroup: shares(
      tally((row) => row.ageGroup ?? "unknown"),
      n,
      [...ageGroups.filter((group) => group !== "under-18"), "unknown"],
      population && sumBy(population, "ageGroup"),
    ),
    registered: shares(
      tally((row) => (row.registered === null ? "unknown" : row.registered ? "registered" : "unregistered")),
      n,
      ["registered", "unregistered", "unknown"],
      undefined,
    ),
    populationSource: source,
  };
}

/** The fieldwork monitor's whole picture of a wave, limited to the towns the user may see. */
export async function fieldworkSummary(
  db: Database,
  user: SessionUser,
  waveId: number,
  now: Date,
): Promise<FieldworkSummary> {
  const wave = await requireWave(db, waveId);
  const towns = (await listWaveTowns(db, wave.id)).filter((town) => canAccessTown(user, town.code));
  const visible = new Set(towns.map((town) => town.code));
  const scoped = user.role === "staff" && user.townCodes.length > 0;
  const windowStart = paceWindowStart(wave, now);
  const [communities, daily, recent, composition, cells] = await Promise.all([
    listWaveCommunities(db, wave.id),
    completionsPerDay(db, wave.id, scoped ? [...visible] : undefined),
    completionsByTownBetween(db, wave.id, windowStart, now),
    sampleComposition(db, wave.id),
    populationCells(db),
  ]);
  const ownCommunities = communities.filter((community) => visible.has(community.townCode));

  const townRows: FieldworkTown[] = towns.map((town) => {
    const mine = ownCommunities.filter((community) => community.townCode === town.code);
    return {
      code: town.code,
      name: town.name,
      target: town.target,
      completed: town.completed,
      reserved: town.reserved,
      fillRate: town.target > 0 ? town.completed / town.target : 0,
      communities: {
        empty: mine.filter((community) => community.completed === 0).length,
        full: mine.filter((community) => community.completed >= community.cap).length,
        belowHalf: mine.filter((community) => community.completed < community.cap / 2).length,
      },
      projection: projectTown({
        completed: town.completed,
        target: town.target,
        recentCompletions: recent.get(town.code) ?? 0,
        windowStart,
        now,
        closesAt: wave.closesAt,
      }),
    };
  });

  return {
    wave: {
      id: wave.id,
      code: wave.code,
      title: wave.title,
      status: wave.status,
      closesAt: wave.closesAt ? wave.closesAt.toISOString() : null,
    },
    generatedAt: now.toISOString(),
    totals: {
      target: towns.reduce((sum, town) => sum + town.target, 0),
      completed: towns.reduce((sum, town) => sum + town.completed, 0),
      reserved: towns.reduce((sum, town) => sum + town.reserved, 0),
    },
    towns: townRows,
    communities: ownCommunities.map((community) => ({
      code: community.code,
      name: community.name,
      townCode: community.townCode,
      cap: community.cap,
      completed: community.completed,
      reserved: community.reserved,
    })),
    daily,
    composition: towns.map((town) => townComposition(town.code, composition, cells)),
  };
}

/**
 * A short string that changes whenever a visible town's completed or reserved count changes: the
 * live stream compares it every few seconds and only then builds and sends a new summary.
 */
export async function fieldworkFingerprint(db: Database, user: SessionUser, waveId: number): Promise<string> {
  const rows = await quotaTotals(db, waveId);
  return rows
    .filter((row) => canAccessTown(user, row.townCode))
    .map((row) => `${row.townCode}:${row.completed}:${row.reserved}`)
    .join("|");
}
