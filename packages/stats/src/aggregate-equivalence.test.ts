import { describe, expect, it } from "vitest";
import type { AggregateCalibration, AggregateDesign } from "./aggregate-design";
import { estimateItemByStratum, estimateItemFromSums, type ItemCellSums } from "./aggregate-items";
import { estimateScoreFromSums, planScore, respondentLinearisedSum, type ScoreCellSums } from "./aggregate-scores";
import { itemMean, satisfactionRate } from "./item-estimation";
import { type Calibration, createSample } from "./sample-design";
import { compositeScore } from "./score-estimation";
import { type ItemAnswer, isSatisfied, itemMissingShare, itemScore } from "./scoring";

/** Seeded PRNG (mulberry32) so every run checks the same random designs. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ITEMS = ["q1", "q2", "q3", "q4", "q5", "q6"];
const DIMENSIONS = [{ items: ["q1", "q2"] }, { items: ["q3", "q4", "q5", "q6"], weight: 2 }];
type Kind = AggregateCalibration["kind"];

interface Person {
  stratum: string;
  sex: string;
  age: string;
  cell: string;
  weight: number;
  inDomain: boolean;
  answers: Record<string, ItemAnswer>;
}

function randomSurvey(seed: number, kind: Kind) {
  const next = random(seed);
  const people: Person[] = [];
  const strata: { stratum: string; population: number; sampleSize: number }[] = [];
  const cellWeights = new Map<string, number>();
  const strataCount = 2 + Math.floor(next() * 4);
  for (let h = 0; h < strataCount; h++) {
    const stratum = `T${h}`;
    const n = 6 + Math.floor(next() * 30);
    const population = Math.round(n * (1.2 + next() * 80));
    strata.push({ stratum, population, sampleSize: n });
    for (let i = 0; i < n; i++) {
      // The first six respondents fill every sex × age cell, as post-stratification needs.
      const c = i < 6 ? i : Math.floor(next() * 6);
      const sex = c % 2 === 0 ? "F" : "M";
      const age = ["young", "middle", "old"][Math.floor(c / 2)] as string;
      const cell = `${sex}|${age}`;
      const key = `${stratum}|${cell}`;
      if (!cellWeights.has(key)) cellWeights.set(key, (population / n) * (kind === "none" ? 1 : 0.5 + next()));
      const answers: Record<string, ItemAnswer> = {};
      for (const item of ITEMS) {
        const u = next();
        answers[item] =
          u < 0.06 ? "dont_know" : u < 0.1 ? "not_applicable" : u < 0.14 ? null : 1 + Math.floor(next() * 5);
      }
      people.push({ stratum, sex, age, cell, weight: cellWeights.get(key) as number, inDomain: next() < 0.7, answers });
    }
  }
  // Every respondent of the last stratum skips q6: the item must drop out there alike in both versions.
  const last = strata[strata.length - 1]?.stratum;
  for (const person of people) if (person.stratum === last) person.answers.q6 = "not_applicable";
  const populations = Object.fromEntries(strata.map((s) => [s.stratum, s.population]));
  const margins = [people.map((p) => `${p.stratum}|${p.sex}`), people.map((p) => `${p.stratum}|${p.age}`)];
  const calibration: Calibration =
    kind === "none"
      ? { kind }
      : kind === "poststratified"
        ? {
            kind,
            cells: people.map((p) => `${p.stratum}|${p.cell}`),
            baseWeights: people.map((p) => {
              const stratum = strata.find((s) => s.stratum === p.stratum) as { population: number; sampleSize: number };
              return stratum.population / stratum.sampleSize;
            }),
          }
        : { kind, margins };
  const sample = createSample(
    people.map((p) => ({ stratum: p.stratum, weight: p.weight })),
    populations,
    calibration,
  );
  const cells = [...cellWeights].map(([key, weight]) => {
    const [stratum, sex, age] = key.split("|") as [string, string, string];
    const respondents = people.filter((p) => p.stratum === stratum && p.cell === `${sex}|${age}`).length;
    return { stratum, cell: `${sex}|${age}`, respondents, weight, margins: [`${stratum}|${sex}`, `${stratum}|${age}`] };
  });
  const design: AggregateDesign = { strata, calibration: kind === "none" ? { kind } : { kind, cells } };
  return { people, sample, design };
}

/** What the SQL layer does: GROUP BY stratum (and cell when calibrated) over the domain. */
function groupRows<T>(people: Person[], kind: Kind, reduce: (group: Person[], first: Person) => T): T[] {
  const groups = new Map<string, Person[]>();
  for (const person of people.filter((p) => p.inDomain)) {
    const key = kind === "none" ? person.stratum : `${person.stratum}|${person.cell}`;
    groups.set(key, [...(groups.get(key) ?? []), person]);
  }
  return [...groups.values()].map((group) => reduce(group, group[0] as Person));
}

