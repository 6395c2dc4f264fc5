/**
 * Microdata estimators for one item (STATISTICS.md §1–2): the ratio mean ȳ = Σ wδs / Σ wδ with
 * linearised values zᵢ = wᵢδᵢ(sᵢ − ȳ)/Σwδ, and the satisfaction rate as the same ratio of a 0/1 variable.
 */
import { type DesignEffect, designEffect } from "./design-effect";
import { type Estimate, estimateFromVariance } from "./estimate";
import { linearisedVariance } from "./linearisation";
import { assertAligned, type Sample } from "./sample-design";

export interface RatioEstimate extends Estimate, DesignEffect {
  variance: number;
  /** Σ wδ: the estimated population answering the item; the denominator of the ratio. */
  weightedValid: number;
}

/** Linearised values of a ratio mean whose value is `mean` and denominator `weightedValid`. */
export function ratioLinearisedValues(
  sample: Sample,
  values: readonly (number | null)[],
  mean: number,
  weightedValid: number,
): number[] {
  assertAligned(sample, values, "values");
  return sample.units.map((unit, i) => {
    const value = values[i];
    return value === null || value === undefined ? 0 : (unit.weight * (value - mean)) / weightedValid;
  });
}

/** Weighted mean of the non-missing values with its design-based variance; null means missing. */
export function ratioMean(sample: Sample, values: readonly (number | null)[]): RatioEstimate {
  assertAligned(sample, values, "values");
  // Sums are taken around the first valid value so that a constant variable has exactly its value as mean.
  const origin = values.find((value) => value !== null && value !== undefined);
  if (origin === undefined || origin === null) throw new RangeError("no valid values: the mean is undefined");
  let weightedValid = 0;
  let weightedShiftedSum = 0;
  let validCount = 0;
  sample.units.forEach((unit, i) => {
    const value = values[i];
    if (value === null || value === undefined) return;
    if (!Number.isFinite(value)) throw new RangeError(`value ${value} at unit ${i} is not finite`);
    weightedValid += unit.weight;
    weightedShiftedSum += unit.weight * (value - origin);
    validCount++;
  });
  const mean = origin + weightedShiftedSum / weightedValid;
  const variance = linearisedVariance(sample, ratioLinearisedValues(sample, values, mean, weightedValid));
  let squaredDeviations = 0;
  sample.units.forEach((unit, i) => {
    const value = values[i];
    if (value !== null && value !== undefined) squaredDeviations += unit.weight * (value - mean) ** 2;
  });
  return {
    ...estimateFromVariance(mean, variance, validCount),
    ...designEffect(variance, squaredDeviations, weightedValid, validCount),
    variance,
    weightedValid,
  };
}

/** Item mean score ȳ_k (0–100 on the default scale). */
export function itemMean(sample: Sample, scores: readonly (number | null)[]): RatioEstimate {
  return ratioMean(sample, scores);
}

/** 满意率 as a proportion (0–1): weighted share of valid answers that are satisfied. */
export function satisfactionRate(sample: Sample, satisfied: readonly (boolean | null)[]): RatioEstimate {
  return ratioMean(
    sample,
    satisfied.map((flag) => (flag === null || flag === undefined ? null : flag ? 1 : 0)),
  );
}
