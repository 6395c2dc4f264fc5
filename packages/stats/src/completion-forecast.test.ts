import { describe, expect, it } from "vitest";
import { forecastCompletion, studentTQuantile975 } from "./completion-forecast";

// Expected values from scipy: stats.t.ppf(0.975, df) and the interval formula in completion-forecast.ts.
describe("studentTQuantile975", () => {
  it.each([
    [1, 12.70620474],
    [5, 2.57058184],
    [29, 2.04522964],
  ])("t(0.975, %i) = %f", (df, expected) => {
    expect(studentTQuantile975(df)).toBeCloseTo(expected, 7);
  });
});

describe("forecastCompletion", () => {
  it("paces a town by its whole history, so one burst of imports does not promise the target", () => {
    // 叶榭镇: 30 on the first day, 80 imported on day 11, nothing else in 20 days; 10 days left.
    const counts = Array.from({ length: 20 }, (_, day) => (day === 0 ? 30 : day === 10 ? 80 : 0));
    const forecast = forecastCompletion({ completed: 110, target: 200, dailyCounts: counts, daysLeft: 10 });
    expect(forecast.perDay).toBeCloseTo(5.5, 12);
    expect(forecast.forecast).toBeCloseTo(165, 9);
    // scipy: 12.8337… and 317.166… before the caps (at least completed, at most the target).
    expect(forecast.low).toBe(110);
    expect(forecast.high).toBe(200);
    expect(forecast.likelihood).toBe("unlikely");
  });

  it("gives a 95 % prediction interval that agrees with scipy (Poisson floor on steady days)", () => {
    const forecast = forecastCompletion({
      completed: 50,
      target: 200,
      dailyCounts: [5, 6, 4, 5, 6, 5, 4, 5, 6, 4],
      daysLeft: 10,
    });
    expect(forecast.forecast).toBeCloseTo(100, 9);
    expect(forecast.low).toBeCloseTo(77.37842837201795, 6);
    expect(forecast.high).toBeCloseTo(122.62157162798205, 6);
    expect(forecast.likelihood).toBe("unlikely");
  });

  it("is likely when even the low bound reaches the target, uncertain when only the forecast does", () => {
    const steady = Array.from({ length: 10 }, () => 10);
    expect(forecastCompletion({ completed: 100, target: 200, dailyCounts: steady, daysLeft: 20 }).likelihood).toBe(
      "likely",
    );
    expect(forecastCompletion({ completed: 100, target: 200, dailyCounts: steady, daysLeft: 10.5 }).likelihood).toBe(
      "uncertain",
    );
  });

  it("is reached at the target, and unlikely when the communities lack the room whatever the pace", () => {
    const fast = Array.from({ length: 5 }, () => 40);
    expect(forecastCompletion({ completed: 200, target: 200, dailyCounts: fast, daysLeft: 3 }).likelihood).toBe(
      "reached",
    );
    const short = forecastCompletion({ completed: 150, target: 200, dailyCounts: fast, daysLeft: 10, ceiling: 180 });
    expect(short).toMatchObject({ forecast: 180, high: 180, likelihood: "unlikely", capacityShort: true });
  });

  it("forecasts what is done when no time is left, and uses 1.96 with one day of history", () => {
    const closed = forecastCompletion({ completed: 90, target: 200, dailyCounts: [90], daysLeft: 0 });
    expect(closed).toMatchObject({ forecast: 90, low: 90, high: 90, likelihood: "unlikely" });
    const firstDay = forecastCompletion({ completed: 4, target: 200, dailyCounts: [4], daysLeft: 1 });
    // 4 ± 1.959964·√(4 + 4) on top of the 4 done.
    expect(firstDay.high).toBeCloseTo(8 + 1.959963984540054 * Math.sqrt(8), 6);
    expect(() => forecastCompletion({ completed: 0, target: 200, dailyCounts: [], daysLeft: 1 })).toThrow(RangeError);
  });
});
