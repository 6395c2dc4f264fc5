import { describe, expect, it } from "vitest";
import type { AggregateDesign } from "./aggregate-design";
import { type CrossTab, type CrossTabGroup, crossTab, crossTabFromGroups } from "./cross-tab";
import {
  postStratifiedReferenceSample,
  REFERENCE_POPULATIONS,
  readReferenceRespondents,
  referenceSample,
} from "./reference-data.fixture";
import type { Sample } from "./sample-design";

/**
 * Expected values from packages/stats/reference/crosstab.R:
 *   raoScott: svychisq(~a+b, des) (statistic "F") → statistic, parameter[ndf, ddf], p.value;
 *   weighted: svytable(~a+b, des), row-major;
 *   pearson / residuals: chisq.test(table(a, b), correct=FALSE) → statistic, parameter, p.value, stdres.
 * des is the design of reference/common.R, subset(des, age != "60+") or postStratify(des, ~town+sex+age, cellpop).
 */
interface Expected {
  raoScott: { f: number; ndf: number; ddf: number; p: number };
  rows: string[];
  columns: string[];
  weighted: number[];
  pearson?: { chiSquare: number; df: number; p: number };
  residuals?: number[];
}
const R: Record<string, Expected> = {
  "age x band": {
    raoScott: { f: 0.806878821771057, ndf: 3.63195830081676, ddf: 119.854623926953, p: 0.512834605991735 },
    rows: ["18-39", "40-59", "60+"],
    columns: ["high", "low", "mid"],
    weighted: [
      1586.66666666667, 1952.38095238095, 1560, 4682.85714285714, 1808.09523809524, 741.428571428571, 2874.76190476191,
      664.285714285714, 1586.66666666667,
    ],
    pearson: { chiSquare: 3.33777333777334, df: 4, p: 0.502969744204171 },
    residuals: [
      -1.70793832355074, 1.16566128603734, 0.681780216080335, 1.47039944366034, -0.969542140250999, -0.625866150036147,
      0.181066606856288, -0.160061971469627, -0.0305276666638384,
    ],
  },
  "sex x registered | age < 60": {
    raoScott: { f: 2.16856644915331, ndf: 1, ddf: 23, p: 0.154411032982039 },
    rows: ["F", "M"],
    columns: ["N", "Y"],
    weighted: [3096.19047619048, 4357.61904761905, 1184.28571428571, 6269.52380952381],
    pearson: { chiSquare: 0.169934640522876, df: 1, p: 0.680169901239008 },
    residuals: [0.412231294933895, -0.412231294933895, -0.412231294933895, 0.412231294933895],
  },
  "town x band": {
    raoScott: { f: 2.50927217527839, ndf: 3.29882093971807, ddf: 108.861091010696, p: 0.057016213905451 },
    rows: ["A", "B", "C"],
    columns: ["high", "low", "mid"],
    weighted: [
      2080, 520, 2600, 6400, 2133.33333333333, 1066.66666666667, 664.285714285714, 1771.42857142857, 221.428571428571,
    ],
    pearson: { chiSquare: 12.6394938394938, df: 4, p: 0.013178465722888 },
    residuals: [
      -0.150700440313301, -2.04638314659889, 2.5196225376882, 1.78479941044055, -0.987048824062702, -0.97688533324283,
      -1.51860926148527, 2.88376636587477, -1.50776845235981,
    ],
  },
  "poststratified age x band": {
    raoScott: { f: 1.29108682653407, ndf: 3.32514319628054, ddf: 109.729725477258, p: 0.28044358710237 },
    rows: ["18-39", "40-59", "60+"],
    columns: ["high", "low", "mid"],
    weighted: [1625, 1853.33333333333, 1375, 4660, 1870, 770, 2960, 760, 1600],
  },
};

const respondents = readReferenceRespondents();
const band = (answer: unknown) =>
  answer === 1 || answer === 2 ? "low" : answer === 3 ? "mid" : answer === 4 || answer === 5 ? "high" : null;
const q1Band = respondents.map((r) => band(r.answers[0]));

interface Scenario {
  sample: Sample;
  rows: (string | null)[];
  columns: (string | null)[];
  inDomain?: boolean[];
  poststratified?: boolean;
}
const scenarios: Record<string, () => Scenario> = {
  "age x band": () => ({ sample: referenceSample(respondents), rows: respondents.map((r) => r.age), columns: q1Band }),
  "sex x registered | age < 60": () => ({
    sample: referenceSample(respondents),
    rows: respondents.map((r) => r.sex),
    columns: respondents.map((r) => r.registered),
    inDomain: respondents.map((r) => r.age !== "60+"),
  }),
  "town x band": () => ({
    sample: referenceSample(respondents),
    rows: respondents.map((r) => r.town),
    columns: q1Band,
  }),
  "poststratified age x band": () => ({
    sample: postStratifiedReferenceSample(respondents),
    rows: respondents.map((r) => r.age),
    columns: q1Band,
    poststratified: true,
  }),
};

const close = (actual: number | null | undefined, expected: number) => {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(expected)));
};

