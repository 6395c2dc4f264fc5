import { describe, expect, it } from "vitest";
import { benchmarkDistricts } from "./benchmark";
import type { Indicator, IndicatorValue } from "./indicator";

const base = { level: "district", unit: "%", weight: 1, department: "区统计局" } as const;
const INDICATORS: Indicator[] = [
  {
    ...base,
    code: "pos",
    name: "正向",
    domain: "health",
    direction: "positive",
    method: "threshold",
    lower: 0,
    upper: 100,
  },
  {
    ...base,
    code: "neg",
    name: "逆向",
    domain: "health",
    direction: "negative",
    method: "threshold",
    lower: 10,
    upper: 0,
  },
  {
    ...base,
    code: "band",
    name: "区间",
    domain: "education",
    direction: "interval",
    method: "threshold",
    lower: 0,
    intervalLow: 40,
    intervalHigh: 60,
    upper: 100,
  },
];

const values = (rows: [string, string, number][]): IndicatorValue[] =>
  rows.map(([townCode, indicatorCode, value]) => ({ townCode, indicatorCode, value, year: 2026 }));

describe("benchmarkDistricts", () => {
  const result = benchmarkDistricts({
    indicators: INDICATORS,
    values: values([
      ["own", "pos", 70],
      ["a", "pos", 80],
      ["b", "pos", 60],
      ["own", "neg", 2],
      ["a", "neg", 5],
      ["b", "neg", 8],
      ["own", "band", 65],
      ["a", "band", 50],
      ["b", "band", 90],
    ]),
    year: 2026,
    ownCode: "own",
    siblings: ["a", "b"],
  });

  it("ranks each indicator by its direction and gives the gap to the siblings' mean", () => {
    expect(result.indicators.pos).toMatchObject({ own: 70, rank: 2, of: 3, othersMean: 70, gap: 0 });
    expect(result.indicators.neg).toMatchObject({ own: 2, rank: 1, othersMean: 6.5, gap: -4.5, ahead: true });
    expect(result.indicators.band).toMatchObject({ own: 65, rank: 2, othersMean: 70 });
  });

  it("normalises with the district's own thresholds for domain and composite positions", () => {
    // health: own (70 + 80)/2 = 75, a (80 + 50)/2 = 65, b (60 + 20)/2 = 40
    expect(result.domains.health?.scores).toEqual({ own: 75, a: 65, b: 40 });
    expect(result.domains.health).toMatchObject({ rank: 1, othersMean: 52.5, gap: 22.5, ahead: true });
    // education: own 100 − (65−60)/(100−60)·100 = 87.5, a 100, b 25
    expect(result.domains.education?.scores).toEqual({ own: 87.5, a: 100, b: 25 });
    expect(result.composite.scores.own).toBeCloseTo(81.25, 12);
    // a: (65 + 100)/2 = 82.5 is ahead of the district on the composite
    expect(result.composite).toMatchObject({ rank: 2, ahead: true });
  });
});
