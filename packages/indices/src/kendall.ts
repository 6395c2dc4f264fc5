import { normalUpper } from "./distributions";
import { hasTies } from "./ranks";

/**
 * Which computation produced the p-value, mirroring R's cor.test(method = "kendall"):
 * - exact: no ties and n < 50 (R's default `exact = NULL`) — the exact null distribution of concordant pairs;
 * - normal-approximation: ties, exact = FALSE, or n ≥ 50 — z = S/√Var(S) with R's tie-corrected variance, the same
 *   as scipy.stats.kendalltau(method = "asymptotic").
 */
export type KendallPValueMethod = "exact" | "normal-approximation";

export interface KendallResult {
  /** τ_b (tie-adjusted), as R's cor(method = "kendall") and scipy's kendalltau. */
  tau: number;
  /** Two-sided; null when τ is undefined (one variable constant). */
  pValue: number | null;
  /** Concordant pairs T for the exact path, z for the normal approximation. */
  statistic: number;
  n: number;
  ties: boolean;
  pValueMethod: KendallPValueMethod;
}

/** Kendall's τ_b with R's two-sided p-value (`exact` as in cor.test: default exact when n < 50 and no ties). */
export function kendall(x: readonly number[], y: readonly number[], options: { exact?: boolean } = {}): KendallResult {
  if (x.length !== y.length) throw new RangeError("kendall: x and y differ in length");
  const n = x.length;
  if (n < 2) throw new RangeError("kendall: need at least 2 pairs");
  const ties = hasTies(x) || hasTies(y);
  let concordantMinusDiscordant = 0;
  for (let i = 0; i < n; i += 1) {
    for (let j = i + 1; j < n; j += 1) {
      concordantMinusDiscordant +=
        Math.sign((x[i] as number) - (x[j] as number)) * Math.sign((y[i] as number) - (y[j] as number));
    }
  }
  const xGroups = tieGroupSizes(x);
  const yGroups = tieGroupSizes(y);
  const pairs = (n * (n - 1)) / 2;
  const xTiedPairs = xGroups.reduce((s, t) => s + (t * (t - 1)) / 2, 0);
  const yTiedPairs = yGroups.reduce((s, t) => s + (t * (t - 1)) / 2, 0);
  const tau = concordantMinusDiscordant / Math.sqrt((pairs - xTiedPairs) * (pairs - yTiedPairs));
  const exact = (options.exact ?? n < 50) && !ties;
  const pValueMethod: KendallPValueMethod = exact ? "exact" : "normal-approximation";
  if (!Number.isFinite(tau)) return { tau: Number.NaN, pValue: null, statistic: Number.NaN, n, ties, pValueMethod };

  if (exact) {
    const q = Math.round(((tau + 1) * n * (n - 1)) / 4);
    // R: 1 − pkendall(q − 1) above the centre; by symmetry P(T ≥ q) = P(T ≤ max − q), without cancellation.
    const p = q > (n * (n - 1)) / 4 ? concordantPairsCdf(pairs - q, n) : concordantPairsCdf(q, n);
    return { tau, pValue: Math.min(2 * p, 1), statistic: q, n, ties, pValueMethod };
  }
  const sum = (groups: number[], f: (t: number) => number) => groups.reduce((s, t) => s + f(t), 0);
  const v0 = n * (n - 1) * (2 * n + 5);
  const vt = sum(xGroups, (t) => t * (t - 1) * (2 * t + 5));
  const vu = sum(yGroups, (t) => t * (t - 1) * (2 * t + 5));
  const v1 = sum(xGroups, (t) => t * (t - 1)) * sum(yGroups, (t) => t * (t - 1));
  const v2 = sum(xGroups, (t) => t * (t - 1) * (t - 2)) * sum(yGroups, (t) => t * (t - 1) * (t - 2));
  const variance = (v0 - vt - vu) / 18 + v1 / (2 * n * (n - 1)) + (n > 2 ? v2 / (9 * n * (n - 1) * (n - 2)) : 0);
  const z = concordantMinusDiscordant / Math.sqrt(variance);
  return { tau, pValue: Math.min(2 * normalUpper(Math.abs(z)), 1), statistic: z, n, ties, pValueMethod };
}

/** Sizes of groups of tied values (only groups of 2 or more). */
function tieGroupSizes(values: readonly number[]): number[] {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.values()].filter((c) => c > 1);
}

const cdfCache = new Map<number, number[]>();

/**
 * P(T ≤ q) for T = number of concordant pairs among n untied pairs under independence; T has the distribution of
 * the number of inversions of a random permutation (Mahonian numbers), built one element at a time as probabilities.
 */
export function concordantPairsCdf(q: number, n: number): number {
  const max = (n * (n - 1)) / 2;
  if (q < 0) return 0;
  if (q >= max) return 1;
  let cdf = cdfCache.get(n);
  if (!cdf) {
    let probabilities = [1];
    for (let m = 2; m <= n; m += 1) {
      // Inserting the m-th element adds 0..m−1 inversions, each with probability 1/m.
      const next = new Array<number>(probabilities.length + m - 1).fill(0);
      probabilities.forEach((p, k) => {
        for (let j = 0; j < m; j += 1) next[k + j] = (next[k + j] as number) + p / m;
      });
      probabilities = next;
    }
    cdf = [];
    let running = 0;
    for (const p of probabilities) {
      running += p;
      cdf.push(running);
    }
    cdfCache.set(n, cdf);
  }
  return Math.min(cdf[Math.floor(q)] as number, 1);
}
