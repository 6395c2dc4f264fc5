import { describe, expect, it } from "vitest";
import {
  type AggregateDesign,
  estimateItemFromSums,
  estimateScoreFromSums,
  type ItemCellSums,
  isSatisfied,
  itemScore,
  planScore,
  postStratify,
  rake,
  respondentLinearisedSum,
  type ScoreCellSums,
} from "./index";
import {
  designWeights,
  REFERENCE_CELL_POPULATIONS,
  REFERENCE_ITEMS,
  REFERENCE_POPULATIONS,
  type ReferenceRespondent,
  readReferenceRespondents,
} from "./reference-data.fixture";

/**
 * The server's path end to end through the public API: GROUP BY counts → weights → item sums →
 * item estimates → score plan → Σu sums → score estimate. Expected values from
 * packages/stats/reference/items.R: svymean(~s1, postStratify(des, ~town+sex+age, cellpop), na.rm=TRUE, deff=TRUE),
 * the same on rake(des, list(~town+sex, ~town+age), …), and svycontrast(svytotal(~y1+v1+…, ·), overall).
 */
const R = {
  poststratified: {
    s1: [60.2370278519649, 3.98528019387943, 0.703143731128327],
    overall: [57.7450457761851, 1.21526273011336],
  },
  raked: { s1: [60.1991801990082, 4.45601485144827, 0.881324097630848], overall: [57.7835215965206, 1.3748951507524] },
};

const respondents = readReferenceRespondents();
const base = designWeights(respondents);
const cellOf = (r: { sex: string; age: string }) => `${r.sex}|${r.age}`;
const close = (actual: number | null, expected: number) =>
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(expected)));

/** SELECT town, sex|age, count(*) … GROUP BY 1, 2 joined with the population table. */
function weightingCells() {
  return REFERENCE_CELL_POPULATIONS.map((c) => {
    const members = respondents.filter((r) => r.town === c.town && cellOf(r) === cellOf(c));
    return {
      stratum: c.town,
      cell: cellOf(c),
      respondents: members.length,
      baseWeight: base[respondents.indexOf(members[0] as ReferenceRespondent)] as number,
      population: c.population,
      margins: [`${c.town}|${c.sex}`, `${c.town}|${c.age}`],
    };
  });
}

const strata = Object.entries(REFERENCE_POPULATIONS).map(([stratum, population]) => ({
  stratum,
  population,
  sampleSize: respondents.filter((r) => r.town === stratum).length,
}));

/** SELECT town, cell, count(valid), sum(s), sum(s*s), count(code >= 4) … GROUP BY town, cell. */
function itemSums(design: AggregateDesign, k: number): ItemCellSums[] {
  const cells = design.calibration?.kind === "none" ? [] : (design.calibration?.cells ?? []);
  return cells.map((cell) => {
    const members = respondents.filter((r) => r.town === cell.stratum && cellOf(r) === cell.cell);
    const scores = members.map((r) => itemScore(r.answers[k])).filter((s): s is number => s !== null);
    return {
      stratum: cell.stratum,
      cell: cell.cell,
      weight: cell.weight,
      respondents: members.length,
      valid: scores.length,
      sum: scores.reduce((a, b) => a + b, 0),
      sumOfSquares: scores.reduce((a, b) => a + b * b, 0),
      satisfied: members.filter((r) => isSatisfied(r.answers[k])).length,
    };
  });
}

function check(design: AggregateDesign, expected: (typeof R)["raked"]): void {
  const items = Object.fromEntries(
    REFERENCE_ITEMS.map((item, k) => [item, estimateItemFromSums(design, itemSums(design, k))]),
  );
  const q1 = items.q1?.score;
  close(q1?.mean ?? null, expected.s1[0] as number);
  close(q1?.se ?? null, expected.s1[1] as number);
  close(q1?.designEffect ?? null, expected.s1[2] as number);
  const plan = planScore(Object.fromEntries(Object.entries(items).map(([item, result]) => [item, result.score])), [
    { items: ["q1", "q2"] },
    { items: ["q3", "q4", "q5"] },
  ]);
  const cells = design.calibration?.kind === "none" ? [] : (design.calibration?.cells ?? []);
  // SELECT town, cell, count(*) FILTER (any valid), sum(u), sum(u*u) with u = Σ_k multiplier_k·(s_k − mean_k).
  const scoreSums: ScoreCellSums[] = cells.map((cell) => {
    const members = respondents.filter((r) => r.town === cell.stratum && cellOf(r) === cell.cell);
    const u = members.map((r) =>
      respondentLinearisedSum(
        plan,
        Object.fromEntries(REFERENCE_ITEMS.map((item, k) => [item, itemScore(r.answers[k])])),
      ),
    );
    return {
      stratum: cell.stratum,
      cell: cell.cell,
      weight: cell.weight,
      contributing: members.filter((r) => r.answers.some((a) => itemScore(a) !== null)).length,
      sum: u.reduce((a, b) => a + b, 0),
      sumOfSquares: u.reduce((a, b) => a + b * b, 0),
    };
  });
  const overall = estimateScoreFromSums(design, plan, scoreSums);
  close(overall.mean, expected.overall[0] as number);
  close(overall.se, expected.overall[1] as number);
}

describe("SQL pipeline through the public API", () => {
  it("post-stratified figures match R", () => {
    const { cells } = postStratify(weightingCells());
    check({ strata, calibration: { kind: "poststratified", cells } }, R.poststratified);
  });

  it("raked figures match R", () => {
    const cells = weightingCells();
    const margins = [0, 1].map((m) => {
      const totals: Record<string, number> = {};
      for (const cell of cells)
        totals[cell.margins[m] as string] = (totals[cell.margins[m] as string] ?? 0) + cell.population;
      return totals;
    });
    const raking = rake(cells, margins);
    expect(raking.converged).toBe(true);
    check({ strata, calibration: { kind: "raked", cells: raking.cells } }, R.raked);
  });
});
