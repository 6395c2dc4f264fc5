import { fUpperTail, normalUpperTail } from "./distributions";

/**
 * Where a town's fieldwork ends up at the closing date, forecast from its whole history.
 *
 * Method (the fieldwork monitor's; STATISTICS.md has no rule for it):
 *  - The history is the town's counted completions per day since fieldwork began: n days of 24 h counted
 *    back from now (the oldest day also takes anything earlier), zero days included, so a bulk import
 *    counts once, on the day it arrived, and does not set the pace for every remaining day.
 *  - Pace r = Σ counts / n. Day-to-day variability s² = the sample variance of the daily counts, but never
 *    below r (at least Poisson noise; bursts of imports make s² large and the interval wide).
 *  - Over the D days left the town adds A = r·D. Treating the days as exchangeable, the 95 % prediction
 *    interval of the sum of D future days is A ± t(0.975, n−1)·√(s²·D + s²·D²/n) — the future days' own
 *    variability plus the uncertainty of the estimated pace. With one day of history (n = 1) the normal 1.96
 *    and the Poisson variance are used.
 *  - The forecast and its bounds are completed + A (low bound at least completed), capped by what the town
 *    can still take: its target and the room left in its communities (ceiling).
 *  - Likelihood: reached (completed ≥ target); likely (low bound reaches the target); uncertain (the point
 *    forecast reaches it, the low bound does not); unlikely (the point forecast falls short, or the
 *    communities lack the room). A town is at risk when unlikely.
 */

export type CompletionLikelihood = "reached" | "likely" | "uncertain" | "unlikely";

export interface CompletionForecastInput {
  /** Counted completions so far. */
  completed: number;
  target: number;
  /** Completions per day of history, oldest first; at least one day. */
  dailyCounts: readonly number[];
  /** Days until the closing date (fractional; 0 when closed or past). */
  daysLeft: number;
  /** The most the town can reach under its community caps (completed + room left); defaults to no limit. */
  ceiling?: number;
}

export interface CompletionForecast {
  /** Completions per day over the whole history. */
  perDay: number;
  /** Point forecast at the closing date, capped at the target and the ceiling. */
  forecast: number;
  /** 95 % prediction interval of the count at the closing date (same caps). */
  low: number;
  high: number;
  likelihood: CompletionLikelihood;
  /** True when the communities' room, not the pace, keeps the town below its target. */
  capacityShort: boolean;
}

/** Two-sided 97.5 % quantile of Student's t with df degrees of freedom (bisection on the F tail, t² ~ F(1, df)). */
export function studentTQuantile975(df: number): number {
  if (!(df > 0)) throw new RangeError("df must be positive");
  let low = 0;
  let high = 1000;
  for (let step = 0; step < 200 && high - low > 1e-12; step++) {
    const mid = (low + high) / 2;
    if (fUpperTail(mid * mid, 1, df) > 0.05) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

/** 1.959963…: the normal 97.5 % quantile, found the same way for n = 1. */
const Z_975 = (() => {
  let low = 0;
  let high = 10;
  for (let step = 0; step < 200; step++) {
    const mid = (low + high) / 2;
    if (normalUpperTail(mid) > 0.025) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
})();

export function forecastCompletion(input: CompletionForecastInput): CompletionForecast {
  const { completed, target, dailyCounts } = input;
  const n = dailyCounts.length;
  if (n === 0) throw new RangeError("dailyCounts needs at least one day");
  const daysLeft = Math.max(0, input.daysLeft);
  const total = dailyCounts.reduce((sum, count) => sum + count, 0);
  const perDay = total / n;
  const sampleVariance = n > 1 ? dailyCounts.reduce((sum, count) => sum + (count - perDay) ** 2, 0) / (n - 1) : perDay;
  const variance = Math.max(sampleVariance, perDay);
  const quantile = n > 1 ? studentTQuantile975(n - 1) : Z_975;
  const added = perDay * daysLeft;
  const spread = quantile * Math.sqrt(variance * daysLeft + (variance * daysLeft * daysLeft) / n);

  const ceiling = Math.max(completed, Math.min(target, input.ceiling ?? Number.POSITIVE_INFINITY));
  const cap = (value: number) => Math.min(ceiling, Math.max(completed, value));
  const forecast = cap(completed + added);
  const low = cap(completed + added - spread);
  const high = cap(completed + added + spread);
  const capacityShort = completed < target && ceiling < target;

  let likelihood: CompletionLikelihood;
  if (completed >= target) likelihood = "reached";
  else if (capacityShort || forecast < target) likelihood = "unlikely";
  else if (low >= target) likelihood = "likely";
  else likelihood = "uncertain";
  return { perDay, forecast, low, high, likelihood, capacityShort };
}
