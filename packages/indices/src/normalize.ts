import type { Indicator } from "./indicator";

const clamp01 = (v: number): number => Math.min(1, Math.max(0, v));

function required(indicator: Indicator, field: "lower" | "upper" | "target" | "intervalLow" | "intervalHigh"): number {
  const v = indicator[field];
  if (typeof v !== "number" || !Number.isFinite(v)) {
    throw new Error(`indicator ${indicator.code}: ${indicator.method} normalisation needs "${field}"`);
  }
  return v;
}

/**
 * Score one value on 0–100 with a fixed method (threshold or target), STATISTICS §4.
 * Min–max needs the other towns' values: use `normalizeMinMax`.
 */
export function normalize(indicator: Indicator, value: number): number {
  if (!Number.isFinite(value)) throw new RangeError(`indicator ${indicator.code}: value must be finite`);
  if (indicator.method === "minmax") {
    throw new Error(`indicator ${indicator.code}: min–max normalisation needs all towns' values (normalizeMinMax)`);
  }
  if (indicator.direction === "interval") {
    if (indicator.method !== "threshold") {
      throw new Error(`indicator ${indicator.code}: interval indicators use the threshold method`);
    }
    const lower = required(indicator, "lower");
    const upper = required(indicator, "upper");
    const low = required(indicator, "intervalLow");
    const high = required(indicator, "intervalHigh");
    if (value < low) return clamp01((value - lower) / (low - lower)) * 100;
    if (value > high) return clamp01((upper - value) / (upper - high)) * 100;
    return 100;
  }
  if (indicator.method === "threshold") {
    const lower = required(indicator, "lower");
    const upper = required(indicator, "upper");
    // One formula for both directions: a negative indicator has lower > upper, so smaller values score higher.
    return clamp01((value - lower) / (upper - lower)) * 100;
  }
  const target = required(indicator, "target");
  if (indicator.direction === "negative") {
    // Zero or below (e.g. no incidents at all) already beats any positive target.
    return value <= 0 ? 100 : Math.min(target / value, 1) * 100;
  }
  return clamp01(value / target) * 100;
}

/**
 * Min–max scores across one year's towns: the best town 100, the worst 0, by direction.
 * When every town has the same value there is no spread to rank, so all get 100 (nobody is behind).
 * Interval indicators have no min–max form: their best is a band, not an end of the range.
 */
export function normalizeMinMax(indicator: Indicator, values: readonly number[]): number[] {
  if (indicator.direction === "interval") {
    throw new Error(`indicator ${indicator.code}: min–max normalisation is not defined for interval indicators`);
  }
  return minMaxShares(values, indicator.direction).map((r) => r * 100);
}

/** r ∈ [0, 1] by direction; used for min–max scores and for entropy weights. */
export function minMaxShares(values: readonly number[], direction: "positive" | "negative"): number[] {
  if (values.some((v) => !Number.isFinite(v))) throw new RangeError("min–max: values must be finite");
  if (values.length === 0) return [];
  const min = Math.min(...values);
  const max = Math.max(...values);
  if (max === min) return values.map(() => 1);
  return values.map((v) => (direction === "positive" ? (v - min) / (max - min) : (max - v) / (max - min)));
}
