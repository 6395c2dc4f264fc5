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

/** The vector form: Σz and Σzzᵀ for p estimators at once (cross-tab cell proportions). */
export interface LinearisedCellCrossSums {
  readonly stratum: string;
  readonly cell?: string;
  readonly sums: readonly number[];
  readonly crossProducts: readonly (readonly number[])[];
}

const cellKey = (stratum: string, cell: string | undefined) => `${stratum}\u0000${cell ?? ""}`;

interface CellMoments {
  stratum: string;
  respondents: number;
  weight: number;
  margins: readonly string[];
  sums: number[];
  crossProducts: number[][];
}

const squareZeros = (p: number) => Array.from({ length: p }, () => new Array<number>(p).fill(0));

/** The design's strata by name, each checked (listed once, population ≥ sample ≥ 0). */
export function stratumIndex(design: AggregateDesign): Map<string, StratumDesign> {
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
function collectMoments(design: AggregateDesign, p: number, rows: readonly LinearisedCellCrossSums[]): CellMoments[] {
  const calibration = design.calibration ?? { kind: "none" };
  const moments = new Map<string, CellMoments>();
  const empty = () => ({ sums: new Array<number>(p).fill(0), crossProducts: squareZeros(p) });
  if (calibration.kind === "none") {
    for (const stratum of design.strata) {
      moments.set(cellKey(stratum.stratum, undefined), {
        stratum: stratum.stratum,
        respondents: stratum.sampleSize,
        weight: 1,
        margins: [],
        ...empty(),
      });
    }
  } else {
    for (const cell of calibration.cells) {
      const key = cellKey(cell.stratum, cell.cell);
      if (moments.has(key)) throw new RangeError(`cell ${cell.cell} of stratum ${cell.stratum} is listed twice`);
      if (calibration.kind === "raked" && !cell.margins) {
        throw new RangeError(`raked cell ${cell.cell} of stratum ${cell.stratum} has no margins`);
      }
      moments.set(key, { ...cell, margins: cell.margins ?? [], ...empty() });
    }
  }
  for (const row of rows) {
    const key = cellKey(row.stratum, calibration.kind === "none" ? undefined : row.cell);
    const target = moments.get(key);
    if (!target)
      throw new RangeError(`sums for stratum ${row.stratum}, cell ${row.cell ?? "(none)"} are not in the design`);
    if (row.sums.length !== p || row.crossProducts.length !== p) throw new RangeError("sums have the wrong dimension");
    for (let a = 0; a < p; a++) {
      target.sums[a] = (target.sums[a] as number) + (row.sums[a] as number);
      const source = row.crossProducts[a] as readonly number[];
      const out = target.crossProducts[a] as number[];
      for (let b = 0; b < p; b++) out[b] = (out[b] as number) + (source[b] as number);
    }
  }
  return [...moments.values()];
}

/** Σ(z − k)(z − k)ᵀ over n values from Σz, Σzzᵀ: subtracts k·Σzᵀ + Σz·kᵀ − n·kkᵀ in place. */
function shiftMoments(cell: CellMoments, shift: readonly number[], count: number): void {
  const p = shift.length;
  for (let a = 0; a < p; a++) {
    const row = cell.crossProducts[a] as number[];
    const ka = shift[a] as number;
    const sa = cell.sums[a] as number;
    for (let b = 0; b < p; b++) {
      const kb = shift[b] as number;
      row[b] = (row[b] as number) - ka * (cell.sums[b] as number) - sa * kb + count * ka * kb;
    }
  }
  for (let a = 0; a < p; a++) cell.sums[a] = (cell.sums[a] as number) - count * (shift[a] as number);
}

/** R's raking residuals (svyrecvar), done on cell moments: within a cell every z moves by the same amount. */
function rakeResiduals(cells: readonly CellMoments[], p: number): void {
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
        const average = new Array<number>(p).fill(0);
        for (const cell of group) {
          for (let a = 0; a < p; a++)
            average[a] = (average[a] as number) + (cell.sums[a] as number) / cell.weight / count;
        }
        for (const cell of group)
          shiftMoments(
            cell,
            average.map((value) => value * cell.weight),
            cell.respondents,
          );
      }
    }
  }
}

/**
 * Covariance matrix of p estimators: Σ_h (1 − n_h/N_h) n_h/(n_h−1) Σ_i (e_hi − ē_h)(e_hi − ē_h)ᵀ, with e the
 * calibration residuals of the linearised values, from per-cell Σz and Σzzᵀ.
 */
export function covarianceFromCellSums(
  design: AggregateDesign,
  p: number,
  rows: readonly LinearisedCellCrossSums[],
): number[][] {
  const strata = stratumIndex(design);
  const calibration = design.calibration ?? { kind: "none" };
  const cells = collectMoments(design, p, rows);
  if (calibration.kind === "raked") rakeResiduals(cells, p);
  if (calibration.kind === "poststratified") {
    // Residuals within a post-stratum are z − mean(z); they sum to zero within the stratum.
    for (const cell of cells) {
      if (cell.respondents > 0)
        shiftMoments(
          cell,
          cell.sums.map((sum) => sum / cell.respondents),
          cell.respondents,
        );
    }
  }
  const perStratum = new Map<string, CellMoments>();
  for (const cell of cells) {
    const entry = perStratum.get(cell.stratum);
    if (!entry) {
      perStratum.set(cell.stratum, {
        ...cell,
        sums: [...cell.sums],
        crossProducts: cell.crossProducts.map((r) => [...r]),
      });
      continue;
    }
    for (let a = 0; a < p; a++) {
      entry.sums[a] = (entry.sums[a] as number) + (cell.sums[a] as number);
      for (let b = 0; b < p; b++) {
        const row = entry.crossProducts[a] as number[];
        row[b] = (row[b] as number) + ((cell.crossProducts[a] as number[])[b] as number);
      }
    }
  }
  const covariance = squareZeros(p);
  for (const [name, entry] of perStratum) {
    const stratum = strata.get(name);
    if (!stratum) throw new RangeError(`cell stratum ${name} is not in the design`);
    const n = stratum.sampleSize;
    const f = 1 - n / stratum.population;
    if (f === 0) continue;
    if (entry.sums.every((v) => v === 0) && entry.crossProducts.every((row) => row.every((v) => v === 0))) continue;
    if (n < 2) throw new RangeError(`stratum ${name} has a single respondent: its variance cannot be estimated`);
    const scale = (f * n) / (n - 1);
    for (let a = 0; a < p; a++) {
      const out = covariance[a] as number[];
      for (let b = 0; b < p; b++) {
        const centred =
          ((entry.crossProducts[a] as number[])[b] as number) -
          ((entry.sums[a] as number) * (entry.sums[b] as number)) / n;
        out[b] = (out[b] as number) + scale * centred;
      }
    }
  }
  return covariance;
}
