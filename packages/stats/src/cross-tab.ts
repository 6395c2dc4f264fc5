/**
 * Cross-tabs (STATISTICS.md §3): weighted cell counts with row, column and total shares, unweighted n,
 * the Rao–Scott corrected F (R `svychisq`), the unweighted Pearson χ² (R `chisq.test(table(a, b),
 * correct = FALSE)`) and adjusted standardised residuals of the unweighted table (R `$stdres`),
 * marked when |r| > 1.96.
 *
 * Levels are those seen among respondents with both variables present, sorted. Respondents with a
 * missing variable stay in the design (zero contributions), as R's `svychisq(na.rm = TRUE)` keeps them.
 * A filter works like R's `subset(design, …)` on an uncalibrated design: n_h stays the full stratum
 * sample and the design df ν counts the filtered respondents minus their towns. (On a calibrated design
 * R's subset keeps every row, so its ν would count the whole sample; the domain count is used here.)
 */
import { type AggregateDesign, covarianceFromCellSums, type LinearisedCellCrossSums } from "./aggregate-design";
import { chiSquareUpperTail } from "./distributions";
import { Z_95 } from "./estimate";
import { linearisedCovariance } from "./linearisation";
import { pearsonStatistic, type RaoScottTest, raoScottF } from "./rao-scott";
import { assertAligned, type Sample } from "./sample-design";

export interface CrossTabCell {
  row: string;
  column: string;
  /** Estimated population count Σw. */
  weightedCount: number;
  /** Weighted shares (0–1) of the row, the column and the whole table. */
  rowShare: number;
  columnShare: number;
  totalShare: number;
  unweightedCount: number;
  /** Adjusted standardised residual of the unweighted table; null when undefined. */
  adjustedResidual: number | null;
  /** |adjusted residual| > 1.96. */
  marked: boolean;
}

export interface PearsonTest {
  chiSquare: number;
  df: number;
  pValue: number;
}

export interface CrossTab {
  rows: string[];
  columns: string[];
  /** cells[i][j] for rows[i] × columns[j]. */
  cells: CrossTabCell[][];
  weightedTotal: number;
  unweightedTotal: number;
  /** Null for a table with one row or column. */
  raoScott: RaoScottTest | null;
  pearson: PearsonTest | null;
}

/** Respondents sharing stratum, weighting cell, weight and the pair of categories (a GROUP BY row). */
export interface CrossTabGroup {
  readonly stratum: string;
  readonly cell?: string;
  readonly weight: number;
  readonly row: string;
  readonly column: string;
  readonly count: number;
}

const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

function adjustedResiduals(counts: number[][]): (number | null)[][] {
  const rowTotals = counts.map((row) => row.reduce((a, b) => a + b, 0));
  const columnTotals = (counts[0] ?? []).map((_, j) => counts.reduce((sum, row) => sum + (row[j] as number), 0));
  const total = rowTotals.reduce((a, b) => a + b, 0);
  return counts.map((row, i) =>
    row.map((observed, j) => {
      const rowShare = (rowTotals[i] as number) / total;
      const columnShare = (columnTotals[j] as number) / total;
      const expected = total * rowShare * columnShare;
      const variance = expected * (1 - rowShare) * (1 - columnShare);
      return variance > 0 ? (observed - expected) / Math.sqrt(variance) : null;
    }),
  );
}

function assemble(
  rows: string[],
  columns: string[],
  weighted: number[][],
  counts: number[][],
  covariance: () => number[][],
  designDf: number,
): CrossTab {
  const weightedTotal = weighted.flat().reduce((a, b) => a + b, 0);
  const unweightedTotal = counts.flat().reduce((a, b) => a + b, 0);
  const rowTotals = weighted.map((row) => row.reduce((a, b) => a + b, 0));
  const columnTotals = columns.map((_, j) => weighted.reduce((sum, row) => sum + (row[j] as number), 0));
  const testable = rows.length > 1 && columns.length > 1;
  const residuals = testable ? adjustedResiduals(counts) : null;
  const cells = rows.map((row, i) =>
    columns.map((column, j) => {
      const weightedCount = (weighted[i] as number[])[j] as number;
      const adjustedResidual = residuals ? ((residuals[i] as (number | null)[])[j] ?? null) : null;
      return {
        row,
        column,
        weightedCount,
        rowShare: weightedCount / (rowTotals[i] as number),
        columnShare: weightedCount / (columnTotals[j] as number),
        totalShare: weightedCount / weightedTotal,
        unweightedCount: (counts[i] as number[])[j] as number,
        adjustedResidual,
        marked: adjustedResidual !== null && Math.abs(adjustedResidual) > Z_95,
      };
    }),
  );
  let pearson: PearsonTest | null = null;
  let raoScott: RaoScottTest | null = null;
  if (testable) {
    const df = (rows.length - 1) * (columns.length - 1);
    const chiSquare = pearsonStatistic(counts);
    pearson = { chiSquare, df, pValue: chiSquareUpperTail(chiSquare, df) };
    const proportions = weighted.map((row) => row.map((value) => value / weightedTotal));
    raoScott = raoScottF(proportions, covariance(), designDf);
  }
  return { rows, columns, cells, weightedTotal, unweightedTotal, raoScott, pearson };
}

