import type { IndicatorDefinition } from "@survey/contract";
import { indicatorsStrings } from "./strings";

const text = indicatorsStrings;

const number = (value: number | null) => (value === null ? "—" : value.toLocaleString("zh-CN"));

/** How the indicator becomes a 0–100 score, in a few words (e.g. "阈值 60 → 100"). */
export function normalisationSummary(indicator: IndicatorDefinition): string {
  if (indicator.direction === "interval" && indicator.intervalLow !== null && indicator.intervalHigh !== null) {
    return text.intervalSummary(number(indicator.intervalLow), number(indicator.intervalHigh));
  }
  switch (indicator.method) {
    case "threshold":
      return text.thresholdSummary(number(indicator.lower), number(indicator.upper));
    case "target":
      return text.targetSummary(number(indicator.target));
    case "minmax":
      return text.minmaxSummary;
  }
}
