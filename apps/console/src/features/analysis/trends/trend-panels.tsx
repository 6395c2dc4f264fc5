import type { Estimate, TrendPoint, TrendSeries } from "@survey/contract";
import { useMemo } from "react";
import { analysisColours, CHART_FONT } from "../../../shared/chart/analysis-charts";
import { Chart, type ChartOption } from "../../../shared/chart/chart";
import { formatScore, formatSigned } from "../../../shared/format";
import { strings } from "../../../shared/strings";
import { trendsStrings } from "../strings";

const text = trendsStrings;
const COLUMNS = 6;
const PANEL_HEIGHT = 150;

interface Panel {
  name: string;
  points: (Estimate | null)[];
  district: boolean;
}

/** Last change of a series and whether its 95 % CI excludes 0 (independent samples: Var = V₁ + V₂). */
function lastChange(points: (Estimate | null)[]): { difference: number; significant: boolean } | null {
  const present = points.filter((point): point is Estimate => point !== null);
  const last = present[present.length - 1];
  const before = present[present.length - 2];
  if (!last || !before) return null;
  const difference = last.mean - before.mean;
  return { difference, significant: Math.abs(difference) > 1.96 * Math.sqrt(last.se ** 2 + before.se ** 2) };
}

function aligned(series: TrendSeries, points: TrendPoint[]): (Estimate | null)[] {
  const byWave = new Map(points.map((point) => [point.waveId, point.estimate]));
  return series.waves.map((wave) => byWave.get(wave.id) ?? null);
}

/**
 * Small multiples: the district, then one panel per town, each with its 95 % CI band and the district
 * line for reference. The title carries the latest change, coloured when it is significant.
 */
export function TrendPanels({ series }: { series: TrendSeries }) {
  const option = useMemo<ChartOption>(() => {
    const labels = series.waves.map((wave) =>
      series.waves.filter((other) => other.year === wave.year).length > 1 ? wave.code : String(wave.year),
    );
    const district = aligned(series, series.district);
    const panels: Panel[] = [
      { name: strings.district, points: district, district: true },
      ...series.towns.map((town) => ({ name: town.name, points: aligned(series, town.points), district: false })),
    ];
    const estimates = panels.flatMap((panel) => panel.points).filter((point): point is Estimate => point !== null);
    const min = Math.floor(Math.min(...estimates.map((point) => point.ciLow)) / 5) * 5;
    const max = Math.ceil(Math.max(...estimates.map((point) => point.ciHigh)) / 5) * 5;
    const width = 100 / COLUMNS;

    const grids = panels.map((_, i) => ({
      left: `${(i % COLUMNS) * width + 2.6}%`,
      width: `${width - 3.6}%`,
      top: Math.floor(i / COLUMNS) * PANEL_HEIGHT + 34,
      height: PANEL_HEIGHT - 64,
    }));
    const titles = panels.map((panel, i) => {
      const change = lastChange(panel.points);
      const colour = !change?.significant
        ? analysisColours.average
        : change.difference > 0
          ? analysisColours.above
          : analysisColours.below;
      return {
        text: panel.name,
        subtext: change
          ? `${change.significant ? (change.difference > 0 ? "▲ " : "▼ ") : ""}${formatSigned(change.difference)}`
          : "",
        left: `${(i % COLUMNS) * width + 2.6}%`,
        top: Math.floor(i / COLUMNS) * PANEL_HEIGHT + 2,
        itemGap: 2,
        textStyle: { fontSize: 12, fontWeight: panel.district ? 700 : 600, color: analysisColours.district },
        subtextStyle: { fontSize: 11, color: colour, fontWeight: change?.significant ? 700 : 400 },
      };
    });
    const axisLabel = { fontSize: 10, color: "#6b778a" };
    const series_ = panels.flatMap((panel, i) => {
      const colour = panel.district ? analysisColours.district : analysisColours.primary;
      const lows = panel.points.map((point) => (point ? Number(point.ciLow.toFixed(2)) : null));
      const spans = panel.points.map((point) => (point ? Number((point.ciHigh - point.ciLow).toFixed(2)) : null));
      return [
        // The CI band: an invisible line at the lower bound with the interval's width stacked on it.
        {
          type: "line",
          xAxisIndex: i,
          yAxisIndex: i,
          stack: `band-${i}`,
          data: lows,
          symbol: "none",
          lineStyle: { opacity: 0 },
          silent: true,
        },
        {
          type: "line",
          xAxisIndex: i,
          yAxisIndex: i,
          stack: `band-${i}`,
          data: spans,
          symbol: "none",
          lineStyle: { opacity: 0 },
          areaStyle: {
            color: panel.district ? "rgba(15, 42, 74, 0.12)" : analysisColours.band.replace("0.08", "0.16"),
          },
          silent: true,
        },
        ...(panel.district
          ? []
          : [
              {
                type: "line",
                xAxisIndex: i,
                yAxisIndex: i,
                data: district.map((point) => (point ? Number(point.mean.toFixed(2)) : null)),
                symbol: "none",
                lineStyle: { color: "#9aa6b8", type: "dashed", width: 1 },
                silent: true,
              },
            ]),
        {
          type: "line",
          name: panel.name,
          xAxisIndex: i,
          yAxisIndex: i,
          data: panel.points.map((point) => (point ? Number(point.mean.toFixed(2)) : null)),
          symbolSize: 5,
          lineStyle: { color: colour, width: 2 },
          itemStyle: { color: colour },
          tooltip: {
            valueFormatter: (value: number) => formatScore(value),
          },
        },
      ];
    });
    return {
      animation: false,
      textStyle: { fontFamily: CHART_FONT },
      title: titles,
      tooltip: { trigger: "item" },
      grid: grids,
      xAxis: panels.map((_, i) => ({
        type: "category",
        gridIndex: i,
        data: labels,
        boundaryGap: false,
        axisTick: { show: false },
        axisLabel,
        axisLine: { lineStyle: { color: "#c8d0db" } },
      })),
      yAxis: panels.map((_, i) => ({
        type: "value",
        gridIndex: i,
        min,
        max,
        splitNumber: 2,
        axisLabel: { ...axisLabel, show: i % COLUMNS === 0 },
        splitLine: { lineStyle: { color: analysisColours.grid } },
      })),
      series: series_,
    };
  }, [series]);
  const rows = Math.ceil((series.towns.length + 1) / COLUMNS);
  return (
    <Chart
      option={option}
      height={rows * PANEL_HEIGHT + 10}
      label={text.panelsLabel(series.measure.label, series.waves.length, series.towns.length)}
    />
  );
}
