/**
 * From SQL aggregates to estimates (STATISTICS.md §1–2), for the district and for each town on its own:
 * item means, satisfaction rates and missing shares from the per-cell item sums, then dimension, domain and
 * overall scores from the two-pass plan (ȳ_k and a_k = c_k/D_k go back to SQL, Σu and Σu² come out).
 */
import type { ScoringMap } from "@survey/questionnaire";
import {
  type CalibrationCell,
  type DimensionSpec,
  type Estimate,
  estimateItemFromSums,
  estimateScoreFromSums,
  type ItemCellSums,
  type ItemResult,
  type MissingShare,
  missingShare,
  planScore,
  type RatioEstimate,
  ratioFromMoments,
  type ScoreCellSums,
  type ScorePlan,
  type ScoreResult,
} from "@survey/stats";
import type { ItemAggregateRow, ScoreAggregateRow, ScorePlanRow, ScorePlanTable } from "./data/results-sql";
import type { ResultsDesign } from "./results-design";

/** Estimates per scope: the district and every town of the design. */
export interface Scoped<T> {
  district: Map<string, T>;
  towns: Map<string, Map<string, T>>;
}

const slot = (stratum: string, cell: string) => `${stratum}\u0000${cell}`;

export const plainEstimate = ({ mean, se, ciLow, ciHigh, n }: Estimate): Estimate => ({ mean, se, ciLow, ciHigh, n });

/** A 0–1 share as percent, with its SE and CI scaled alike. */
export const percentEstimate = (share: Estimate): Estimate => ({
  mean: share.mean * 100,
  se: share.se * 100,
  ciLow: share.ciLow * 100,
  ciHigh: share.ciHigh * 100,
  n: share.n,
});

type ItemSums = Pick<ItemCellSums, "valid" | "sum" | "sumOfSquares" | "satisfied">;

/** Adds the SQL rows up per question and weighting cell (towns outside the design are left out). */
function tabulateItems(design: ResultsDesign, rows: readonly ItemAggregateRow[]): Map<string, Map<string, ItemSums>> {
  const inDesign = new Set(design.towns.map((town) => town.code));
  const table = new Map<string, Map<string, ItemSums>>();
  for (const row of rows) {
    if (!inDesign.has(row.townCode)) continue;
    const byCell = table.get(row.question) ?? new Map<string, ItemSums>();
    table.set(row.question, byCell);
    const key = slot(row.townCode, design.cellOf(row.townCode, row.cell));
    const sums = byCell.get(key) ?? { valid: 0, sum: 0, sumOfSquares: 0, satisfied: 0 };
    byCell.set(key, {
      valid: sums.valid + row.valid,
      sum: sums.sum + row.sum,
      sumOfSquares: sums.sumOfSquares + row.sumOfSquares,
      satisfied: sums.satisfied + row.satisfied,
    });
  }
  return table;
}

const NO_ANSWERS: ItemSums = { valid: 0, sum: 0, sumOfSquares: 0, satisfied: 0 };

/** Every weighting cell of the scope (the district's, or one town's), with zero sums where nobody answered. */
function cellSums(cells: readonly CalibrationCell[], byCell: Map<string, ItemSums> | undefined): ItemCellSums[] {
  return cells.map((cell) => {
    const sums = byCell?.get(slot(cell.stratum, cell.cell)) ?? NO_ANSWERS;
    return {
      stratum: cell.stratum,
      cell: cell.cell,
      weight: cell.weight,
      respondents: cell.respondents,
      valid: sums.valid,
      sum: sums.sum,
      sumOfSquares: sums.sumOfSquares,
      satisfied: sums.satisfied,
    };
  });
}

/** The design's weighting cells of each town. */
function cellsByTown(design: ResultsDesign): Map<string, CalibrationCell[]> {
  const byTown = new Map<string, CalibrationCell[]>(design.towns.map((town) => [town.code, []]));
  for (const cell of design.cells) byTown.get(cell.stratum)?.push(cell);
  return byTown;
}

function estimable(rows: readonly ItemCellSums[]): boolean {
  return rows.some((row) => row.valid > 0);
}

