import type { FieldworkSummary, FieldworkTown, HeldCommunity, SessionUser } from "@survey/contract";
import type { Database } from "@survey/db";
import { isHeldSpike } from "@survey/stats";
import { canAccessTown } from "../../platform/auth/scopes";
import { listWaveCommunities, listWaveTowns, requireWave, type WaveRow } from "../waves";
import {
  completionsByTownAndDayBack,
  completionsPerDay,
  heldReservations,
  populationCells,
  quotaTotals,
  sampleComposition,
} from "./data/fieldwork";
import { districtComposition, townComposition } from "./fieldwork-composition";
import { dailyCountsOldestFirst, historyDays, projectTown, recruitIn } from "./fieldwork-forecast";

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
/** A community's usual held count is its average over the past week, up to an hour ago. */
const HELD_BASELINE_DAYS = 7;
const HELD_LIST_LIMIT = 20;

/**
 * When fieldwork began: when the wave was opened (a reopen keeps it), else its planned opening, or the first
 * completion if that came earlier (paper questionnaires imported from before the online opening).
 */
function fieldworkBegan(
  wave: Pick<WaveRow, "openedAt" | "opensAt" | "createdAt">,
  firstSubmittedAt: Date | null,
): Date {
  const opened = wave.openedAt ?? wave.opensAt ?? wave.createdAt;
  return firstSubmittedAt && firstSubmittedAt < opened ? firstSubmittedAt : opened;
}

/** Communities holding reservations now, or far above their usual level, spikes first. */
function heldList(
  rows: { communityCode: string; heldNow: number; usual: number }[],
  communities: { code: string; name: string; townCode: string }[],
): HeldCommunity[] {
  const byCode = new Map(communities.map((community) => [community.code, community]));
  return rows
    .flatMap((row) => {
      const community = byCode.get(row.communityCode);
      if (!community || row.heldNow === 0) return [];
      const usual = Math.round(row.usual * 100) / 100;
      return [{ ...community, heldNow: row.heldNow, usual, spike: isHeldSpike(row.heldNow, row.usual) }];
    })
    .sort((a, b) => Number(b.spike) - Number(a.spike) || b.heldNow - a.heldNow || a.code.localeCompare(b.code))
    .slice(0, HELD_LIST_LIMIT)
    .map(({ code, name, townCode, heldNow, usual, spike }) => ({ code, name, townCode, heldNow, usual, spike }));
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
  const heldUntil = new Date(now.getTime() - HOUR_MS);
  const [communities, daily, history, composition, cells, held] = await Promise.all([
    listWaveCommunities(db, wave.id),
    completionsPerDay(db, wave.id, scoped ? [...visible] : undefined),
    completionsByTownAndDayBack(db, wave.id, now),
    sampleComposition(db, wave.id),
    populationCells(db),
    heldReservations(db, wave.id, now, new Date(now.getTime() - HELD_BASELINE_DAYS * DAY_MS), heldUntil),
  ]);
  const ownCommunities = communities.filter((community) => visible.has(community.townCode));
  const days = historyDays(fieldworkBegan(wave, history.firstSubmittedAt), now);

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
        dailyCounts: dailyCountsOldestFirst(history.byTown.get(town.code), days),
        capacity: mine.reduce((sum, community) => sum + community.cap, 0),
        now,
        closesAt: wave.closesAt,
      }),
      ...recruitIn(mine, town.completed >= town.target),
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
    district: districtComposition(visible, composition, cells),
    held: heldList(held, ownCommunities),
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
