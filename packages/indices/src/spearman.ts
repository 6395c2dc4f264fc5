import { normalUpper, studentTUpper } from "./distributions";
import { hasTies, midRanks, pearson } from "./ranks";

/**
 * Which computation produced the p-value, mirroring R's cor.test(method = "spearman"):
 * - exact-permutation: no ties, n ≤ 9, exact = TRUE (R's default) — AS 89 enumerates all n! permutations;
 * - as89-edgeworth: no ties, 10 ≤ n ≤ 1290, exact = TRUE (R's default; this is the path for 17 towns
 *   without ties) — AS 89's Edgeworth series approximation;
 * - t-approximation: ties (R then drops exact with a warning), exact = FALSE, or n > 1290 — ρ·√((n−2)/(1−ρ²))
 *   on n − 2 degrees of freedom, the same as scipy.stats.spearmanr.
 */
export type SpearmanPValueMethod = "exact-permutation" | "as89-edgeworth" | "t-approximation";

export interface SpearmanResult {
  rho: number;
  /** Two-sided; null when n < 3 for the t path or when ρ is undefined (one variable constant). */
  pValue: number | null;
  /** R's statistic S = (n³ − n)(1 − ρ)/6. */
  statistic: number;
  n: number;
  ties: boolean;
  pValueMethod: SpearmanPValueMethod;
}

const EXACT_ENUMERATION_MAX_N = 9;
const AS89_MAX_N = 1290;

/** Spearman's ρ (Pearson correlation of mid-ranks) with R's two-sided p-value. */
export function spearman(
  x: readonly number[],
  y: readonly number[],
  options: { exact?: boolean } = {},
): SpearmanResult {
  if (x.length !== y.length) throw new RangeError("spearman: x and y differ in length");
  const n = x.length;
  if (n < 2) throw new RangeError("spearman: need at least 2 pairs");
  const ties = hasTies(x) || hasTies(y);
  const useExact = (options.exact ?? true) && !ties && n <= AS89_MAX_N;
  const pValueMethod: SpearmanPValueMethod = useExact
    ? n <= EXACT_ENUMERATION_MAX_N
      ? "exact-permutation"
      : "as89-edgeworth"
    : "t-approximation";
  const rho = pearson(midRanks(x), midRanks(y));
  const q = ((n ** 3 - n) * (1 - rho)) / 6;
  if (!Number.isFinite(rho)) return { rho: Number.NaN, pValue: null, statistic: Number.NaN, n, ties, pValueMethod };

  const oneSided = (lowerTail: boolean): number | null => {
    if (useExact) return prho(n, Math.round(q) + (lowerTail ? 2 : 0), lowerTail);
    if (n < 3) return null;
    const den = (n * (n * n - 1)) / 6;
    const r = Math.max(-1, Math.min(1, 1 - q / den));
    const t = r / Math.sqrt((1 - r * r) / (n - 2));
    // R: pt(t, n − 2, lower.tail = !lowerTail); the lower tail as the upper tail of −t keeps small p precise.
    return lowerTail ? studentTUpper(t, n - 2) : studentTUpper(-t, n - 2);
  };
  // R: the tail on the side of the observed S, doubled and capped at 1.
  const p = q > (n ** 3 - n) / 6 ? oneSided(false) : oneSided(true);
  return { rho, pValue: p === null ? null : Math.min(2 * p, 1), statistic: q, n, ties, pValueMethod };
}

/**
 * Algorithm AS 89 (Best & Roberts 1975) as R runs it: P(S ≥ is), or P(S < is) when lowerTail, where S is the sum of
 * squared rank differences under independence. Exact by enumeration for n ≤ 9, Edgeworth series above.
 */
export function prho(n: number, is: number, lowerTail: boolean): number {
  let pv = lowerTail ? 0 : 1;
  if (n <= 1 || is <= 0) return pv;
  const maxS = (n * (n * n - 1)) / 3;
  if (is > maxS) return 1 - pv;
  if (n <= EXACT_ENUMERATION_MAX_N) {
    const counts = permutationSumOfSquaresCounts(n);
    let atLeast = 0;
    let total = 0;
    for (const [s, count] of counts) {
      total += count;
      if (s >= is) atLeast += count;
    }
    return (lowerTail ? total - atLeast : atLeast) / total;
  }
  // Edgeworth coefficients from AS 89.
  const c = [0.2274, 0.2531, 0.1745, 0.0758, 0.1033, 0.3932, 0.0879, 0.0151, 0.0072, 0.0831, 0.0131, 4.6e-4] as const;
  const b = 1 / n;
  const x = ((6 * (is - 1) * b) / (n * n - 1) - 1) * Math.sqrt(n - 1);
  let y = x * x;
  const u =
    x *
    b *
    (c[0] +
      b * (c[1] + c[2] * b) +
      y *
        (-c[3] +
          b * (c[4] + c[5] * b) -
          y * b * (c[6] + c[7] * b - y * (c[8] - c[9] * b + y * b * (c[10] - c[11] * y)))));
  y = u / Math.exp(y / 2);
  pv = (lowerTail ? -y : y) + (lowerTail ? normalUpper(-x) : normalUpper(x));
  return Math.min(1, Math.max(0, pv));
}

const sumOfSquaresCache = new Map<number, Map<number, number>>();

/** Distribution of S = Σ(i − π(i))² over all permutations π of 1..n (counts). */
function permutationSumOfSquaresCounts(n: number): Map<number, number> {
  const cached = sumOfSquaresCache.get(n);
  if (cached) return cached;
  const counts = new Map<number, number>();
  const used = new Array<boolean>(n + 1).fill(false);
  const place = (position: number, sum: number): void => {
    if (position > n) {
      counts.set(sum, (counts.get(sum) ?? 0) + 1);
      return;
    }
    for (let v = 1; v <= n; v += 1) {
      if (used[v]) continue;
      used[v] = true;
      place(position + 1, sum + (position - v) ** 2);
      used[v] = false;
    }
  };
  place(1, 0);
  sumOfSquaresCache.set(n, counts);
  return counts;
}
