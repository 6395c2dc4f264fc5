/**
 * Microdata estimators for dimension and overall scores: θ = Σ_k c_k ȳ_k with linearised values
 * zᵢ = Σ_k c_k wᵢδᵢₖ(sᵢₖ − ȳ_k)/D_k, D_k = Σ wδ_k (STATISTICS.md §2).
 */
import { compositeCoefficients, type DimensionSpec } from "./composite";
import { type Estimate, estimateFromVariance } from "./estimate";
import { ratioLinearisedValues } from "./item-estimation";
import { linearisedVariance } from "./linearisation";
import { assertAligned, type Sample } from "./sample-design";

export interface ScoreEstimate extends Estimate {
  variance: number;
  /** The coefficients c_k actually used (items without valid answers left out). */
  coefficients: ReadonlyMap<string, number>;
}

export type ItemScoreColumns = Readonly<Record<string, readonly (number | null)[]>>;

function column(scores: ItemScoreColumns, item: string): readonly (number | null)[] {
  const values = scores[item];
  if (!values) throw new RangeError(`no scores for item ${item}`);
  return values;
}

export function compositeScore(
  sample: Sample,
  scores: ItemScoreColumns,
  dimensions: readonly DimensionSpec[],
): ScoreEstimate {
  const weightedValid = (item: string) => {
    const values = column(scores, item);
    assertAligned(sample, values, `scores of ${item}`);
    return sample.units.reduce((sum, unit, i) => (values[i] == null ? sum : sum + unit.weight), 0);
  };
  const coefficients = compositeCoefficients(dimensions, (item) => weightedValid(item) > 0);
  let mean = 0;
  const z = new Array<number>(sample.units.length).fill(0);
  const contributes = new Array<boolean>(sample.units.length).fill(false);
  for (const [item, coefficient] of coefficients) {
    const values = column(scores, item);
    const denominator = weightedValid(item);
    const itemMean = sample.units.reduce((sum, unit, i) => sum + unit.weight * (values[i] ?? 0), 0) / denominator;
    mean += coefficient * itemMean;
    ratioLinearisedValues(sample, values, itemMean, denominator).forEach((value, i) => {
      z[i] = (z[i] as number) + coefficient * value;
      if (values[i] != null) contributes[i] = true;
    });
  }
  const variance = linearisedVariance(sample, z);
  const n = contributes.filter(Boolean).length;
  return { ...estimateFromVariance(mean, variance, n), variance, coefficients };
}

/** Dimension score: the mean of its items' means. */
export function dimensionScore(sample: Sample, scores: ItemScoreColumns, items: readonly string[]): ScoreEstimate {
  return compositeScore(sample, scores, [{ items }]);
}

/** Overall score: weighted mean of dimension scores (equal weights unless given). */
export function overallScore(
  sample: Sample,
  scores: ItemScoreColumns,
  dimensions: readonly DimensionSpec[],
): ScoreEstimate {
  return compositeScore(sample, scores, dimensions);
}
