/**
 * Item estimates from per-cell sufficient statistics, as the SQL layer aggregates them. Identical (up to
 * rounding) to the microdata estimators in item-estimation.ts.
 *
 * One row per stratum (per weighting cell when calibrated) and item, over the respondents of the domain:
 *   respondents  respondents in the domain (for the missing share)
 *   valid        valid answers (codes 1–k)
 *   sum          Σ s over valid answers
 *   sumOfSquares Σ s² over valid answers
 *   satisfied    valid answers with code ≥ satisfiedFrom (4 or 5)
 *   weight       the cell's (constant) final weight, N_h/n_h when uncalibrated
 */
import type { AggregateDesign, LinearisedCellSums } from "./aggregate-design";
import { varianceFromCellSums } from "./aggregate-variance";
import { designEffect } from "./design-effect";
import { estimateFromVariance } from "./estimate";
import type { RatioEstimate } from "./item-estimation";
import { type MissingShare, missingShare } from "./scoring";

export interface ItemCellSums {
  readonly stratum: string;
  readonly cell?: string;
  readonly weight: number;
  readonly respondents: number;
  readonly valid: number;
  readonly sum: number;
  readonly sumOfSquares: number;
  readonly satisfied: number;
}

export interface ItemResult {
  /** Mean item score ȳ_k. */
  score: RatioEstimate;
  /** 满意率 as a proportion (0–1). */
  satisfactionRate: RatioEstimate;
  missing: MissingShare;
}

/** Per-cell moments of a variable y over the valid answers of the domain. */
export interface MomentRow {
  readonly stratum: string;
  readonly cell?: string;
  readonly weight: number;
  readonly count: number;
  readonly sum: number;
  readonly sumOfSquares: number;
}

/** Ratio mean Σwy/Σw over valid answers with its linearised variance, from per-cell moments of y. */
export function ratioFromMoments(design: AggregateDesign, rows: readonly MomentRow[]): RatioEstimate {
  let weightedValid = 0;
  let weightedSum = 0;
  let validCount = 0;
  for (const row of rows) {
    if (!(row.weight > 0) || !Number.isFinite(row.weight)) {
      throw new RangeError(`weight must be positive and finite, got ${row.weight} in stratum ${row.stratum}`);
    }
    weightedValid += row.weight * row.count;
    weightedSum += row.weight * row.sum;
    validCount += row.count;
  }
  if (validCount === 0) throw new RangeError("no valid answers: the mean is undefined");
  const mean = weightedSum / weightedValid;
  // zᵢ = wδ(y − ȳ)/D: per cell Σz = w(Σy − ȳ·count)/D and Σz² = w²·Σ(y − ȳ)²/D², with Σ_{i∈cell} (y − ȳ)²
  // over valid answers clamped at zero against rounding. (Plain loops: this runs ~700 times a results page.)
  const linearised: LinearisedCellSums[] = [];
  let squaredDeviations = 0;
  for (const row of rows) {
    const deviations = Math.max(0, row.sumOfSquares - 2 * mean * row.sum + mean * mean * row.count);
    linearised.push({
      stratum: row.stratum,
      cell: row.cell,
      sum: (row.weight * (row.sum - mean * row.count)) / weightedValid,
      sumOfSquares: (row.weight * row.weight * deviations) / (weightedValid * weightedValid),
    });
    squaredDeviations += row.weight * deviations;
  }
  const variance = varianceFromCellSums(design, linearised);
  return {
    ...estimateFromVariance(mean, variance, validCount),
    ...designEffect(variance, squaredDeviations, weightedValid, validCount),
    variance,
    weightedValid,
  };
}

/** Item mean score, satisfaction rate and missing share from the SQL aggregates of one item. */
export function estimateItemFromSums(design: AggregateDesign, rows: readonly ItemCellSums[]): ItemResult {
  const respondents = rows.reduce((total, row) => total + row.respondents, 0);
  const valid = rows.reduce((total, row) => total + row.valid, 0);
  return {
    score: ratioFromMoments(
      design,
      rows.map((row) => ({ ...row, count: row.valid })),
    ),
    // A 0/1 variable: Σy = Σy² = the satisfied count.
    satisfactionRate: ratioFromMoments(
      design,
      rows.map((row) => ({ ...row, count: row.valid, sum: row.satisfied, sumOfSquares: row.satisfied })),
    ),
    missing: missingShare(respondents - valid, respondents),
  };
}

/** Each stratum's own item figures, from the same rows (a town's figures are its own). */
export function estimateItemByStratum(design: AggregateDesign, rows: readonly ItemCellSums[]): Map<string, ItemResult> {
  const results = new Map<string, ItemResult>();
  for (const { stratum } of design.strata) {
    const own = rows.filter((row) => row.stratum === stratum);
    if (own.some((row) => row.valid > 0)) results.set(stratum, estimateItemFromSums(design, own));
  }
  return results;
}