function itemRows(people: Person[], kind: Kind, item: string): ItemCellSums[] {
  return groupRows(people, kind, (group, first) => {
    const scores = group.map((p) => itemScore(p.answers[item])).filter((s): s is number => s !== null);
    return {
      stratum: first.stratum,
      cell: kind === "none" ? undefined : first.cell,
      weight: first.weight,
      respondents: group.length,
      valid: scores.length,
      sum: scores.reduce((a, b) => a + b, 0),
      sumOfSquares: scores.reduce((a, b) => a + b * b, 0),
      satisfied: group.filter((p) => isSatisfied(p.answers[item]) === true).length,
    };
  });
}

function expectSame(actual: number | null, expected: number | null): void {
  if (expected === null) {
    expect(actual).toBeNull();
    return;
  }
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}

const masked = (people: Person[], item: string) => people.map((p) => (p.inDomain ? itemScore(p.answers[item]) : null));

describe.each(["none", "poststratified", "raked"] as const)("sufficient statistics equal microdata (%s)", (kind) => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])("random survey %i: items, rates, missing shares", (seed) => {
    const { people, sample, design } = randomSurvey(seed * 7919, kind);
    for (const item of ITEMS) {
      const scores = masked(people, item);
      if (scores.every((s) => s === null)) continue;
      const micro = itemMean(sample, scores);
      const microRate = satisfactionRate(
        sample,
        people.map((p) => (p.inDomain ? isSatisfied(p.answers[item]) : null)),
      );
      const fromSums = estimateItemFromSums(design, itemRows(people, kind, item));
      for (const [a, b] of [
        [fromSums.score, micro],
        [fromSums.satisfactionRate, microRate],
      ] as const) {
        expectSame(a.mean, b.mean);
        expectSame(a.se, b.se);
        expectSame(a.ciLow, b.ciLow);
        expectSame(a.ciHigh, b.ciHigh);
        expect(a.n).toBe(b.n);
        expectSame(a.designEffect, b.designEffect);
        expectSame(a.effectiveSampleSize, b.effectiveSampleSize);
        expectSame(a.weightedValid, b.weightedValid);
      }
      const missing = itemMissingShare(people.filter((p) => p.inDomain).map((p) => p.answers[item]));
      expect(fromSums.missing).toEqual(missing);
    }
  });

  it.each([11, 12, 13, 14, 15, 16])("random survey %i: dimension and overall scores", (seed) => {
    const { people, sample, design } = randomSurvey(seed * 104729, kind);
    const columns = Object.fromEntries(ITEMS.map((item) => [item, masked(people, item)]));
    const itemResults = Object.fromEntries(
      ITEMS.map((item) => [item, estimateItemFromSums(design, itemRows(people, kind, item)).score]),
    );
    for (const dimensions of [DIMENSIONS.slice(0, 1), DIMENSIONS.slice(1), DIMENSIONS]) {
      const micro = compositeScore(sample, columns, dimensions);
      const plan = planScore(itemResults, dimensions);
      const rows: ScoreCellSums[] = groupRows(people, kind, (group, first) => {
        const u = group.map((p) =>
          respondentLinearisedSum(plan, Object.fromEntries(ITEMS.map((item) => [item, itemScore(p.answers[item])]))),
        );
        return {
          stratum: first.stratum,
          cell: kind === "none" ? undefined : first.cell,
          weight: first.weight,
          contributing: group.filter((p) => plan.terms.some((t) => itemScore(p.answers[t.item]) !== null)).length,
          sum: u.reduce((a, b) => a + b, 0),
          sumOfSquares: u.reduce((a, b) => a + b * b, 0),
        };
      });
      const fromSums = estimateScoreFromSums(design, plan, rows);
      expectSame(fromSums.mean, micro.mean);
      expectSame(fromSums.se, micro.se);
      expectSame(fromSums.ciLow, micro.ciLow);
      expectSame(fromSums.ciHigh, micro.ciHigh);
      expect(fromSums.n).toBe(micro.n);
      expect(plan.terms.map((t) => [t.item, t.coefficient])).toEqual([...micro.coefficients]);
    }
  });

  it("town figures from the same rows equal microdata on the town's own sample", () => {
    const { people, design } = randomSurvey(424242, kind);
    const byStratum = estimateItemByStratum(design, itemRows(people, kind, "q1"));
    for (const stratum of design.strata) {
      const own = people.filter((p) => p.stratum === stratum.stratum);
      const ownSample = createSample(
        own.map((p) => ({ stratum: p.stratum, weight: p.weight })),
        { [stratum.stratum]: stratum.population },
        kind === "none"
          ? { kind }
          : kind === "poststratified"
            ? {
                kind,
                cells: own.map((p) => p.cell),
                baseWeights: own.map(() => stratum.population / stratum.sampleSize),
              }
            : { kind, margins: [own.map((p) => p.sex), own.map((p) => p.age)] },
      );
      const micro = itemMean(ownSample, masked(own, "q1"));
      const fromSums = byStratum.get(stratum.stratum);
      expectSame(fromSums?.score.mean ?? null, micro.mean);
      expectSame(fromSums?.score.se ?? null, micro.se);
      expectSame(fromSums?.score.designEffect ?? null, micro.designEffect);
    }
  });
});