export interface CrossTabOptions {
  /** The filter: units outside it are kept in the design but do not count (R `subset(design, …)`). */
  readonly inDomain?: readonly boolean[];
}

/** Microdata cross-tab of two categorical variables aligned with the sample's units (null = missing). */
export function crossTab(
  sample: Sample,
  rowValues: readonly (string | null)[],
  columnValues: readonly (string | null)[],
  options: CrossTabOptions = {},
): CrossTab {
  assertAligned(sample, rowValues, "row variable");
  assertAligned(sample, columnValues, "column variable");
  const inDomain = (i: number) => options.inDomain?.[i] ?? true;
  if (options.inDomain) assertAligned(sample, options.inDomain, "domain");
  const complete = sample.units.map((_, i) => inDomain(i) && rowValues[i] != null && columnValues[i] != null);
  const rows = sorted(rowValues.filter((_, i) => complete[i]) as string[]);
  const columns = sorted(columnValues.filter((_, i) => complete[i]) as string[]);
  if (rows.length === 0) throw new RangeError("no respondent has both variables");
  const cellOf = (i: number) =>
    rows.indexOf(rowValues[i] as string) * columns.length + columns.indexOf(columnValues[i] as string);
  const weighted = rows.map(() => columns.map(() => 0));
  const counts = rows.map(() => columns.map(() => 0));
  sample.units.forEach((unit, i) => {
    if (!complete[i]) return;
    const k = cellOf(i);
    const [r, c] = [Math.floor(k / columns.length), k % columns.length];
    (weighted[r] as number[])[c] = ((weighted[r] as number[])[c] as number) + unit.weight;
    (counts[r] as number[])[c] = ((counts[r] as number[])[c] as number) + 1;
  });
  const total = weighted.flat().reduce((a, b) => a + b, 0);
  const proportions = weighted.flat().map((value) => value / total);
  const covariance = () =>
    linearisedCovariance(
      sample,
      proportions.map((share, k) =>
        sample.units.map((unit, i) => (complete[i] ? (unit.weight * ((cellOf(i) === k ? 1 : 0) - share)) / total : 0)),
      ),
    );
  const domainUnits = sample.units.filter((_, i) => inDomain(i));
  const designDf = domainUnits.length - new Set(domainUnits.map((unit) => unit.stratum)).size;
  return assemble(rows, columns, weighted, counts, covariance, designDf);
}

/**
 * The same from GROUP BY rows (stratum, weighting cell, row, column → count) over the domain's respondents
 * with both variables present. `domainRespondents` counts every respondent of the domain per stratum,
 * including those missing a variable; it gives the design degrees of freedom (defaults to the groups).
 */
export function crossTabFromGroups(
  design: AggregateDesign,
  groups: readonly CrossTabGroup[],
  domainRespondents?: Readonly<Record<string, number>>,
): CrossTab {
  const live = groups.filter((group) => group.count > 0);
  const rows = sorted(live.map((group) => group.row));
  const columns = sorted(live.map((group) => group.column));
  if (rows.length === 0) throw new RangeError("no respondent has both variables");
  const weighted = rows.map(() => columns.map(() => 0));
  const counts = rows.map(() => columns.map(() => 0));
  const cellOf = (group: CrossTabGroup) => rows.indexOf(group.row) * columns.length + columns.indexOf(group.column);
  for (const group of live) {
    if (!(group.weight > 0) || !Number.isInteger(group.count)) throw new RangeError("invalid cross-tab group");
    const k = cellOf(group);
    const [r, c] = [Math.floor(k / columns.length), k % columns.length];
    (weighted[r] as number[])[c] = ((weighted[r] as number[])[c] as number) + group.count * group.weight;
    (counts[r] as number[])[c] = ((counts[r] as number[])[c] as number) + group.count;
  }
  const total = weighted.flat().reduce((a, b) => a + b, 0);
  const p = rows.length * columns.length;
  const proportions = weighted.flat().map((value) => value / total);
  const covariance = () => {
    // zᵢ = w(e_k − p̂)/W for a respondent in table cell k: Σz = m·w(e_k − p̂)/W, Σzzᵀ = m·w²(e_k − p̂)(e_k − p̂)ᵀ/W².
    const sums: LinearisedCellCrossSums[] = live.map((group) => {
      const k = cellOf(group);
      const deviation = proportions.map((share, index) => (index === k ? 1 : 0) - share);
      const factor = group.weight / total;
      return {
        stratum: group.stratum,
        cell: group.cell,
        sums: deviation.map((value) => group.count * factor * value),
        crossProducts: deviation.map((a) => deviation.map((b) => group.count * factor * factor * a * b)),
      };
    });
    return covarianceFromCellSums(design, p, sums);
  };
  const perStratum: Record<string, number> = { ...domainRespondents };
  if (!domainRespondents) {
    for (const group of live) perStratum[group.stratum] = (perStratum[group.stratum] ?? 0) + group.count;
  }
  const present = Object.values(perStratum).filter((count) => count > 0);
  const designDf = present.reduce((a, b) => a + b, 0) - present.length;
  return assemble(rows, columns, weighted, counts, covariance, designDf);
}