/** Item mean scores per scope; the district's also with satisfaction rate and design effect. */
export interface ItemEstimates extends Scoped<RatioEstimate> {
  districtDetail: Map<string, ItemResult>;
  /** District missing share of every question, also of those nobody answered validly. */
  missing: Map<string, MissingShare>;
}

/** Item results for the district and each town; an item nobody in a scope answered validly has none there. */
export function estimateItems(
  design: ResultsDesign,
  rows: readonly ItemAggregateRow[],
  questions: readonly string[],
): ItemEstimates {
  const table = tabulateItems(design, rows);
  const districtDetail = new Map<string, ItemResult>();
  const district = new Map<string, RatioEstimate>();
  const towns = new Map(design.towns.map((town) => [town.code, new Map<string, RatioEstimate>()]));
  const missing = new Map<string, MissingShare>();
  const townCells = cellsByTown(design);
  for (const question of questions) {
    const byCell = table.get(question);
    const all = cellSums(design.cells, byCell);
    const respondents = all.reduce((total, row) => total + row.respondents, 0);
    missing.set(question, missingShare(respondents - all.reduce((total, row) => total + row.valid, 0), respondents));
    if (!estimable(all)) continue;
    const detail = estimateItemFromSums(design.design, all);
    districtDetail.set(question, detail);
    district.set(question, detail.score);
    for (const town of design.towns) {
      // A town needs only its mean score (satisfaction rates and design effects are reported district-wide).
      const own = cellSums(townCells.get(town.code) ?? [], byCell);
      if (!estimable(own)) continue;
      const score = ratioFromMoments(
        design.townDesign(town.code),
        own.map((row) => ({
          stratum: row.stratum,
          cell: row.cell,
          weight: row.weight,
          count: row.valid,
          sum: row.sum,
          sumOfSquares: row.sumOfSquares,
        })),
      );
      towns.get(town.code)?.set(question, score);
    }
  }
  return { district, towns, districtDetail, missing };
}

/** Dimension, domain and overall scores of a questionnaire, keyed `overall`, `dimension:<d>`, `domain:<d>`. */
export function scoreSpecs(scoring: ScoringMap): Map<string, DimensionSpec[]> {
  const byDimension = new Map<string, string[]>();
  const byDomain = new Map<string, string[]>();
  for (const item of scoring.items) {
    byDimension.set(item.dimension, [...(byDimension.get(item.dimension) ?? []), item.name]);
    byDomain.set(item.domain, [...(byDomain.get(item.domain) ?? []), item.name]);
  }
  const specs = new Map<string, DimensionSpec[]>();
  // Equal dimension weights: the questionnaire format has no dimension weights (STATISTICS §1 default).
  specs.set(
    "overall",
    [...byDimension.values()].map((items) => ({ items })),
  );
  for (const [dimension, items] of byDimension) specs.set(`dimension:${dimension}`, [{ items }]);
  for (const [domain, items] of byDomain) specs.set(`domain:${domain}`, [{ items }]);
  return specs;
}

function tryPlan(means: Record<string, RatioEstimate>, spec: DimensionSpec[]): ScorePlan | undefined {
  if (!spec.some((dimension) => dimension.items.some((item) => (means[item]?.weightedValid ?? 0) > 0))) return;
  return planScore(means, spec);
}

export interface ScorePlans extends Scoped<ScorePlan> {
  /** The plans as SQL takes them (data/results-sql.ts `scoreAggregates`). */
  table: ScorePlanTable;
}

/** Plan keys are `<family>` or `<family>:<code>`; a question may be in one plan per family. */
const familyOf = (key: string) => key.split(":")[0] ?? key;

