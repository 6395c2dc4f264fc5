import type { DailyCompletions } from "@survey/contract";

/** Every day from the first to the last with a completion, so quiet days show as zero. */
export function fillDays(daily: DailyCompletions[]): DailyCompletions[] {
  const sorted = [...daily].sort((a, b) => a.date.localeCompare(b.date));
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (!first || !last) return [];
  const counts = new Map(sorted.map((day) => [day.date, day.count]));
  const days: DailyCompletions[] = [];
  for (let day = new Date(`${first.date}T00:00:00Z`); ; day.setUTCDate(day.getUTCDate() + 1)) {
    const date = day.toISOString().slice(0, 10);
    days.push({ date, count: counts.get(date) ?? 0 });
    if (date >= last.date) break;
  }
  return days;
}
