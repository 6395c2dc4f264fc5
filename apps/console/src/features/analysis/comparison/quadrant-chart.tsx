import type { ComparisonReport, Quadrant } from "@survey/contract";
import { useMemo } from "react";
import { analysisColours, CHART_FONT } from "../../../shared/chart/analysis-charts";
import { Chart, type ChartOption } from "../../../shared/chart/chart";
import { escapeHtml } from "../../../shared/chart/escape-html";
import { formatScore } from "../../../shared/format";
import { belowTargetStrings, comparisonStrings } from "../strings";
import { type Box, placeLabel } from "./label-placement";

const text = comparisonStrings;

export const QUADRANT_COLOURS: Record<Quadrant, string> = {
  strength: "#1e7a46",
  satisfaction_high_objective_low: "#2360a5",
  objective_high_satisfaction_low: "#c2581c",
  shared_weakness: "#b3261e",
};

const QUADRANT_TINTS: Record<Quadrant, string> = {
  strength: "rgba(30, 122, 70, 0.06)",
  satisfaction_high_objective_low: "rgba(35, 96, 165, 0.05)",
  objective_high_satisfaction_low: "rgba(194, 88, 28, 0.06)",
  shared_weakness: "rgba(179, 38, 30, 0.08)",
};

/** The server's label without its explanation in brackets, for the chart corners. */
export const shortLabel = (label: string) => label.split("（")[0] ?? label;

const CHART_HEIGHT = 540;
const GRID = { left: 56, right: 24, top: 20, bottom: 50 };
const SYMBOL_SIZE = 10;

/**
 * ECharts' label layout hook: every town's label takes a free spot (placeLabel) clear of the other labels and
 * of every town's point, inside the plot, so labels never overlap where towns cluster; one moved away from
 * its point gets a leader line. ECharts calls it for each label in data order on every layout; the first
 * label starts a fresh pass and, from its point's pixel position, finds where every other point is drawn
 * (the plot's height is fixed; its width follows from the first point).
 */
function spreadLabels(
  values: [number, number][],
  x: { min: number; max: number },
  y: { min: number; max: number },
  /** The quadrant names drawn in the plot's corners (12 px, 6 px in), clockwise from the top left. */
  corners: string[],
) {
  let taken: Box[] = [];
  let plot: Box | undefined;
  return (params: { dataIndex?: number; rect: Box; labelRect: Box }) => {
    if (params.dataIndex === undefined) return {};
    if (params.dataIndex === 0 || !plot) {
      const [x0 = x.min] = values[0] ?? [];
      const height = CHART_HEIGHT - GRID.top - GRID.bottom;
      const centre0 = params.rect.x + params.rect.width / 2;
      const share0 = (x0 - x.min) / (x.max - x.min);
      const width = share0 > 0 ? (centre0 - GRID.left) / share0 : 0;
      plot = { x: GRID.left, y: GRID.top, width, height };
      const frame = plot;
      taken = values.map(([vx, vy]) => ({
        x: frame.x + ((vx - x.min) / (x.max - x.min)) * frame.width - SYMBOL_SIZE / 2,
        y: frame.y + (1 - (vy - y.min) / (y.max - y.min)) * frame.height - SYMBOL_SIZE / 2,
        width: SYMBOL_SIZE,
        height: SYMBOL_SIZE,
      }));
      corners.forEach((name, k) => {
        const w = name.length * 12 + 4;
        const h = 18;
        const right = k === 1 || k === 2;
        const bottom = k >= 2;
        taken.push({
          x: right ? frame.x + frame.width - 6 - w : frame.x + 6,
          y: bottom ? frame.y + frame.height - 6 - h : frame.y + 6,
          width: w,
          height: h,
        });
      });
    }
    const bounds = plot.width > 0 ? plot : undefined;
    const { box, leader } = placeLabel(params.rect, params.labelRect.width, params.labelRect.height, taken, bounds);
    taken.push(box);
    const centre = [params.rect.x + params.rect.width / 2, params.rect.y + params.rect.height / 2];
    const end = [box.x < params.rect.x ? box.x + box.width : box.x, box.y + box.height / 2];
    return {
      x: box.x,
      y: box.y,
      align: "left" as const,
      verticalAlign: "top" as const,
      labelLinePoints: leader ? [centre, end] : [centre, centre],
    };
  };
}

const padded = (values: number[], mean: number) => {
  const low = Math.min(mean, ...values);
  const high = Math.max(mean, ...values);
  const pad = Math.max(2, (high - low) * 0.12);
  return { min: Math.floor((low - pad) / 5) * 5, max: Math.ceil((high + pad) / 5) * 5 };
};

