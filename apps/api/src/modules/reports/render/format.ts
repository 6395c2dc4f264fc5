/**
 * How figures are written in the report: scores and percents to one decimal, CIs as "[a, b]", importance to
 * three decimals, changes with their sign. The tests read the documents with the same rules.
 */
import type { Estimate, EstimateChange, TownTier } from "@survey/contract";

export const score = (value: number | null | undefined) => (typeof value === "number" ? value.toFixed(1) : "—");
export const ci = (estimate: Pick<Estimate, "ciLow" | "ciHigh">) =>
  `[${estimate.ciLow.toFixed(1)}, ${estimate.ciHigh.toFixed(1)}]`;
export const percent = (value: number | null | undefined) => (typeof value === "number" ? `${value.toFixed(1)}%` : "—");
export const signed = (value: number) => `${value > 0 ? "+" : value < 0 ? "−" : "±"}${Math.abs(value).toFixed(1)}`;
export const importance = (value: number | null) => (value === null ? "—" : value.toFixed(3));

export const change = (value: EstimateChange | undefined) =>
  value ? `${signed(value.difference)}${value.significant ? "（显著）" : "（不显著）"}` : "—";

export const TIER_LABELS: Record<TownTier, string> = {
  above: "第一档（显著高于全区）",
  average: "第二档（与全区无显著差异）",
  below: "第三档（显著低于全区）",
};
export const TIER_SHORT: Record<TownTier, string> = { above: "高于全区", average: "持平", below: "低于全区" };

/** The mark after a town's name wherever it appears when its counted responses fell short of the target. */
export const BELOW_TARGET_MARK = "†";
export const BELOW_TARGET_NOTE = "† 该街镇有效答卷未达到目标样本量，结果的抽样误差较大，解读时请注意。";

export const list = (names: readonly string[]) => (names.length === 0 ? "无" : names.join("、"));

export const dateText = (iso: string) => {
  const date = new Date(iso);
  // The office works in Beijing time (UTC+8).
  const beijing = new Date(date.getTime() + 8 * 3600 * 1000);
  return `${beijing.getUTCFullYear()}年${beijing.getUTCMonth() + 1}月${beijing.getUTCDate()}日`;
};
