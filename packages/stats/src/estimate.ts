/** A point estimate with its standard error, 95 % confidence interval and unweighted n. */
export interface Estimate {
  mean: number;
  se: number;
  ciLow: number;
  ciHigh: number;
  n: number;
}

/** STATISTICS.md §2: 95 % CI = estimate ± 1.96·SE (not the exact normal quantile 1.959964…). */
export const Z_95 = 1.96;

export function estimateFromVariance(mean: number, variance: number, n: number): Estimate {
  // Rounding can leave a variance of −1e-18 for a constant variable; that is zero.
  const se = Math.sqrt(Math.max(variance, 0));
  return { mean, se, ciLow: mean - Z_95 * se, ciHigh: mean + Z_95 * se, n };
}