/**
 * Satisfaction (y) against the objective index (x), split at the towns' means into four labelled
 * quadrants; each town is a labelled point coloured by its quadrant.
 */
export function QuadrantChart({ report }: { report: ComparisonReport }) {
  const option = useMemo<ChartOption>(() => {
    const quadrantOf = new Map(report.quadrants.map((entry) => [entry.townCode, entry.quadrant]));
    const below = new Set(report.belowTarget.map((town) => town.townCode));
    const points = report.towns.filter(
      (town): town is typeof town & { satisfaction: number; objective: number } =>
        town.satisfaction !== null && town.objective !== null,
    );
    const values = points.map((town): [number, number] => [
      Number(town.objective.toFixed(2)),
      Number(town.satisfaction.toFixed(2)),
    ]);
    const x = padded(
      points.map((town) => town.objective),
      report.means.objective,
    );
    const y = padded(
      points.map((town) => town.satisfaction),
      report.means.satisfaction,
    );
    const { satisfaction: my, objective: mx } = report.means;
    const area = (quadrant: Quadrant, x0: number, y0: number, x1: number, y1: number, position: string) => [
      {
        xAxis: x0,
        yAxis: y0,
        itemStyle: { color: QUADRANT_TINTS[quadrant] },
        label: {
          show: true,
          position,
          formatter: shortLabel(report.quadrantLabels[quadrant]),
          color: QUADRANT_COLOURS[quadrant],
          fontSize: 12,
          fontWeight: 600,
          distance: 6,
        },
      },
      { xAxis: x1, yAxis: y1 },
    ];
    return {
      animation: false,
      textStyle: { fontFamily: CHART_FONT },
      grid: GRID,
      tooltip: {
        trigger: "item",
        formatter: (params: { data: { name: string; value: [number, number]; quadrant: Quadrant } }) =>
          [
            `<b>${escapeHtml(params.data.name)}</b>`,
            `${text.satisfaction}：${formatScore(params.data.value[1])}`,
            `${text.objective}：${formatScore(params.data.value[0])}`,
            shortLabel(report.quadrantLabels[params.data.quadrant]),
          ].join("<br/>"),
      },
      xAxis: {
        type: "value",
        min: x.min,
        max: x.max,
        name: text.objectiveAxis(report.year),
        nameLocation: "middle",
        nameGap: 28,
        splitLine: { lineStyle: { color: analysisColours.grid } },
      },
      yAxis: {
        type: "value",
        min: y.min,
        max: y.max,
        name: text.satisfactionAxis,
        nameLocation: "middle",
        nameGap: 38,
        splitLine: { lineStyle: { color: analysisColours.grid } },
      },
      series: [
        {
          type: "scatter",
          symbolSize: SYMBOL_SIZE,
          data: points.map((town, index) => {
            const quadrant = quadrantOf.get(town.townCode) ?? "strength";
            return {
              name: below.has(town.townCode) ? `${town.townName}${belowTargetStrings.mark}` : town.townName,
              value: values[index],
              quadrant,
              itemStyle: { color: QUADRANT_COLOURS[quadrant], borderColor: "#fff", borderWidth: 1 },
            };
          }),
          label: {
            show: true,
            position: "right",
            formatter: "{b}",
            fontSize: 11,
            color: "#3d4a5c",
          },
          labelLayout: spreadLabels(
            values,
            x,
            y,
            (
              [
                "satisfaction_high_objective_low",
                "strength",
                "objective_high_satisfaction_low",
                "shared_weakness",
              ] as const
            ).map((quadrant) => shortLabel(report.quadrantLabels[quadrant])),
          ),
          labelLine: { show: true, lineStyle: { color: "#8a94a3", width: 1 } },
          markLine: {
            silent: true,
            symbol: "none",
            lineStyle: { color: "#6b778a", type: "dashed" },
            label: { fontSize: 11, color: "#6b778a" },
            data: [
              { xAxis: mx, label: { formatter: text.meanLine(formatScore(mx)), position: "end" } },
              { yAxis: my, label: { formatter: text.meanLine(formatScore(my)), position: "insideEndTop" } },
            ],
          },
          markArea: {
            silent: true,
            data: [
              area("strength", mx, my, x.max, y.max, "insideTopRight"),
              area("satisfaction_high_objective_low", x.min, my, mx, y.max, "insideTopLeft"),
              area("objective_high_satisfaction_low", mx, y.min, x.max, my, "insideBottomRight"),
              area("shared_weakness", x.min, y.min, mx, my, "insideBottomLeft"),
            ],
          },
        },
      ],
    };
  }, [report]);
  return <Chart option={option} height={CHART_HEIGHT} label={text.quadrantLabel(report.domain.name, report.n)} />;
}
