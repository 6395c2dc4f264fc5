/**
 * Town against district (STATISTICS.md §2): with population shares W,
 *   d_h = (1 − W_h)·ȳ_h − Σ_{g≠h} W_g·ȳ_g = ȳ_h − Σ_g W_g·ȳ_g,
 *   Var(d_h) = (1 − W_h)²·V_h + Σ_{g≠h} W_g²·V_g,
 * towns being independent strata. A town is flagged when |d_h| > 1.96·SE(d_h).
 */

import { normalTwoSidedP } from "./distributions";
import { type Estimate, estimateFromVariance, Z_95 } from "./estimate";

export interface TownFigure {
  readonly stratum: string;
  /** The town's own estimate. */
  readonly estimate: Estimate;
  /** N_h, for the population share W_h. */
  readonly population: number;
}

export type Significance = "above" | "below" | "not_significant";

export interface TownDifference extends Estimate {
  readonly stratum: string;
  readonly populationShare: number;
  /** d_h / SE, null when SE is 0. */
  readonly z: number | null;
  /** Two-sided normal p-value, null when SE is 0. */
  readonly pValue: number | null;
  readonly significance: Significance;
}

export interface DistrictComparison {
  /** Σ W_g·ȳ_g with variance Σ W_g²·V_g; n adds up the towns' n. */
  readonly district: Estimate;
  /** `mean` is d_h; the CI is d_h ± 1.96·SE. */
  readonly towns: readonly TownDifference[];
}

export function compareTownsWithDistrict(towns: readonly TownFigure[]): DistrictComparison {
  if (towns.length === 0) throw new RangeError("no towns to compare");
  if (new Set(towns.map((town) => town.stratum)).size !== towns.length) throw new RangeError("a town is listed twice");
  const totalPopulation = towns.reduce((total, town) => {
    if (!(town.population > 0) || !Number.isFinite(town.population)) {
      throw new RangeError(`town ${town.stratum}: population must be positive`);
    }
    return total + town.population;
  }, 0);
  const shares = towns.map((town) => town.population / totalPopulation);
  const variances = towns.map((town) => town.estimate.se ** 2);
  const districtMean = towns.reduce((total, town, i) => total + (shares[i] as number) * town.estimate.mean, 0);
  const weightedVariance = variances.reduce((total, v, i) => total + (shares[i] as number) ** 2 * v, 0);
  const n = towns.reduce((total, town) => total + town.estimate.n, 0);
  return {
    district: estimateFromVariance(districtMean, weightedVariance, n),
    towns: towns.map((town, h) => {
      const share = shares[h] as number;
      const own = variances[h] as number;
      const difference = town.estimate.mean - districtMean;
      // (1 − W_h)²V_h + Σ_{g≠h} W_g²V_g = Σ_g W_g²V_g − W_h²V_h + (1 − W_h)²V_h
      const variance = weightedVariance - share * share * own + (1 - share) ** 2 * own;
      const result = estimateFromVariance(difference, variance, town.estimate.n);
      const z = result.se > 0 ? difference / result.se : null;
      const significant = z === null ? difference !== 0 : Math.abs(z) > Z_95;
      return {
        ...result,
        stratum: town.stratum,
        populationShare: share,
        z,
        pValue: z === null ? null : normalTwoSidedP(z),
        significance: significant ? (difference > 0 ? "above" : "below") : "not_significant",
      };
    }),
  };
}
