import { studentTUpper } from "./distributions";
import type { PlanTarget } from "./early-warning";
import { shortfall } from "./early-warning";
import type { Direction } from "./indicator";

export interface YearValue {
  year: number;
  value: number;
}

/** A point of the trend line with its 95 % prediction interval. */
export interface ProjectedPoint {
  year: number;
  fit: number;
  low: number;
  high: number;
}

export interface TrendForecast {
  /** Fitted line value = intercept + slope · year. */
  intercept: number;
  slope: number;
  /** Residual standard error s (n − 2 degrees of freedom). */
  sigma: number;
  n: number;
  /** The projection at the end year. */
  projected: ProjectedPoint;
  /** Every year from the first observed one to the end year: the fitted line and the prediction interval. */
  path: ProjectedPoint[];
}

/** The least number of yearly values a forecast needs (STATISTICS §8). */
export const MIN_FORECAST_YEARS = 3;

/** Student's t quantile: the t with P(T > t) = p, found by bisection on the tail to full double precision. */
export function studentTQuantileUpper(p: number, df: number): number {
  if (!(p > 0 && p < 0.5)) throw new RangeError("studentTQuantileUpper: p must be in (0, 0.5)");
  let low = 0;
  let high = 1;
  while (studentTUpper(high, df) > p) high *= 2;
  for (let k = 0; k < 200; k += 1) {
    const middle = (low + high) / 2;
    if (middle === low || middle === high) break;
    if (studentTUpper(middle, df) > p) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

/**
 * Ordinary least squares of value on year and the 95 % prediction interval
 * fit ± t(0.975, n−2) · s · √(1 + 1/n + (x₀ − x̄)²/Sxx) — R's `predict(lm(value ~ year), newdata,
 * interval = "prediction")`. Null with fewer than 3 distinct years (no forecast).
 */
export function forecastTrend(series: readonly YearValue[], endYear: number, level = 0.95): TrendForecast | null {
  const points = [...series].sort((a, b) => a.year - b.year);
  const n = points.length;
  if (n < MIN_FORECAST_YEARS || new Set(points.map((p) => p.year)).size !== n) return null;
  if (points.some((p) => !Number.isFinite(p.value))) throw new RangeError("forecastTrend: values must be finite");
  // Centre the years so the sums stay small and exact (2026² would lose digits in the cross products).
  const meanYear = points.reduce((s, p) => s + p.year, 0) / n;
  const meanValue = points.reduce((s, p) => s + p.value, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.year - meanYear) ** 2;
    sxy += (p.year - meanYear) * (p.value - meanValue);
  }
  const slope = sxy / sxx;
  const centredIntercept = meanValue; // value at the mean year
  let rss = 0;
  for (const p of points) rss += (p.value - (centredIntercept + slope * (p.year - meanYear))) ** 2;
  const df = n - 2;
  const sigma = Math.sqrt(rss / df);
  const t = studentTQuantileUpper((1 - level) / 2, df);
  const at = (year: number): ProjectedPoint => {
    const dx = year - meanYear;
    const fit = centredIntercept + slope * dx;
    const half = t * sigma * Math.sqrt(1 + 1 / n + (dx * dx) / sxx);
    return { year, fit, low: fit - half, high: fit + half };
  };
  const first = points[0]?.year as number;
  const last = Math.max(endYear, points[n - 1]?.year as number);
  const path: ProjectedPoint[] = [];
  for (let year = first; year <= last; year += 1) path.push(at(year));
  return { intercept: meanValue - slope * meanYear, slope, sigma, n, projected: at(endYear), path };
}

/**
 * "Reaches T in year Y at the current pace": the first year from the last observed one up to the end year in
 * which the trend line meets the target (and, for a band, enters it); null when it does not by the end year.
 */
export function yearTargetReached(
  direction: Direction,
  target: PlanTarget,
  forecast: TrendForecast,
  lastObservedYear: number,
  endYear: number,
): number | null {
  for (let year = lastObservedYear; year <= endYear; year += 1) {
    const point = forecast.path.find((p) => p.year === year);
    if (point && shortfall(direction, target, point.fit) === 0) return year;
  }
  return null;
}
