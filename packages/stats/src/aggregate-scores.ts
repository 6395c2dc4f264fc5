/**
 * Dimension and overall scores from SQL aggregates, in two passes:
 *  1. `planScore` turns the item results into, per item k, the item mean ȳ_k and a multiplier
 *     a_k = c_k / D_k (c_k the item's coefficient in the score, D_k = Σ wδ_k);
 *  2. the SQL layer computes for every respondent  u = Σ_k a_k · δ_k · (s_k − ȳ_k)  (δ_k = 1 when item k
 *     has a valid answer, else the term is 0), and per stratum (per weighting cell when calibrated)
 *     returns Σu, Σu², and how many respondents have at least one valid item of the plan;
 *  3. `estimateScoreFromSums` gives the estimate: zᵢ = w·uᵢ, so Σz = w·Σu and Σz² = w²·Σu².
 */
import type { AggregateDesign } from "./aggregate-design";
import { varianceFromCellSums } from "./aggregate-variance";
import { compositeCoefficients, type DimensionSpec } from "./composite";
import { type Estimate, estimateFromVariance } from "./estimate";

export interface ItemMeanAndDenominator {
  readonly mean: number;
  /** D_k = Σ wδ_k, `weightedValid` of the item's score estimate. */
  readonly weightedValid: number;
}

export interface ScorePlanTerm {
  readonly item: string;
  /** ȳ_k, to subtract from each valid score. */
  readonly mean: number;
  /** c_k: the item's share in the score. */
  readonly coefficient: number;
  /** a_k = c_k / D_k: multiplies δ_k(s_k − ȳ_k) in u. */
  readonly multiplier: number;
}

export interface ScorePlan {
  /** The score θ = Σ c_k ȳ_k. */
  readonly mean: number;
  readonly terms: readonly ScorePlanTerm[];
}

/**
 * Plans a score over `dimensions` (one dimension for a dimension score). Items missing from `items` or
 * without valid answers are left out as in composite.ts.
 */
export function planScore(
  items: Readonly<Record<string, ItemMeanAndDenominator | undefined>>,
  dimensions: readonly DimensionSpec[],
): ScorePlan {
  const coefficients = compositeCoefficients(dimensions, (item) => (items[item]?.weightedValid ?? 0) > 0);
  const terms = [...coefficients].map(([item, coefficient]) => {
    const { mean, weightedValid } = items[item] as ItemMeanAndDenominator;
    return { item, mean, coefficient, multiplier: coefficient / weightedValid };
  });
  return { mean: terms.reduce((total, term) => total + term.coefficient * term.mean, 0), terms };
}

export interface ScoreCellSums {
  readonly stratum: string;
  readonly cell?: string;
  readonly weight: number;
  /** Respondents with at least one valid answer among the plan's items. */
  readonly contributing: number;
  /** Σu over the cell's respondents in the domain. */
  readonly sum: number;
  /** Σu² over the same respondents. */
  readonly sumOfSquares: number;
}

export interface ScoreResult extends Estimate {
  variance: number;
}

export function estimateScoreFromSums(
  design: AggregateDesign,
  plan: ScorePlan,
  rows: readonly ScoreCellSums[],
): ScoreResult {
  const variance = varianceFromCellSums(
    design,
    rows.map((row) => ({
      stratum: row.stratum,
      cell: row.cell,
      sum: row.weight * row.sum,
      sumOfSquares: row.weight * row.weight * row.sumOfSquares,
    })),
  );
  const n = rows.reduce((total, row) => total + row.contributing, 0);
  return { ...estimateFromVariance(plan.mean, variance, n), variance };
}

/** u for one respondent, the formula the SQL layer implements (exported for tests and small callers). */
export function respondentLinearisedSum(
  plan: ScorePlan,
  scores: Readonly<Record<string, number | null | undefined>>,
): number {
  let u = 0;
  for (const term of plan.terms) {
    const score = scores[term.item];
    if (score !== null && score !== undefined) u += term.multiplier * (score - term.mean);
  }
  return u;
}