export function planScores(
  design: ResultsDesign,
  items: Scoped<RatioEstimate>,
  specs: Map<string, DimensionSpec[]>,
): ScorePlans {
  const district = new Map<string, ScorePlan>();
  const towns = new Map(design.towns.map((town) => [town.code, new Map<string, ScorePlan>()]));
  const districtMeans = Object.fromEntries(items.district);
  const townMeans = new Map(
    design.towns.map((town) => [town.code, Object.fromEntries(items.towns.get(town.code) ?? [])]),
  );
  for (const [key, spec] of specs) {
    const districtPlan = tryPlan(districtMeans, spec);
    if (!districtPlan) continue;
    district.set(key, districtPlan);
    for (const town of design.towns) {
      const townPlan = tryPlan(townMeans.get(town.code) ?? {}, spec);
      if (townPlan) towns.get(town.code)?.set(key, townPlan);
    }
  }
  const plans = [...district.keys()];
  const familyNames = [...new Set(plans.map(familyOf))];
  const families = plans.map((key) => familyNames.indexOf(familyOf(key)));
  const rows: ScorePlanRow[] = [];
  for (const town of design.towns) {
    const byQuestion = new Map<string, ScorePlanRow & { terms: ScorePlanRow["terms"][number][] }>();
    plans.forEach((key, index) => {
      const townTerms = new Map(
        towns
          .get(town.code)
          ?.get(key)
          ?.terms.map((term) => [term.item, term]),
      );
      for (const term of district.get(key)?.terms ?? []) {
        const own = townTerms.get(term.item);
        const row = byQuestion.get(term.item) ?? {
          town: town.code,
          question: term.item,
          townMean: own?.mean ?? 0,
          districtMean: term.mean,
          terms: familyNames.map(() => null),
        };
        const family = families[index] as number;
        if (row.terms[family])
          throw new Error(`question ${term.item} is in two plans of family ${familyNames[family]}`);
        if (own) row.townMean = own.mean;
        row.terms[family] = {
          plan: index,
          townMultiplier: own?.multiplier ?? 0,
          districtMultiplier: term.multiplier,
        };
        byQuestion.set(term.item, row);
      }
    });
    rows.push(...byQuestion.values());
  }
  return { district, towns, table: { plans, families, rows } };
}

interface UScoreSums {
  contributing: number;
  townSum: number;
  townSumOfSquares: number;
  districtSum: number;
  districtSumOfSquares: number;
}

export function estimateScores(
  design: ResultsDesign,
  plans: ScorePlans,
  rows: readonly ScoreAggregateRow[],
): Scoped<ScoreResult> {
  const sums = new Map<string, UScoreSums>();
  for (const row of rows) {
    const key = `${row.plan}\u0000${slot(row.townCode, design.cellOf(row.townCode, row.cell))}`;
    const previous = sums.get(key);
    sums.set(key, {
      contributing: (previous?.contributing ?? 0) + row.contributing,
      townSum: (previous?.townSum ?? 0) + row.townSum,
      townSumOfSquares: (previous?.townSumOfSquares ?? 0) + row.townSumOfSquares,
      districtSum: (previous?.districtSum ?? 0) + row.districtSum,
      districtSumOfSquares: (previous?.districtSumOfSquares ?? 0) + row.districtSumOfSquares,
    });
  }
  const cellRows = (plan: string, scope: "town" | "district", town?: string): ScoreCellSums[] =>
    design.cells
      .filter((cell) => town === undefined || cell.stratum === town)
      .map((cell) => {
        const found = sums.get(`${plan}\u0000${slot(cell.stratum, cell.cell)}`);
        return {
          stratum: cell.stratum,
          cell: cell.cell,
          weight: cell.weight,
          contributing: found?.contributing ?? 0,
          sum: (scope === "town" ? found?.townSum : found?.districtSum) ?? 0,
          sumOfSquares: (scope === "town" ? found?.townSumOfSquares : found?.districtSumOfSquares) ?? 0,
        };
      });
  const district = new Map<string, ScoreResult>();
  for (const [key, plan] of plans.district) {
    district.set(key, estimateScoreFromSums(design.design, plan, cellRows(key, "district")));
  }
  const towns = new Map<string, Map<string, ScoreResult>>();
  for (const [town, townPlans] of plans.towns) {
    const results = new Map<string, ScoreResult>();
    for (const [key, plan] of townPlans) {
      results.set(key, estimateScoreFromSums(design.townDesign(town), plan, cellRows(key, "town", town)));
    }
    towns.set(town, results);
  }
  return { district, towns };
}