/** What the SQL layer would send: GROUP BY stratum, weighting cell, a, b over the domain. */
function groupsOf(scenario: Scenario): {
  design: AggregateDesign;
  groups: CrossTabGroup[];
  domain: Record<string, number>;
} {
  const units = scenario.sample.units;
  const cellOf = (i: number) => {
    const r = respondents[i] as (typeof respondents)[number];
    return scenario.poststratified ? `${r.town}|${r.sex}|${r.age}` : undefined;
  };
  const groups = new Map<string, CrossTabGroup>();
  const domain: Record<string, number> = {};
  units.forEach((unit, i) => {
    if (scenario.inDomain && !scenario.inDomain[i]) return;
    domain[unit.stratum] = (domain[unit.stratum] ?? 0) + 1;
    const [row, column] = [scenario.rows[i], scenario.columns[i]];
    if (row == null || column == null) return;
    const key = [unit.stratum, cellOf(i), row, column].join("/");
    const group = groups.get(key);
    groups.set(key, {
      stratum: unit.stratum,
      cell: cellOf(i),
      weight: unit.weight,
      row,
      column,
      count: (group?.count ?? 0) + 1,
    });
  });
  const strata = [...scenario.sample.strata].map(([stratum, size]) => ({ stratum, ...size }));
  const cells = new Map<string, { stratum: string; cell: string; respondents: number; weight: number }>();
  units.forEach((unit, i) => {
    const cell = cellOf(i);
    if (cell === undefined) return;
    const entry = cells.get(cell) ?? { stratum: unit.stratum, cell, respondents: 0, weight: unit.weight };
    cells.set(cell, { ...entry, respondents: entry.respondents + 1 });
  });
  const design: AggregateDesign = {
    strata,
    calibration: scenario.poststratified ? { kind: "poststratified", cells: [...cells.values()] } : { kind: "none" },
  };
  return { design, groups: [...groups.values()], domain };
}

function checkAgainstR(table: CrossTab, expected: Expected): void {
  expect(table.rows).toEqual(expected.rows);
  expect(table.columns).toEqual(expected.columns);
  table.cells.flat().forEach((cell, k) => {
    close(cell.weightedCount, expected.weighted[k] as number);
  });
  close(table.raoScott?.f, expected.raoScott.f);
  close(table.raoScott?.numeratorDf, expected.raoScott.ndf);
  close(table.raoScott?.denominatorDf, expected.raoScott.ddf);
  close(table.raoScott?.pValue, expected.raoScott.p);
  if (expected.pearson && expected.residuals) {
    close(table.pearson?.chiSquare, expected.pearson.chiSquare);
    expect(table.pearson?.df).toBe(expected.pearson.df);
    close(table.pearson?.pValue, expected.pearson.p);
    table.cells.flat().forEach((cell, k) => {
      const residual = expected.residuals?.[k] as number;
      close(cell.adjustedResidual, residual);
      expect(cell.marked).toBe(Math.abs(residual) > 1.96);
    });
  }
}

describe.each(Object.keys(R))("cross-tab against R: %s", (name) => {
  const scenario = (scenarios[name] as () => Scenario)();
  const expected = R[name] as Expected;

  it("microdata", () => {
    checkAgainstR(
      crossTab(scenario.sample, scenario.rows, scenario.columns, { inDomain: scenario.inDomain }),
      expected,
    );
  });

  it("from GROUP BY rows", () => {
    const { design, groups, domain } = groupsOf(scenario);
    checkAgainstR(crossTabFromGroups(design, groups, domain), expected);
  });
});

describe("cross-tab shares and edge cases", () => {
  const sample = referenceSample(respondents);
  const table = crossTab(
    sample,
    respondents.map((r) => r.town),
    q1Band,
  );

  it("row shares add up to 1 across each row, column shares down each column", () => {
    for (const row of table.cells) expect(row.reduce((sum, cell) => sum + cell.rowShare, 0)).toBeCloseTo(1, 12);
    for (let j = 0; j < table.columns.length; j++) {
      expect(table.cells.reduce((sum, row) => sum + (row[j]?.columnShare ?? 0), 0)).toBeCloseTo(1, 12);
    }
    expect(table.unweightedTotal).toBe(q1Band.filter((b) => b !== null).length);
    // Weighted counts of a town add up to its population times the share answering q1.
    const townA = table.cells[0]?.reduce((sum, cell) => sum + cell.weightedCount, 0);
    const answeredA = respondents.filter((r, i) => r.town === "A" && q1Band[i] !== null).length;
    expect(townA).toBeCloseTo(((REFERENCE_POPULATIONS.A as number) / 10) * answeredA, 9);
  });

  it("gives no test for a single row or column", () => {
    const single = crossTab(
      sample,
      respondents.map(() => "all"),
      q1Band,
    );
    expect(single.raoScott).toBeNull();
    expect(single.pearson).toBeNull();
    expect(single.cells[0]?.every((cell) => cell.adjustedResidual === null && !cell.marked)).toBe(true);
  });

  it("rejects a table with no complete pair and misaligned columns", () => {
    expect(() =>
      crossTab(
        sample,
        respondents.map(() => null),
        q1Band,
      ),
    ).toThrow(RangeError);
    expect(() => crossTab(sample, ["a"], q1Band)).toThrow(RangeError);
    expect(() => crossTabFromGroups({ strata: [] }, [])).toThrow(RangeError);
  });
});
