import type { IndicatorForecast } from "@survey/contract";
import { useMemo } from "react";
import { analysisColours, CHART_FONT } from "../../shared/chart/analysis-charts";
import { Chart, type ChartOption } from "../../shared/chart/chart";
import { indicatorSystemStrings } from "./strings";

const text = indicatorSystemStrings;
const round = (value: number) => Number(value.toFixed(3));
const BAND_COLOUR = "rgba(35, 96, 165, 0.18)";

/**
 * One indicator's history, its trend line and the 95 % prediction band from the last observed year to the plan's
 * end year, with the plan target as a line (two lines for a band).
 */
export function ForecastChart({ forecast }: { forecast: IndicatorForecast }) {
  const option = useMemo<ChartOption>(() => {
    const first = forecast.history[0]?.year ?? forecast.endYear;
    const last = forecast.history.at(-1)?.year ?? forecast.endYear;
    const years = Array.from({ length: Math.max(forecast.endYear, last) - first + 1 }, (_, k) => first + k);
    const history = new Map(forecast.history.map((point) => [point.year, point.value]));
    const path = new Map(forecast.path.map((point) => [point.year, point]));
    const projected = (year: number) => (year >= last ? path.get(year) : undefined);
    const targets: { name: string; value: number }[] =
      forecast.target !== null
        ? [{ name: text.targetLine, value: forecast.target }]
        : forecast.targetLow !== null && forecast.targetHigh !== null
          ? [
              { name: `${text.targetLine}（下限）`, value: forecast.targetLow },
              { name: `${text.targetLine}（上限）`, value: forecast.targetHigh },
            ]
          : [];
    return {
      animation: false,
      textStyle: { fontFamily: CHART_FONT },
      grid: { left: 8, right: 24, top: 36, bottom: 24, containLabel: true },
      legend: { top: 0, right: 8, data: [text.history, text.fit, text.band, ...targets.map((target) => target.name)] },
      tooltip: {
        trigger: "axis",
        formatter: (params: { dataIndex: number }[]) => {
          const year = years[params[0]?.dataIndex ?? -1];
          if (year === undefined) return "";
          const lines = [`<b>${year}年</b>`];
          const observed = history.get(year);
          if (observed !== undefined) lines.push(`${text.history}：${observed}${forecast.unit}`);
          const point = path.get(year);
          if (point) lines.push(`${text.fit}：${round(point.fit)}`);
          const band = projected(year);
          if (band) lines.push(`${text.band}：${round(band.low)}～${round(band.high)}`);
          for (const target of targets) lines.push(`${target.name}：${target.value}`);
          return lines.join("<br/>");
        },
      },
      xAxis: { type: "category", data: years.map(String), boundaryGap: false },
      yAxis: {
        type: "value",
        scale: true,
        name: forecast.unit,
        splitLine: { lineStyle: { color: analysisColours.grid } },
      },
      series: [
        {
          name: `${text.band}下限`,
          type: "line",
          stack: "band",
          symbol: "none",
          silent: true,
          lineStyle: { opacity: 0 },
          tooltip: { show: false },
          data: years.map((year) => {
            const point = projected(year);
            return point ? round(point.low) : null;
          }),
        },
        {
          name: text.band,
          type: "line",
          stack: "band",
          symbol: "none",
          silent: true,
          lineStyle: { opacity: 0 },
          areaStyle: { color: BAND_COLOUR },
          itemStyle: { color: BAND_COLOUR },
          data: years.map((year) => {
            const point = projected(year);
            return point ? round(point.high - point.low) : null;
          }),
        },
        {
          name: text.fit,
          type: "line",
          symbol: "none",
          lineStyle: { type: "dashed", color: analysisColours.primary, width: 2 },
          itemStyle: { color: analysisColours.primary },
          data: years.map((year) => {
            const point = path.get(year);
            return point ? round(point.fit) : null;
          }),
        },
        {
          name: text.history,
          type: "line",
          symbolSize: 8,
          lineStyle: { color: analysisColours.district, width: 2 },
          itemStyle: { color: analysisColours.district },
          data: years.map((year) => history.get(year) ?? null),
        },
        ...targets.map((target) => ({
          name: target.name,
          type: "line" as const,
          symbol: "none",
          lineStyle: { type: "dotted" as const, color: analysisColours.below, width: 2 },
          itemStyle: { color: analysisColours.below },
          data: years.map(() => target.value),
        })),
      ],
    };
  }, [forecast]);
  return (
    <Chart
      option={option}
      height={320}
      label={text.forecastChartLabel(forecast.indicatorName, forecast.townName, forecast.summary)}
    />
  );
}
