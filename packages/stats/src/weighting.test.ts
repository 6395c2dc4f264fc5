import { describe, expect, it } from "vitest";
import { type PostStratumInput, postStratify } from "./post-stratification";
import { rake } from "./raking";
import { designWeights, REFERENCE_CELL_POPULATIONS, readReferenceRespondents } from "./reference-data.fixture";

const respondents = readReferenceRespondents();
const baseWeights = designWeights(respondents);

// weights(postStratify(design, ~town+sex+age, cellpop)) — packages/stats/reference/items.R
const R_POSTSTRATIFIED = [
  450, 475, 500, 450, 800, 650, 450, 475, 500, 450, 1150, 1200, 1050, 1100, 950, 950, 1150, 1200, 1050, 1100, 950, 950,
  166.666666666667, 160, 280, 270, 260, 250, 166.666666666667, 160, 280, 270, 260, 250, 166.666666666667, 160,
];
// weights(rake(design, list(~town+sex, ~town+age), list(margin_sex, margin_age),
//              control = list(maxit = 100, epsilon = 1e-13))) — packages/stats/reference/items.R
const R_RAKED = [
  480.288461538462, 444.711538461538, 493.269230769231, 456.730769230769, 752.884615384615, 697.115384615385,
  480.288461538462, 444.711538461538, 493.269230769231, 456.730769230769, 1156.640625, 1193.359375, 1058.203125,
  1091.796875, 935.15625, 964.84375, 1156.640625, 1193.359375, 1058.203125, 1091.796875, 935.15625, 964.84375,
  166.494623655914, 160.172043010753, 280.322580645161, 269.677419354839, 259.935483870968, 250.064516129032,
  166.494623655914, 160.172043010753, 280.322580645161, 269.677419354839, 259.935483870968, 250.064516129032,
  166.494623655914, 160.172043010753,
];

const cellKey = (r: { town: string; sex: string; age: string }) => `${r.sex}|${r.age}`;

function referenceCells(): PostStratumInput[] {
  return REFERENCE_CELL_POPULATIONS.map((c) => {
    const members = respondents.filter((r) => r.town === c.town && cellKey(r) === cellKey(c));
    return {
      stratum: c.town,
      cell: cellKey(c),
      respondents: members.length,
      baseWeight: baseWeights[respondents.indexOf(members[0] as (typeof respondents)[number])] as number,
      population: c.population,
    };
  });
}

function respondentWeights(cells: readonly { stratum: string; cell: string; weight: number }[]): number[] {
  return respondents.map((r) => cells.find((c) => c.stratum === r.town && c.cell === cellKey(r))?.weight as number);
}

