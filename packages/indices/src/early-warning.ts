import type { Direction } from "./indicator";

/**
 * A plan target (规划目标值): a single value T for positive and negative indicators, a band [low, high] for
 * interval indicators (STATISTICS §8).
 */
export type PlanTarget = { kind: "value"; value: number } | { kind: "band"; low: number; high: number };

/** 达标 / 接近 / 未达标. */
export type WarningStatus = "met" | "near" | "missed";

/** Default tolerance of 接近: within 5 % of T short of it. */
export const NEAR_TOLERANCE = 0.05;

/**
 * How far a value falls short of its target on the indicator's own scale, 0 when it meets it:
 * positive T − x, negative x − T, interval the distance to the nearer edge of the band.
 */
export function shortfall(direction: Direction, target: PlanTarget, value: number): number {
  if (!Number.isFinite(value)) throw new RangeError("shortfall: value must be finite");
  if (target.kind === "band") {
    if (direction !== "interval") throw new Error("a target band is for interval indicators");
    return Math.max(0, target.low - value, value - target.high);
  }
  if (direction === "interval") throw new Error("an interval indicator needs a target band");
  return Math.max(0, direction === "positive" ? target.value - value : value - target.value);
}

/**
 * Status of one value against its plan target: 达标 when it meets T (inside the band); 接近 when it is short by at
 * most `tolerance`·|T| (for a band: `tolerance` times the edge it is outside of); 未达标 otherwise.
 */
export function warningStatus(
  direction: Direction,
  target: PlanTarget,
  value: number,
  tolerance = NEAR_TOLERANCE,
): WarningStatus {
  if (!(tolerance >= 0)) throw new RangeError("warningStatus: tolerance must be non-negative");
  const gap = shortfall(direction, target, value);
  if (gap === 0) return "met";
  const edge = target.kind === "value" ? target.value : value < target.low ? target.low : target.high;
  // A small epsilon keeps a value exactly on the tolerance edge (e.g. 95 against 100) 接近 despite rounding.
  return gap <= tolerance * Math.abs(edge) * (1 + 1e-12) ? "near" : "missed";
}

/**
 * 恶化: the value moved away from its target two years running — its shortfall grew from year t−2 to t−1 and
 * again from t−1 to t. `series` maps year → value; false when any of the three years is missing.
 */
export function isWorsening(
  direction: Direction,
  target: PlanTarget,
  series: ReadonlyMap<number, number>,
  year: number,
): boolean {
  const values = [year - 2, year - 1, year].map((y) => series.get(y));
  if (values.some((v) => v === undefined)) return false;
  const [before, last, now] = values.map((v) => shortfall(direction, target, v as number)) as [number, number, number];
  return last > before && now > last;
}
