import { describe, expect, it } from "vitest";
import { forecastTrend, studentTQuantileUpper, yearTargetReached } from "./forecast";

/** Reference figures from R 4.x: predict(lm(value ~ year), data.frame(year = …), interval = "prediction"). */
const R_CASES = [
  {
    years: [2022, 2023, 2024],
    values: [61.2, 63.5, 64.1],
    at: { 2030: [73.083333333336668, 28.262557582834908, 117.90410908383842] },
    slope: 1.4500000000005726,
    sigma: 0.69402209378915725,
  },
  {
    years: [2020, 2021, 2022, 2023, 2024, 2025, 2026],
    values: [4.8, 4.6, 4.7, 4.3, 4.1, 4.2, 3.9],
    at: {
      2027: [3.7857142857143913, 3.3764590988862979, 4.1949694725424846],
      2030: [3.346428571428703, 2.8147904887932045, 3.8780666540642015],
    },
    slope: -0.1464285714285542,
    sigma: 0.12159652250666962,
  },
  {
    years: [2021, 2022, 2023, 2024, 2025, 2026],
    values: [82.5, 84.1, 83.0, 86.2, 88.9, 87.4],
    at: {
      2026: [88.357142857141753, 83.690808743817072, 93.023476970466433],
      2030: [93.168571428570885, 86.015216688704342, 100.32192616843743],
    },
    slope: 1.2028571428572734,
    sigma: 1.3615117648093311,
  },
] as const;

describe("forecastTrend equals R's predict(lm(), interval = 'prediction')", () => {
  it.each(R_CASES.map((c, k) => [k, c] as const))("case %d", (_k, reference) => {
    const series = reference.years.map((year, k) => ({ year, value: reference.values[k] as number }));
    const endYear = 2030;
    const forecast = forecastTrend(series, endYear);
    if (!forecast) throw new Error("expected a forecast");
    expect(forecast.slope).toBeCloseTo(reference.slope, 9);
    expect(forecast.sigma).toBeCloseTo(reference.sigma, 9);
    for (const [year, [fit, low, high]] of Object.entries(reference.at)) {
      const point = forecast.path.find((p) => p.year === Number(year));
      expect(Math.abs((point?.fit ?? Number.NaN) - fit)).toBeLessThan(1e-9);
      expect(Math.abs((point?.low ?? Number.NaN) - low)).toBeLessThan(1e-9);
      expect(Math.abs((point?.high ?? Number.NaN) - high)).toBeLessThan(1e-9);
    }
    expect(forecast.projected).toEqual(forecast.path.at(-1));
  });

  it("t quantiles equal R's qt(0.975, df)", () => {
    expect(Math.abs(studentTQuantileUpper(0.025, 1) - 12.706204736174694)).toBeLessThan(1e-9);
    expect(Math.abs(studentTQuantileUpper(0.025, 5) - 2.5705818356363137)).toBeLessThan(1e-9);
  });

  it("gives no forecast with fewer than 3 years or a repeated year", () => {
    expect(
      forecastTrend(
        [
          { year: 2025, value: 1 },
          { year: 2026, value: 2 },
        ],
        2030,
      ),
    ).toBeNull();
    expect(
      forecastTrend(
        [
          { year: 2025, value: 1 },
          { year: 2025, value: 2 },
          { year: 2026, value: 2 },
        ],
        2030,
      ),
    ).toBeNull();
  });
});

describe("yearTargetReached", () => {
  const rising = forecastTrend(
    [
      { year: 2024, value: 80 },
      { year: 2025, value: 82 },
      { year: 2026, value: 84 },
    ],
    2030,
  );
  if (!rising) throw new Error("expected a forecast");
  it("names the first year the trend meets the target, by direction", () => {
    expect(yearTargetReached("positive", { kind: "value", value: 88 }, rising, 2026, 2030)).toBe(2028);
    expect(yearTargetReached("positive", { kind: "value", value: 84 }, rising, 2026, 2030)).toBe(2026);
    expect(yearTargetReached("negative", { kind: "value", value: 70 }, rising, 2026, 2030)).toBeNull();
    expect(yearTargetReached("interval", { kind: "band", low: 89, high: 95 }, rising, 2026, 2030)).toBe(2029);
  });
  it("says null when the trend will not reach it by the end year", () => {
    expect(yearTargetReached("positive", { kind: "value", value: 100 }, rising, 2026, 2030)).toBeNull();
  });
});
