/**
 * Rao–Scott second-order corrected F test of independence in a two-way table, exactly as R's
 * `svychisq(~a+b, design, statistic = "F")`:
 *   Δ = (Cᵀ D⁻¹ C)⁻¹ (Cᵀ D⁻¹ V D⁻¹ C), D = diag(p̂), C = interaction contrasts orthogonal to the main effects,
 *   F = X²/tr(Δ) with X² the Pearson statistic of the estimated proportions (both scale with N, which cancels),
 *   d₀ = tr(Δ)²/tr(Δ²), p = P(F(d₀, d₀·ν) > F), ν = PSUs − strata (respondents − towns here).
 */
import { fUpperTail } from "./distributions";
import { type Matrix, multiply, solve, trace, transpose } from "./linear-algebra";

export interface RaoScottTest {
  f: number;
  numeratorDf: number;
  denominatorDf: number;
  pValue: number;
  /** Mean generalised design effect tr(Δ)/((R−1)(C−1)). */
  meanDesignEffect: number;
}

/** Pearson X² of a table of proportions (or counts), E = row total · column total / total. */
export function pearsonStatistic(table: readonly (readonly number[])[]): number {
  const rowTotals = table.map((row) => row.reduce((a, b) => a + b, 0));
  const columnTotals = (table[0] ?? []).map((_, j) => table.reduce((sum, row) => sum + (row[j] as number), 0));
  const total = rowTotals.reduce((a, b) => a + b, 0);
  let statistic = 0;
  table.forEach((row, i) => {
    row.forEach((observed, j) => {
      const expected = ((rowTotals[i] as number) * (columnTotals[j] as number)) / total;
      if (expected > 0) statistic += (observed - expected) ** 2 / expected;
    });
  });
  return statistic;
}

/**
 * @param proportions R × C estimated cell proportions p̂ (summing to 1)
 * @param covariance covariance of p̂ in row-major cell order (index i·C + j)
 * @param designDf ν, the design degrees of freedom
 * @returns null when the table has a single row or column, or Cᵀ D⁻¹ C is singular.
 */
export function raoScottF(
  proportions: readonly (readonly number[])[],
  covariance: Matrix,
  designDf: number,
): RaoScottTest | null {
  const rows = proportions.length;
  const columns = proportions[0]?.length ?? 0;
  if (rows < 2 || columns < 2 || !(designDf > 0)) return null;
  const cells = rows * columns;
  const p = proportions.flatMap((row) => [...row]);
  // Interaction dummies of cells (i, j), i, j ≥ 1, minus their projection on the row and column effects:
  // on a complete grid that projection is e_i/C + e_j/R − 1/(RC).
  const contrasts: Matrix = Array.from({ length: cells }, () => []);
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < columns; j++) {
      for (let k = 0; k < cells; k++) {
        const [r, c] = [Math.floor(k / columns), k % columns];
        (contrasts[k] as number[]).push(
          (r === i && c === j ? 1 : 0) - (r === i ? 1 / columns : 0) - (c === j ? 1 / rows : 0) + 1 / cells,
        );
      }
    }
  }
  const inverseP = p.map((value) => (value === 0 ? 0 : 1 / value));
  const scaled = contrasts.map((row, k) => row.map((value) => value * (inverseP[k] as number))); // D⁻¹C
  const contrastsT = transpose(contrasts);
  const denominator = multiply(contrastsT, scaled);
  const numerator = multiply(transpose(scaled), multiply(covariance, scaled));
  let delta: Matrix;
  try {
    delta = solve(denominator, numerator);
  } catch {
    return null;
  }
  const traceDelta = trace(delta);
  const traceDeltaSquared = trace(multiply(delta, delta));
  if (!(traceDelta > 0) || !(traceDeltaSquared > 0)) return null;
  const d0 = (traceDelta * traceDelta) / traceDeltaSquared;
  const f = pearsonStatistic(proportions) / traceDelta;
  return {
    f,
    numeratorDf: d0,
    denominatorDf: d0 * designDf,
    pValue: fUpperTail(f, d0, d0 * designDf),
    meanDesignEffect: traceDelta / ((rows - 1) * (columns - 1)),
  };
}
