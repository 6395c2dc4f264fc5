import type { RecruitCommunity, TownProjection } from "@survey/contract";
import { forecastCompletion } from "@survey/stats";

const DAY_MS = 24 * 60 * 60 * 1000;
/** The recent pace shown beside the whole-history one. */
const RECENT_DAYS = 7;
const RECRUIT_LIMIT = 5;
/** China has kept UTC+8 all year since 1991, so a fixed offset gives the local calendar day. */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * How many 24-hour days of history fieldwork has at `now`: from when it began (the opening, or the first
 * completion if earlier — a reopened wave keeps its history) to now, rounded, at least one.
 */
export function historyDays(began: Date, now: Date): number {
  return Math.max(1, Math.round((now.getTime() - began.getTime()) / DAY_MS));
}

/** Counts per day oldest first from counts keyed by days back (0 = last 24 h); older days fold into the first. */
export function dailyCountsOldestFirst(byDayBack: Map<number, number> | undefined, days: number): number[] {
  const counts = new Array<number>(days).fill(0);
  for (const [back, count] of byDayBack ?? []) {
    const index = days - 1 - Math.min(Math.max(back, 0), days - 1);
    counts[index] = (counts[index] ?? 0) + count;
  }
  return counts;
}

/** The town's forecast at the closing date from its whole history (method: `forecastCompletion`). */
export function projectTown(input: {
  completed: number;
  target: number;
  /** Completions per day, oldest first. */
  dailyCounts: number[];
  /** The sum of its communities' caps. */
  capacity: number;
  now: Date;
  closesAt: Date | null;
}): TownProjection {
  const { completed, target, dailyCounts, now, closesAt } = input;
  const daysLeft = closesAt ? Math.max(0, (closesAt.getTime() - now.getTime()) / DAY_MS) : 0;
  const forecast = forecastCompletion({ completed, target, dailyCounts, daysLeft, ceiling: input.capacity });
  const recent = dailyCounts.slice(-RECENT_DAYS);
  const remaining = target - completed;
  const round2 = (value: number) => Math.round(value * 100) / 100;
  return {
    perDay: round2(forecast.perDay),
    recentPerDay: round2(recent.reduce((sum, count) => sum + count, 0) / recent.length),
    projected: Math.floor(forecast.forecast + 1e-9),
    projectedLow: Math.floor(forecast.low + 1e-9),
    projectedHigh: Math.ceil(forecast.high - 1e-9),
    likelihood: forecast.likelihood,
    capacityShort: forecast.capacityShort,
    expectedCompletionDate:
      remaining <= 0 || forecast.perDay === 0
        ? null
        : shanghaiDate(new Date(now.getTime() + (remaining / forecast.perDay) * DAY_MS)),
    atRisk: closesAt !== null && forecast.likelihood === "unlikely",
  };
}

/** The town's communities with free places, most room first (then the emptiest): where to recruit next. */
export function recruitIn(
  communities: { code: string; name: string; cap: number; completed: number; reserved: number }[],
  townReached: boolean,
): { roomLeft: number; recruitIn: RecruitCommunity[] } {
  const withRoom = communities
    .map((community) => ({
      code: community.code,
      name: community.name,
      room: Math.max(0, community.cap - community.completed - community.reserved),
      fill: community.cap > 0 ? community.completed / community.cap : 1,
    }))
    .filter((community) => community.room > 0);
  const roomLeft = withRoom.reduce((sum, community) => sum + community.room, 0);
  if (townReached) return { roomLeft, recruitIn: [] };
  withRoom.sort((a, b) => b.room - a.room || a.fill - b.fill || a.code.localeCompare(b.code));
  return {
    roomLeft,
    recruitIn: withRoom.slice(0, RECRUIT_LIMIT).map(({ code, name, room }) => ({ code, name, room })),
  };
}
