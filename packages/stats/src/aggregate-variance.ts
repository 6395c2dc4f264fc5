/**
 * The variance of one estimator from per-cell Σz and Σz² — covarianceFromCellSums for p = 1 without its
 * matrices: the results page asks for ~1,500 of them (every item, dimension, domain and overall score of the
 * district and of each town), so the per-call cost matters more than the sums' size. Same arithmetic, in the
 * same order, as the general function; raking goes to the general function.
 */
import {
  type AggregateDesign,
  covarianceFromCellSums,
  type LinearisedCellSums,
  type StratumDesign,
  stratumIndex,
} from "./aggregate-design";

interface PreparedDesign {
  strata: Map<string, StratumDesign>;
  /** Post-stratified designs: each cell's stratum and respondents, by `stratum\0cell`. */
  cells: Map<string, { stratum: string; respondents: number }> | null;
}

const prepared = new WeakMap<AggregateDesign, PreparedDesign>();
function cellKey(stratum: string, cell: string | undefined): string {
  return `${stratum}\u0000${cell ?? ""}`;
}

/** Checks the design once (as covarianceFromCellSums does on every call) and indexes it. */
function prepare(design: AggregateDesign): PreparedDesign {
  const known = prepared.get(design);
  if (known) return known;
  const strata = stratumIndex(design);
  let cells: PreparedDesign["cells"] = null;
  if (design.calibration?.kind === "poststratified") {
    cells = new Map();
    for (const cell of design.calibration.cells) {
      const key = cellKey(cell.stratum, cell.cell);
      if (cells.has(key)) throw new RangeError(`cell ${cell.cell} of stratum ${cell.stratum} is listed twice`);
      if (!strata.has(cell.stratum)) throw new RangeError(`cell stratum ${cell.stratum} is not in the design`);
      cells.set(key, { stratum: cell.stratum, respondents: cell.respondents });
    }
  }
  const result = { strata, cells };
  prepared.set(design, result);
  return result;
}

function addTo(sums: Map<string, { sum: number; sumOfSquares: number }>, key: string, sum: number, squares: number) {
  const entry = sums.get(key);
  if (entry) {
    entry.sum += sum;
    entry.sumOfSquares += squares;
  } else sums.set(key, { sum, sumOfSquares: squares });
}

/** V = Σ_h (1 − n_h/N_h) n_h/(n_h−1) Σ_i (e_hi − ē_h)², e = calibration residuals of z, from cell sums. */
export function varianceFromCellSums(design: AggregateDesign, sums: readonly LinearisedCellSums[]): number {
  if (design.calibration?.kind === "raked") {
    const rows = sums.map((row) => ({ ...row, sums: [row.sum], crossProducts: [[row.sumOfSquares]] }));
    return (covarianceFromCellSums(design, 1, rows)[0] as number[])[0] as number;
  }
  const { strata, cells } = prepare(design);
  // Σz and Σz² per stratum (uncalibrated) or per post-stratum, then the post-strata's residuals per stratum.
  const byStratum = new Map<string, { sum: number; sumOfSquares: number }>();
  if (!cells) {
    for (const row of sums) {
      if (!strata.has(row.stratum))
        throw new RangeError(`sums for stratum ${row.stratum}, cell ${row.cell ?? "(none)"} are not in the design`);
      addTo(byStratum, row.stratum, row.sum, row.sumOfSquares);
    }
  } else {
    const byCell = new Map<string, { sum: number; sumOfSquares: number }>();
    for (const row of sums) {
      const key = cellKey(row.stratum, row.cell);
      if (!cells.has(key))
        throw new RangeError(`sums for stratum ${row.stratum}, cell ${row.cell ?? "(none)"} are not in the design`);
      addTo(byCell, key, row.sum, row.sumOfSquares);
    }
    // In the design's cell order, as the general function adds them up.
    for (const [key, { stratum, respondents }] of cells) {
      const entry = byCell.get(key);
      if (!entry) continue;
      const { sum, sumOfSquares } = entry;
      if (respondents <= 0) {
        addTo(byStratum, stratum, sum, sumOfSquares);
        continue;
      }
      // Residuals within a post-stratum are z − mean(z) (shiftMoments in aggregate-design.ts).
      const shift = sum / respondents;
      const centred = sumOfSquares - shift * sum - sum * shift + respondents * shift * shift;
      addTo(byStratum, stratum, sum - respondents * shift, centred);
    }
  }
  let variance = 0;
  for (const [name, stratum] of strata) {
    const entry = byStratum.get(name);
    if (!entry) continue;
    const n = stratum.sampleSize;
    const f = 1 - n / stratum.population;
    if (f === 0) continue;
    if (entry.sum === 0 && entry.sumOfSquares === 0) continue;
    if (n < 2) throw new RangeError(`stratum ${name} has a single respondent: its variance cannot be estimated`);
    variance += ((f * n) / (n - 1)) * (entry.sumOfSquares - (entry.sum * entry.sum) / n);
  }
  return variance;
}