function expectWeights(actual: number[], expected: number[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((weight, i) => {
    expect(Math.abs(weight - (expected[i] as number))).toBeLessThan(1e-9 * (expected[i] as number));
  });
}

describe("postStratify", () => {
  it("matches R postStratify when unbounded", () => {
    const result = postStratify(referenceCells(), null);
    expectWeights(respondentWeights(result.cells), R_POSTSTRATIFIED);
    expect(result.strataOffTarget).toEqual([]);
  });

  it("leaves weights alone when every g lies inside the default bounds", () => {
    const result = postStratify(referenceCells());
    expectWeights(respondentWeights(result.cells), R_POSTSTRATIFIED);
    expect(result.cells.every((cell) => !cell.bounded)).toBe(true);
  });

  const cell = (name: string, respondents: number, population: number): PostStratumInput => ({
    stratum: "T",
    cell: name,
    respondents,
    baseWeight: 10,
    population,
  });

  it("holds a low g at the lower bound and rescales the other cells to keep the town total", () => {
    // g would be 10/50 = 0.2 and 90/50 = 1.8; a is held at 0.3 (15), b gets λ·1.8 = 1.7 with λ = 85/90.
    const { cells } = postStratify([cell("a", 5, 10), cell("b", 5, 90)]);
    expect(cells.map((c) => c.g)).toEqual([0.3, expect.closeTo(1.7, 12)]);
    expect(cells.map((c) => c.bounded)).toEqual([true, false]);
    expect(cells.reduce((total, c) => total + c.weight * c.respondents, 0)).toBeCloseTo(100, 9);
  });

  it("holds a high g at the upper bound", () => {
    // g would be 80/10 = 8 and 20/90: a is held at 3 (30), b gets λ·20/90 = 7/9 with λ = 3.5 (70).
    const { cells } = postStratify([cell("a", 1, 80), cell("b", 9, 20)]);
    expect(cells[0]?.g).toBe(3);
    expect(cells[1]?.g).toBeCloseTo(7 / 9, 12);
  });

  it("holds cells pushed out of bounds by the common scale too", () => {
    // λ = 8: a and b would get 48 and 28, held at 3 (30 each); c gets 8 · 5/80 = 0.5 (40).
    const { cells, strataOffTarget } = postStratify([cell("a", 1, 60), cell("b", 1, 35), cell("c", 8, 5)]);
    expect(cells.map((c) => c.g)).toEqual([3, 3, expect.closeTo(0.5, 12)]);
    expect(strataOffTarget).toEqual([]);
  });

  it("reports a town whose total cannot be reached within the bounds", () => {
    const { cells, strataOffTarget } = postStratify([cell("a", 1, 500), cell("b", 1, 500)]);
    expect(cells.map((c) => c.g)).toEqual([3, 3]);
    expect(strataOffTarget).toEqual(["T"]);
  });

  it("gives an empty cell's population to the town's other cells when bounded, fails when unbounded", () => {
    const cells = [cell("a", 5, 40), cell("b", 5, 40), cell("empty", 0, 20)];
    const { cells: weighted } = postStratify(cells);
    expect(weighted.reduce((total, c) => total + c.weight * c.respondents, 0)).toBeCloseTo(100, 9);
    expect(() => postStratify(cells, null)).toThrow(/no respondents/);
  });

  it("rejects respondents in an unpopulated cell, duplicated cells and bad bounds", () => {
    expect(() => postStratify([cell("a", 2, 0)])).toThrow(/no population/);
    expect(() => postStratify([cell("a", 2, 10), cell("a", 2, 10)])).toThrow(/twice/);
    expect(() => postStratify([cell("a", 2, 10)], { lower: 2, upper: 3 })).toThrow(/bounds/);
  });
});

describe("rake", () => {
  function rakingInput() {
    const cells = referenceCells().map((c) => {
      const [sex, age] = c.cell.split("|") as [string, string];
      return { ...c, margins: [`${c.stratum}|${sex}`, `${c.stratum}|${age}`] };
    });
    const sexMargin: Record<string, number> = {};
    const ageMargin: Record<string, number> = {};
    for (const c of REFERENCE_CELL_POPULATIONS) {
      sexMargin[`${c.town}|${c.sex}`] = (sexMargin[`${c.town}|${c.sex}`] ?? 0) + c.population;
      ageMargin[`${c.town}|${c.age}`] = (ageMargin[`${c.town}|${c.age}`] ?? 0) + c.population;
    }
    return { cells, margins: [sexMargin, ageMargin] };
  }

  it("matches R rake at convergence", () => {
    const { cells, margins } = rakingInput();
    const result = rake(cells, margins);
    expect(result.converged).toBe(true);
    expectWeights(respondentWeights(result.cells), R_RAKED);
  });

  it("keeps g inside the bounds and says whether the margins were met", () => {
    const { cells, margins } = rakingInput();
    const bounds = { lower: 0.95, upper: 1.05 };
    const result = rake(cells, margins, { bounds });
    expect(result.cells.every((c) => c.g >= bounds.lower && c.g <= bounds.upper)).toBe(true);
    expect(result.converged).toBe(false);
    expect(result.maxRelativeGap).toBeGreaterThan(1e-3);
  });

  it("rejects a populated category without respondents and vice versa", () => {
    const { cells, margins } = rakingInput();
    expect(() => rake(cells, [{ ...margins[0], "A|X": 10 }, margins[1] as Record<string, number>])).toThrow(
      /no respondents/,
    );
    const withoutA = Object.fromEntries(Object.entries(margins[0] as object).filter(([k]) => k !== "A|F"));
    expect(() => rake(cells, [withoutA, margins[1] as Record<string, number>])).toThrow(/no population/);
  });
});
