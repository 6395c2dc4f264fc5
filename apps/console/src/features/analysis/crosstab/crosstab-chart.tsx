import type { CrosstabResult } from "@survey/contract";
import { useMemo } from "react";
import { CHART_FONT } from "../../../shared/chart/analysis-charts";
import { Chart, type ChartOption } from "../../../shared/chart/chart";
import { crosstabStrings } from "../strings";

const text = crosstabStrings;
/** Distinct colours for unordered categories (towns, sex, …). */
const CATEGORICAL = ["#2f6fb5", "#d98a1f", "#1e7a46", "#8e44ad", "#4aa3a8", "#b3261e", "#8c6d46", "#c2185b", "#6b778a"];
/** Low → high satisfaction: warm to cool, so the eye reads "dissatisfied" as red. */
const DIVERGING = ["#b3261e", "#e07b39", "#f2c46d", "#a9c8e8", "#5b8fcc", "#1c4574"];

const MISSING_GREYS = ["#aab4c3", "#d3d9e2"];

/** k colours spread over the diverging scale (k = 4 → both ends and two steps between). */
function divergingColours(k: number): string[] {
  if (k <= 1) return [DIVERGING[DIVERGING.length - 1] ?? "#1c4574"];
  return Array.from(
    { length: k },
    (_, i) => DIVERGING[Math.round((i * (DIVERGING.length - 1)) / (k - 1))] ?? "#6b778a",
  );
}

/**
 * Colours of the stacked categories: a satisfaction scale (score bands, or an item's codes 1–5 with
 * "don't know" and "not applicable" in grey) runs warm to cool; anything else gets distinct colours.
 */
export function stackColours(categories: { value: string }[], kind: "bands" | "codes" | "other"): string[] {
  if (kind === "bands") return divergingColours(categories.length);
  if (kind === "other") return CATEGORICAL;
  const scale = categories.filter((category) => /^[1-5]$/.test(category.value)).length;
  const warmToCool = divergingColours(scale);
  let next = 0;
  let grey = 0;
  return categories.map((category) =>
    /^[1-5]$/.test(category.value)
      ? (warmToCool[next++] ?? "#6b778a")
      : (MISSING_GREYS[grey++ % MISSING_GREYS.length] ?? "#d3d9e2"),
  );
}

/** 100 % stacked bars of the percentages shown in the table (rows as bars for row %, columns for column %). */
export function CrosstabChart({ result, colours }: { result: CrosstabResult; colours: string[] }) {
  const option = useMemo<ChartOption>(() => {
    const byRow = result.percent === "row";
    const bars = byRow ? result.rows : result.columns;
    const parts = byRow ? result.columns : result.rows;
    const value = (bar: number, part: number) =>
      (byRow ? result.cells[bar]?.[part] : result.cells[part]?.[bar])?.percent ?? 0;
    return {
      animation: false,
      textStyle: { fontFamily: CHART_FONT },
      color: colours,
      legend: { top: 0, type: "scroll" },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter: (v: number) => `${v.toFixed(1)}%` },
      xAxis: {
        type: "value",
        max: 100,
        axisLabel: { formatter: "{value}%" },
        splitLine: { lineStyle: { color: "#eef1f5" } },
      },
      yAxis: { type: "category", inverse: true, data: bars.map((bar) => bar.label), axisTick: { show: false } },
      series: parts.map((part, j) => ({
        type: "bar",
        name: part.label,
        stack: "total",
        barMaxWidth: 26,
        data: bars.map((_, i) => Number(value(i, j).toFixed(2))),
      })),
    };
  }, [result, colours]);
  const bars = result.percent === "row" ? result.rows.length : result.columns.length;
  return (
    <Chart
      option={option}
      height={Math.max(180, bars * 30 + 70)}
      label={text.chartLabel(result.row.label, result.column.label)}
    />
  );
}
