import type { DomainCode } from "./domains";

/** positive: more is better; negative: less is better; interval: best inside a band [intervalLow, intervalHigh]. */
export type Direction = "positive" | "negative" | "interval";

/** Town indicators feed the town index; district indicators exist only for the district as a whole. */
export type IndicatorLevel = "town" | "district";

/**
 * How raw values become 0–100 scores (STATISTICS §4):
 * - threshold (阈值法/功效系数): 0 at `lower` (the worst value), 100 at `upper` (the best); for a negative
 *   indicator lower > upper. For an interval indicator: 100 inside [intervalLow, intervalHigh], falling
 *   linearly to 0 at `lower` below the band and at `upper` above it.
 * - target (目标值法): 100 once `target` is reached.
 * - minmax: relative to the other towns in the same year; not comparable across years.
 */
export type NormalisationMethod = "threshold" | "target" | "minmax";

/** Field names follow the `indicators` table so a row maps across directly. */
export interface Indicator {
  /** Stable code used in upload templates and stored values. */
  code: string;
  name: string;
  domain: DomainCode;
  level: IndicatorLevel;
  unit: string;
  direction: Direction;
  method: NormalisationMethod;
  lower?: number | null;
  upper?: number | null;
  target?: number | null;
  intervalLow?: number | null;
  intervalHigh?: number | null;
  /** Plausible range for upload validation; values outside are rejected as likely entry errors. */
  minValue?: number | null;
  maxValue?: number | null;
  /** Expert weight inside its domain (used by the "expert" weighting). */
  weight: number;
  /** Department that supplies the value (来源部门). */
  department: string;
}

/** One supplied value: a town (or `district`) × indicator × year. */
export interface IndicatorValue {
  townCode: string;
  indicatorCode: string;
  year: number;
  value: number;
}

/** Unit code under which district-level indicator values are stored. */
export const DISTRICT_UNIT_CODE = "district";

const isNumber = (v: number | null | undefined): v is number => typeof v === "number" && Number.isFinite(v);

/** Consistency problems in an indicator definition, in Chinese for the catalogue editor; empty when valid. */
export function indicatorDefinitionProblems(indicator: Indicator): string[] {
  const problems: string[] = [];
  const { lower, upper, target, intervalLow, intervalHigh, minValue, maxValue } = indicator;
  const label = `指标“${indicator.name}”（${indicator.code}）`;
  if (!isNumber(indicator.weight) || indicator.weight < 0) problems.push(`${label}的权重必须为非负数`);
  if (isNumber(minValue) && isNumber(maxValue) && !(minValue < maxValue)) {
    problems.push(`${label}的合理取值范围下限应小于上限`);
  }
  if (indicator.direction === "interval") {
    if (indicator.method !== "threshold") problems.push(`${label}为区间型指标，只能使用阈值法（区间两侧的零分点）`);
    else if (![lower, intervalLow, intervalHigh, upper].every(isNumber)) {
      problems.push(`${label}为区间型指标，须设置下阈值、最优区间上下界和上阈值`);
    } else if (
      !(
        (lower as number) < (intervalLow as number) &&
        (intervalLow as number) <= (intervalHigh as number) &&
        (intervalHigh as number) < (upper as number)
      )
    ) {
      problems.push(`${label}的区间设置应满足 下阈值 < 最优区间下界 ≤ 最优区间上界 < 上阈值`);
    }
    return problems;
  }
  switch (indicator.method) {
    case "threshold":
      if (!isNumber(lower) || !isNumber(upper)) problems.push(`${label}使用阈值法，须设置下阈值和上阈值`);
      else if (indicator.direction === "positive" && !(lower < upper)) {
        problems.push(`${label}为正向指标，下阈值（最差值）应小于上阈值（最好值）`);
      } else if (indicator.direction === "negative" && !(lower > upper)) {
        problems.push(`${label}为逆向指标，下阈值（最差值）应大于上阈值（最好值）`);
      }
      break;
    case "target":
      if (!isNumber(target) || target <= 0) problems.push(`${label}使用目标值法，目标值必须为正数`);
      break;
    case "minmax":
      break;
  }
  return problems;
}

/** Upload check for one value; a Chinese message for the department clerk, or null when acceptable. */
export function indicatorValueProblem(indicator: Indicator, value: number): string | null {
  if (!Number.isFinite(value)) return `“${indicator.name}”的取值必须为数字`;
  const { minValue, maxValue } = indicator;
  if ((isNumber(minValue) && value < minValue) || (isNumber(maxValue) && value > maxValue)) {
    const range = `${isNumber(minValue) ? minValue : "−∞"}～${isNumber(maxValue) ? maxValue : "+∞"}`;
    return `“${indicator.name}”的取值 ${value} 超出合理范围 ${range}（单位：${indicator.unit}），请核对`;
  }
  return null;
}
