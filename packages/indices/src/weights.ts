import type { DomainCode } from "./domains";

/**
 * How indicators are weighted inside a domain and domains inside the composite (STATISTICS §4).
 * - equal (default): every indicator 1, every domain 1.
 * - expert: each indicator's catalogue `weight` (or an override), domains from `domainWeights` (default 1).
 * - entropy (熵权法, sensitivity check): data-driven indicator weights for the year; a domain's weight is the
 *   sum of its indicators' weights, so with complete data the composite is the entropy-weighted mean of all
 *   indicators. Weights change every year, so entropy results are never used for progress.
 */
export type Weighting =
  | { kind: "equal" }
  | {
      kind: "expert";
      indicatorWeights?: Readonly<Record<string, number>>;
      domainWeights?: Readonly<Partial<Record<DomainCode, number>>>;
    }
  | { kind: "entropy" };

export interface EntropyWeights {
  /** w_j, summing to 1 over the indicators given. */
  weights: number[];
  /** e_j ∈ [0, 1]; 1 means the indicator does not separate the towns at all. */
  entropies: number[];
  /** True when no indicator varies (Σ(1−e) = 0): the weights fall back to equal. */
  fellBackToEqual: boolean;
}

/**
 * Entropy weights from min–max shares r_ij ∈ [0, 1] (one array per indicator j, one entry per town i):
 * p_ij = r_ij / Σ_i r_ij, e_j = −Σ_i p_ij ln p_ij / ln m (0·ln 0 = 0), w_j = (1 − e_j) / Σ_j (1 − e_j).
 * m is the number of towns with a value for that indicator, so a missing value does not count as 0.
 * An indicator with fewer than two values, or all shares 0, carries no information: e_j = 1.
 */
export function entropyWeights(shares: readonly (readonly number[])[]): EntropyWeights {
  const entropies = shares.map((column) => {
    if (column.some((r) => !(r >= 0 && r <= 1))) throw new RangeError("entropy weights: shares must lie in [0, 1]");
    const m = column.length;
    const total = column.reduce((s, r) => s + r, 0);
    if (m < 2 || total === 0) return 1;
    let h = 0;
    for (const r of column) {
      if (r > 0) {
        const p = r / total;
        h -= p * Math.log(p);
      }
    }
    return h / Math.log(m);
  });
  const divergence = entropies.map((e) => Math.max(0, 1 - e));
  const sum = divergence.reduce((s, d) => s + d, 0);
  if (sum <= 0 || !Number.isFinite(sum)) {
    return { weights: shares.map(() => 1 / shares.length), entropies, fellBackToEqual: true };
  }
  return { weights: divergence.map((d) => d / sum), entropies, fellBackToEqual: false };
}

/**
 * Weighted mean of the available (non-null) scores, weights renormalised over them; null when none.
 * If every available weight is 0 (e.g. entropy weights of indicators that do not vary) the plain mean is
 * returned, so the figure is still shown; such an item then carries no weight one level up.
 */
export function weightedMean(items: readonly { score: number | null; weight: number }[]): number | null {
  let sum = 0;
  let weightSum = 0;
  let plainSum = 0;
  let count = 0;
  for (const { score, weight } of items) {
    if (score === null) continue;
    if (!(weight >= 0)) throw new RangeError("weights must be non-negative");
    sum += score * weight;
    weightSum += weight;
    plainSum += score;
    count += 1;
  }
  if (count === 0) return null;
  return weightSum > 0 ? sum / weightSum : plainSum / count;
}
