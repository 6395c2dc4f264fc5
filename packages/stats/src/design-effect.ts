/**
 * Design effect as R's `svymean(..., deff = TRUE)` defines it: the design variance over the variance of
 * a simple random sample *without* replacement of the same size from the estimated population,
 *   V_srs = S² · (N̂ − n)/(N̂ · n),  S² = n/(n−1) · Σ wδ(y − ȳ)² / Σ wδ,  N̂ = Σ wδ,
 * where n counts the valid answers. The effective sample size is n / deff.
 */

export interface DesignEffect {
  designEffect: number | null;
  effectiveSampleSize: number | null;
}

/**
 * @param variance design-based variance of the mean
 * @param weightedSquaredDeviations Σ wδ(y − ȳ)²
 * @param weightedValid N̂ = Σ wδ
 * @param validCount n
 */
export function designEffect(
  variance: number,
  weightedSquaredDeviations: number,
  weightedValid: number,
  validCount: number,
): DesignEffect {
  const none = { designEffect: null, effectiveSampleSize: null };
  if (validCount < 2 || !(weightedValid > validCount)) return none;
  const s2 = ((validCount / (validCount - 1)) * weightedSquaredDeviations) / weightedValid;
  const srsVariance = (s2 * (weightedValid - validCount)) / (weightedValid * validCount);
  if (!(srsVariance > 0)) return none;
  const deff = variance / srsVariance;
  return { designEffect: deff, effectiveSampleSize: deff > 0 ? validCount / deff : null };
}
