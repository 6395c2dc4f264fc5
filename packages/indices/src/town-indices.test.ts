import { describe, expect, it } from "vitest";
import { computeDistrictIndex } from "./district-index";
import type { Indicator, IndicatorValue } from "./indicator";
import { computeTownIndices } from "./town-indices";
import { entropyWeights } from "./weights";

const common = { unit: "", weight: 1, department: "区卫健委" } as const;
/** h1: 0→10 threshold; h2: target 50; s1: negative threshold 60 (worst) → 20 (best); d1: district only. */
const INDICATORS: Indicator[] = [
  {
    ...common,
    code: "h1",
    name: "h1",
    domain: "health",
    level: "town",
    direction: "positive",
    method: "threshold",
    lower: 0,
    upper: 10,
    weight: 3,
  },
  {
    ...common,
    code: "h2",
    name: "h2",
    domain: "health",
    level: "town",
    direction: "positive",
    method: "target",
    target: 50,
  },
  {
    ...common,
    code: "s1",
    name: "s1",
    domain: "public_safety",
    level: "town",
    direction: "negative",
    method: "threshold",
    lower: 60,
    upper: 20,
  },
  {
    ...common,
    code: "d1",
    name: "d1",
    domain: "fiscal_input",
    level: "district",
    direction: "positive",
    method: "threshold",
    lower: 60,
    upper: 80,
  },
];

const v = (townCode: string, indicatorCode: string, value: number, year = 2024): IndicatorValue => ({
  townCode,
  indicatorCode,
  year,
  value,
});

// A: h1 5 → 50, h2 60 → 100, s1 30 → 75.  B: h1 12 → 100, h2 missing, s1 70 → 0.
const VALUES = [
  v("A", "h1", 5),
  v("A", "h2", 60),
  v("A", "s1", 30),
  v("B", "h1", 12),
  v("B", "s1", 70),
  v("district", "d1", 70),
  v("district", "h1", 8),
  v("A", "h1", 1, 2023),
];

describe("computeTownIndices", () => {
  it("equal weights: domain = mean of available indicators, composite = mean of domains", () => {
    const r = computeTownIndices({ indicators: INDICATORS, values: VALUES, year: 2024 });
    expect(r.towns.map((t) => t.townCode)).toEqual(["A", "B"]); // `district` is not a town
    const [a, b] = r.towns;
    expect(a?.indicatorScores).toEqual({ h1: 50, h2: 100, s1: 75 });
    expect(a?.domainIndices).toEqual({ health: 75, public_safety: 75 });
    expect(a?.composite).toBe(75);
    expect(b?.indicatorScores.h2).toBeNull();
    expect(b?.missingIndicators).toEqual(["h2"]);
    expect(b?.domainIndices.health).toBe(100); // renormalised over h1 only
    expect(b?.composite).toBe(50);
    expect(r.comparableAcrossYears).toBe(true);
    expect(Object.keys(r.indicatorWeights)).not.toContain("d1");
  });

  it("expert weights: catalogue weights and domain weights", () => {
    const r = computeTownIndices({
      indicators: INDICATORS,
      values: VALUES,
      year: 2024,
      weighting: { kind: "expert", domainWeights: { health: 2 } },
    });
    const [a, b] = r.towns;
    expect(a?.domainIndices.health).toBeCloseTo((3 * 50 + 1 * 100) / 4, 12); // 62.5
    expect(a?.composite).toBeCloseTo((2 * 62.5 + 1 * 75) / 3, 12);
    expect(b?.composite).toBeCloseTo((2 * 100 + 1 * 0) / 3, 12);
    const overridden = computeTownIndices({
      indicators: INDICATORS,
      values: VALUES,
      year: 2024,
      weighting: { kind: "expert", indicatorWeights: { h1: 1 } },
    });
    expect(overridden.towns[0]?.domainIndices.health).toBe(75);
  });

  it("an explicit town list keeps its order and reports towns without data as null", () => {
    const r = computeTownIndices({ indicators: INDICATORS, values: VALUES, year: 2024, towns: ["B", "C", "A"] });
    expect(r.towns.map((t) => t.townCode)).toEqual(["B", "C", "A"]);
    expect(r.towns[1]?.composite).toBeNull();
    expect(r.towns[1]?.domainIndices.health).toBeNull();
  });

  it("min–max indicators make the year relative", () => {
    const minmax = INDICATORS.map((i) => (i.code === "h1" ? { ...i, method: "minmax" as const } : i));
    const r = computeTownIndices({ indicators: minmax, values: VALUES, year: 2024 });
    expect(r.towns[0]?.indicatorScores.h1).toBe(0); // 5 is the lower of 5 and 12
    expect(r.towns[1]?.indicatorScores.h1).toBe(100);
    expect(r.comparableAcrossYears).toBe(false);
  });

  it("entropy weights: from min–max shares of the raw values; domain weight = sum of its indicators", () => {
    const values = [
      v("A", "h1", 2),
      v("B", "h1", 4),
      v("C", "h1", 9),
      v("A", "h2", 50),
      v("B", "h2", 50),
      v("C", "h2", 20),
      v("A", "s1", 40),
      v("B", "s1", 30),
      v("C", "s1", 55),
    ];
    const r = computeTownIndices({ indicators: INDICATORS, values, year: 2024, weighting: { kind: "entropy" } });
    // shares by hand: h1 (2,4,9) → (0, 2/7, 1); h2 (50,50,20) → (1,1,0); s1 negative (40,30,55) → (15/25, 1, 0)
    const expected = entropyWeights([
      [0, 2 / 7, 1],
      [1, 1, 0],
      [15 / 25, 1, 0],
    ]);
    expect(r.indicatorWeights.h1).toBeCloseTo(expected.weights[0] as number, 14);
    expect(r.indicatorWeights.h2).toBeCloseTo(expected.weights[1] as number, 14);
    expect(r.indicatorWeights.s1).toBeCloseTo(expected.weights[2] as number, 14);
    expect(r.domainWeights.health).toBeCloseTo((expected.weights[0] as number) + (expected.weights[1] as number), 14);
    expect(r.comparableAcrossYears).toBe(false);
    expect(r.entropy?.fellBackToEqual).toBe(false);
    // complete data: composite = Σ_j w_j·s_j over all indicators
    const a = r.towns[0];
    const direct =
      (expected.weights[0] as number) * 20 +
      (expected.weights[1] as number) * 100 +
      (expected.weights[2] as number) * 50;
    expect(a?.composite).toBeCloseTo(direct, 12);
  });

  it("duplicate values are an error", () => {
    expect(() =>
      computeTownIndices({ indicators: INDICATORS, values: [v("A", "h1", 1), v("A", "h1", 2)], year: 2024 }),
    ).toThrow(/duplicate/);
  });
});

describe("computeDistrictIndex", () => {
  it("uses every indicator's district value", () => {
    const r = computeDistrictIndex({ indicators: INDICATORS, values: VALUES, year: 2024 });
    expect(r.indicatorScores).toEqual({ h1: 80, h2: null, s1: null, d1: 50 });
    expect(r.domainIndices).toEqual({ health: 80, public_safety: null, fiscal_input: 50 });
    expect(r.composite).toBe(65);
    expect(r.missingIndicators).toEqual(["h2", "s1"]);
  });
  it("refuses entropy weights", () => {
    expect(() =>
      computeDistrictIndex({ indicators: INDICATORS, values: VALUES, year: 2024, weighting: { kind: "entropy" } }),
    ).toThrow();
  });
});