describe("aggregate design checks", () => {
  const design: AggregateDesign = { strata: [{ stratum: "A", population: 100, sampleSize: 10 }] };

  it("rejects rows of a stratum that is not in the design", () => {
    const row = { stratum: "B", weight: 10, respondents: 3, valid: 3, sum: 150, sumOfSquares: 8000, satisfied: 1 };
    expect(() => estimateItemFromSums(design, [row])).toThrow(/not in the design/);
  });

  it("rejects an item without valid answers and a non-positive weight", () => {
    const empty = { stratum: "A", weight: 10, respondents: 3, valid: 0, sum: 0, sumOfSquares: 0, satisfied: 0 };
    expect(() => estimateItemFromSums(design, [empty])).toThrow(RangeError);
    expect(() =>
      estimateItemFromSums(design, [{ ...empty, valid: 2, sum: 50, sumOfSquares: 2500, weight: 0 }]),
    ).toThrow(RangeError);
  });

  it("rejects a population smaller than its sample", () => {
    const bad: AggregateDesign = { strata: [{ stratum: "A", population: 5, sampleSize: 10 }] };
    const row = { stratum: "A", weight: 0.5, respondents: 3, valid: 3, sum: 150, sumOfSquares: 8000, satisfied: 1 };
    expect(() => estimateItemFromSums(bad, [row])).toThrow(/population/);
  });

  it("flags an item whose missing share is above 20 %", () => {
    const row = { stratum: "A", weight: 10, respondents: 10, valid: 7, sum: 350, sumOfSquares: 20000, satisfied: 3 };
    expect(estimateItemFromSums(design, [row]).missing).toEqual({ missing: 3, total: 10, share: 0.3, flagged: true });
    expect(estimateItemFromSums(design, [{ ...row, valid: 8 }]).missing.flagged).toBe(false);
  });
});
