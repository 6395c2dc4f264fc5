import { describe, expect, it } from "vitest";
import type { Indicator } from "./indicator";
import { minMaxShares, normalize, normalizeMinMax } from "./normalize";

const base: Indicator = {
  code: "x",
  name: "测试指标",
  domain: "health",
  level: "town",
  unit: "%",
  direction: "positive",
  method: "threshold",
  weight: 1,
  department: "区卫健委",
};

describe("threshold method", () => {
  const positive: Indicator = { ...base, lower: 60, upper: 100 };
  it("positive: (x − L)/(U − L)·100, clamped", () => {
    expect(normalize(positive, 60)).toBe(0);
    expect(normalize(positive, 85)).toBeCloseTo(62.5, 12); // 25/40
    expect(normalize(positive, 100)).toBe(100);
    expect(normalize(positive, 40)).toBe(0);
    expect(normalize(positive, 120)).toBe(100);
  });

  const negative: Indicator = { ...base, direction: "negative", lower: 60, upper: 15 };
  it("negative: L is the worst value (L > U), smaller is better", () => {
    expect(normalize(negative, 60)).toBe(0);
    expect(normalize(negative, 15)).toBe(100);
    expect(normalize(negative, 30)).toBeCloseTo(((30 - 60) / (15 - 60)) * 100, 12); // 66.67
    expect(normalize(negative, 80)).toBe(0);
    expect(normalize(negative, 5)).toBe(100);
  });

  it("missing thresholds are an error", () => {
    expect(() => normalize({ ...base }, 3)).toThrow(/lower/);
  });
});

describe("target method", () => {
  it("positive: min(x/T, 1)·100", () => {
    const ind: Indicator = { ...base, method: "target", target: 40 };
    expect(normalize(ind, 30)).toBeCloseTo(75, 12);
    expect(normalize(ind, 40)).toBe(100);
    expect(normalize(ind, 55)).toBe(100);
    expect(normalize(ind, 0)).toBe(0);
    expect(normalize(ind, -3)).toBe(0);
  });

  it("negative: min(T/x, 1)·100; zero incidents score 100", () => {
    const ind: Indicator = { ...base, direction: "negative", method: "target", target: 1 };
    expect(normalize(ind, 4)).toBeCloseTo(25, 12);
    expect(normalize(ind, 1)).toBe(100);
    expect(normalize(ind, 0.5)).toBe(100);
    expect(normalize(ind, 0)).toBe(100);
  });
});

describe("interval indicators", () => {
  // 100 inside [70, 90], 0 at 40 below and at 100 above, linear between.
  const ind: Indicator = { ...base, direction: "interval", lower: 40, intervalLow: 70, intervalHigh: 90, upper: 100 };
  it("100 inside the band, linear fall-off to 0 at the outer thresholds", () => {
    expect(normalize(ind, 70)).toBe(100);
    expect(normalize(ind, 80)).toBe(100);
    expect(normalize(ind, 90)).toBe(100);
    expect(normalize(ind, 55)).toBeCloseTo(50, 12); // (55 − 40)/(70 − 40)
    expect(normalize(ind, 95)).toBeCloseTo(50, 12); // (100 − 95)/(100 − 90)
    expect(normalize(ind, 40)).toBe(0);
    expect(normalize(ind, 30)).toBe(0);
    expect(normalize(ind, 100)).toBe(0);
  });
  it("needs the threshold method", () => {
    expect(() => normalize({ ...ind, method: "target", target: 80 }, 80)).toThrow();
  });
});

describe("min–max across towns", () => {
  it("is refused by the single-value normalize", () => {
    expect(() => normalize({ ...base, method: "minmax" }, 3)).toThrow(/normalizeMinMax/);
  });
  it("positive: best town 100, worst 0", () => {
    expect(normalizeMinMax({ ...base, method: "minmax" }, [10, 20, 30, 15])).toEqual([0, 50, 100, 25]);
  });
  it("negative: smallest value 100", () => {
    expect(normalizeMinMax({ ...base, direction: "negative", method: "minmax" }, [10, 20, 30])).toEqual([100, 50, 0]);
  });
  it("no spread: everyone 100", () => {
    expect(normalizeMinMax({ ...base, method: "minmax" }, [7, 7, 7])).toEqual([100, 100, 100]);
    expect(minMaxShares([], "positive")).toEqual([]);
  });
  it("not defined for interval indicators", () => {
    expect(() => normalizeMinMax({ ...base, direction: "interval", method: "minmax" }, [1, 2])).toThrow();
  });
});

it("rejects non-finite values", () => {
  expect(() => normalize({ ...base, lower: 0, upper: 1 }, Number.NaN)).toThrow(RangeError);
});
