/**
 * The design as the SQL layer sees it: per stratum N_h and n_h, and — when the weights are calibrated —
 * per weighting cell (post-stratum or raking cell inside a town) its respondent count and final weight.
 * Weights are constant within a cell (within the stratum when uncalibrated), which is what lets the
 * linearised variance be computed from per-cell Σz and Σz² instead of microdata.
 */
import { RAKING_RESIDUAL_SWEEPS } from "./linearisation";

export interface StratumDesign {
  readonly stratum: string;
  /** N_h, the stratum's population. */
  readonly population: number;
  /** n_h, all sampled respondents of the stratum (not only those in a domain or with a valid answer). */
  readonly sampleSize: number;
}

export interface CalibrationCell {
  readonly stratum: string;
  readonly cell: string;
  /** All sampled respondents of the cell. */
  readonly respondents: number;
  /** Final (calibrated) weight of each respondent in the cell. */
  readonly weight: number;
  /** Raking only: the cell's category on each margin, in the order the margins were raked. */
  readonly margins?: readonly string[];
}

export type AggregateCalibration =
  | { readonly kind: "none" }
  | { readonly kind: "poststratified"; readonly cells: readonly CalibrationCell[] }
  | { readonly kind: "raked"; readonly cells: readonly CalibrationCell[] };

export interface AggregateDesign {
  readonly strata: readonly StratumDesign[];
  readonly calibration?: AggregateCalibration;
}

/** Σz and Σz² of linearised values z over the respondents of one cell (z = 0 for non-contributors). */
export interface LinearisedCellSums {
  readonly stratum: string;
  /** Weighting cell; may be omitted when the design is not calibrated. */
  readonly cell?: string;
  readonly sum: number;
  readonly sumOfSquares: number;
}

const cellKey = (stratum: string, cell: string | undefined) => `${stratum}\u0000${cell ?? ""}`;

interface CellMoments {
  stratum: string;
  respondents: number;
  weight: number;
  margins: readonly string[];
  sum: number;
  sumOfSquares: number;
}

function stratumIndex(design: AggregateDesign): Map<string, StratumDesign> {
  const strata = new Map<string, StratumDesign>();
  for (const stratum of design.strata) {
    if (strata.has(stratum.stratum)) throw new RangeError(`stratum ${stratum.stratum} is listed twice`);
    if (!(stratum.population >= stratum.sampleSize) || !(stratum.sampleSize >= 0)) {
      throw new RangeError(
        `stratum ${stratum.stratum}: population ${stratum.population} < sample ${stratum.sampleSize}`,
      );
    }
    strata.set(stratum.stratum, stratum);
  }
  return strata;
}

/** Adds up the sums per stratum (uncalibrated) or per calibration cell. */
function collectMoments(design: AggregateDesign, sums: readonly LinearisedCellSums[]): Map<string, CellMoments> {
  const calibration = design.calibration ?? { kind: "none" };
  const moments = new Map<string, CellMoments>();
  if (calibration.kind === "none") {
    for (const stratum of design.strata) {
      moments.set(cellKey(stratum.stratum, undefined), {
        stratum: stratum.stratum,
        respondents: stratum.sampleSize,
        weight: 1,
        margins: [],
        sum: 0,
        sumOfSquares: 0,
      });
    }
  } else {
    for (const cell of calibration.cells) {
      const key = cellKey(cell.stratum, cell.cell);
      if (moments.has(key)) throw new RangeError(`cell ${cell.cell} of stratum ${cell.stratum} is listed twice`);
      if (calibration.kind === "raked" && !cell.margins) {
        throw new RangeError(`raked cell ${cell.cell} of stratum ${cell.stratum} has no margins`);
      }
      moments.set(key, { ...cell, margins: cell.margins ?? [], sum: 0, sumOfSquares: 0 });
    }
  }
  for (const row of sums) {
    const key = cellKey(row.stratum, calibration.kind === "none" ? undefined : row.cell);
    const target = moments.get(key);
    if (!target)
      throw new RangeError(`sums for stratum ${row.stratum}, cell ${row.cell ?? "(none)"} are not in the design`);
    target.sum += row.sum;
    target.sumOfSquares += row.sumOfSquares;
  }
  return moments;
}

/** R's raking residuals (svyrecvar), done on cell moments: within a cell every z moves by the same amount. */
function rakeResiduals(cells: readonly CellMoments[]): void {
  const marginCount = Math.max(0, ...cells.map((cell) => cell.margins.length));
  for (let sweep = 0; sweep < RAKING_RESIDUAL_SWEEPS; sweep++) {
    for (let margin = 0; margin < marginCount; margin++) {
      const groups = new Map<string, CellMoments[]>();
      for (const cell of cells) {
        const category = cell.margins[margin];
        if (category === undefined)
          throw new RangeError(`a raked cell of stratum ${cell.stratum} lacks margin ${margin}`);
        const group = groups.get(category);
        if (group) group.push(cell);
        else groups.set(category, [cell]);
      }
      for (const group of groups.values()) {
        const count = group.reduce((total, cell) => total + cell.respondents, 0);
        const average = group.reduce((total, cell) => total + cell.sum / cell.weight, 0) / count;
        for (const cell of group) {
          const shift = average * cell.weight;
          cell.sumOfSquares += -2 * shift * cell.sum + cell.respondents * shift * shift;
          cell.sum -= cell.respondents * shift;
        }
      }
    }
  }
}

/** V = Σ_h (1 − n_h/N_h) n_h/(n_h−1) Σ_i (e_hi − ē_h)², e = calibration residuals of z, from cell sums. */
export function varianceFromCellSums(design: AggregateDesign, sums: readonly LinearisedCellSums[]): number {
  const strata = stratumIndex(design);
  const calibration = design.calibration ?? { kind: "none" };
  const cells = [...collectMoments(design, sums).values()];
  if (calibration.kind === "raked") rakeResiduals(cells);
  const perStratum = new Map<string, { sum: number; squares: number }>();
  for (const cell of cells) {
    const entry = perStratum.get(cell.stratum) ?? { sum: 0, squares: 0 };
    if (calibration.kind === "poststratified") {
      // Residuals within a post-stratum are z − mean(z); they sum to zero within the stratum.
      entry.squares += cell.respondents > 0 ? cell.sumOfSquares - (cell.sum * cell.sum) / cell.respondents : 0;
    } else {
      entry.sum += cell.sum;
      entry.squares += cell.sumOfSquares;
    }
    perStratum.set(cell.stratum, entry);
  }
  let variance = 0;
  for (const [name, entry] of perStratum) {
    const stratum = strata.get(name);
    if (!stratum) throw new RangeError(`cell stratum ${name} is not in the design`);
    const n = stratum.sampleSize;
    const f = 1 - n / stratum.population;
    if (f === 0 || (entry.sum === 0 && entry.squares === 0)) continue;
    if (n < 2) throw new RangeError(`stratum ${name} has a single respondent: its variance cannot be estimated`);
    variance += ((f * n) / (n - 1)) * (entry.squares - (entry.sum * entry.sum) / n);
  }
  return variance;
}
