import type { Estimate } from "@survey/contract";

/** Scores are shown to one decimal on the 0–100 scale. */
export function formatScore(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? "—" : value.toFixed(1);
}

/** A signed difference in points, e.g. "+2.3" or "−1.0" (with a real minus sign). */
export function formatSigned(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  const text = Math.abs(value).toFixed(digits);
  if (Number(text) === 0) return text;
  return value > 0 ? `+${text}` : `−${text}`;
}

/** "58.0–58.6"; with a negative bound "−1.2 ～ 3.4" (a dash between minus signs would misread). */
export function formatCi(low: number, high: number): string {
  if (low < 0 || high < 0) return `${formatSigned(low)} ～ ${formatSigned(high)}`;
  return `${formatScore(low)}–${formatScore(high)}`;
}

export function formatEstimateCi(estimate: Estimate): string {
  return formatCi(estimate.ciLow, estimate.ciHigh);
}

/** p-values: exact to three places, "< 0.001" below that. */
export function formatP(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return "—";
  if (p < 0.001) return "< 0.001";
  return p.toFixed(3);
}

/** "p = 0.012" or "p < 0.001". */
export function formatPClause(p: number | null | undefined): string {
  const text = formatP(p);
  return text.startsWith("<") ? `p ${text}` : `p = ${text}`;
}

export function formatStat(value: number | null | undefined, digits = 2): string {
  return value === null || value === undefined || !Number.isFinite(value) ? "—" : value.toFixed(digits);
}

export function formatCount(value: number): string {
  return value.toLocaleString("zh-CN");
}

/** Shares 0–1 as percent with one decimal. */
export function formatShare(share: number | null | undefined): string {
  return share === null || share === undefined ? "—" : `${(share * 100).toFixed(1)}%`;
}

/** Values already in percent (0–100). */
export function formatPercentValue(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined || !Number.isFinite(value) ? "—" : `${value.toFixed(digits)}%`;
}

/** Background of a heat-table cell: blue above the reference, warm below, stronger with the distance (±10 points = full). */
export function heatColour(value: number, reference: number): string {
  const difference = Math.max(-10, Math.min(10, value - reference));
  const strength = Math.abs(difference) / 10;
  const alpha = (0.08 + 0.5 * strength).toFixed(3);
  return difference >= 0 ? `rgba(35, 96, 165, ${alpha})` : `rgba(214, 110, 40, ${alpha})`;
}

/** Times are shown in Shanghai time whatever the browser's zone. */
const shanghai = (options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", ...options });
const DAY = { year: "numeric", month: "2-digit", day: "2-digit" } as const;
const CLOCK = { hour: "2-digit", minute: "2-digit", hour12: false } as const;

const dateTimeFormat = shanghai({ ...DAY, ...CLOCK });
const dateFormat = shanghai(DAY);
const dateTimeSecondsFormat = shanghai({ ...DAY, ...CLOCK, second: "2-digit" });
const timeFormat = shanghai({ ...CLOCK, second: "2-digit" });

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dateTimeFormat.format(new Date(iso)) : "—";
}

/** For the audit log, where the order of events within a minute matters. */
export function formatDateTimeSeconds(iso: string): string {
  return dateTimeSecondsFormat.format(new Date(iso));
}

export function formatDate(iso: string | null | undefined): string {
  return iso ? dateFormat.format(new Date(iso)) : "—";
}

export function formatTime(iso: string): string {
  return timeFormat.format(new Date(iso));
}
