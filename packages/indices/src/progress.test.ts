import { describe, expect, it } from "vitest";
import type { Indicator, IndicatorValue } from "./indicator";
import { computeProgress, progressIndex } from "./progress";

const common = { unit: "%", weight: 1, department: "区民政局", level: "town", direction: "positive" } as const;
const INDICATORS: Indicator[] = [
  { ...common, code: "a", name: "a", domain: "social_security", method: "threshold", lower: 0, upper: 100 },
  { ...common, code: "b", name: "b", domain: "community_building", method: "threshold", lower: 0, upper: 100 },
];
const v = (townCode: string, indicatorCode: string, year: number, value: number): IndicatorValue => ({
  townCode,
  indicatorCode,
  year,
  value,
});

describe("progressIndex", () => {
  it("(S_t / S_base − 1)·100", () => {
    expect(progressIndex(80, 84)).toBeCloseTo(5, 12);
    expect(progressIndex(80, 76)).toBeCloseTo(-5, 12);
    expect(progressIndex(0, 10)).toBeNull();
    expect(progressIndex(null, 10)).toBeNull();
  });
});

describe("computeProgress", () => {
  const values = [
    v("T1", "a", 2022, 70),
    v("T1", "b", 2022, 90),
    v("T1", "a", 2024, 78),
    v("T1", "b", 2024, 90),
    v("T2", "a", 2022, 60),
    v("T2", "a", 2024, 66),
    v("T2", "b", 2024, 50),
  ];

  it("composite and domain progress, with point change", () => {
    const [t1, t2] = computeProgress({ indicators: INDICATORS, values, baseYear: 2022, year: 2024 });
    // T1: base (70 + 90)/2 = 80, current (78 + 90)/2 = 84 → P = 5, +4 points
    expect(t1?.base).toBe(80);
    expect(t1?.current).toBe(84);
    expect(t1?.progressIndex).toBeCloseTo(5, 12);
    expect(t1?.pointChange).toBeCloseTo(4, 12);
    expect(t1?.domains.social_security?.progressIndex).toBeCloseTo((78 / 70 - 1) * 100, 12);
    expect(t1?.indicatorSetChanged).toEqual([]);
    // T2 had no b in the base year: flagged
    expect(t2?.base).toBe(60);
    expect(t2?.current).toBe(58);
    expect(t2?.indicatorSetChanged).toEqual(["b"]);
    expect(t2?.domains.community_building?.progressIndex).toBeNull();
  });

  it("refuses min–max indicators and entropy weights", () => {
    const relative = INDICATORS.map((i) => ({ ...i, method: "minmax" as const }));
    expect(() => computeProgress({ indicators: relative, values, baseYear: 2022, year: 2024 })).toThrow(/固定阈值/);
    expect(() =>
      computeProgress({ indicators: INDICATORS, values, baseYear: 2022, year: 2024, weighting: { kind: "entropy" } }),
    ).toThrow(/熵权/);
  });
});
