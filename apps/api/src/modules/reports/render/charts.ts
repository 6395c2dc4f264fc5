/**
 * The report's chart types as ECharts options: estimates with confidence intervals, a labelled quadrant
 * scatter, and grouped bars with fill patterns. Markers differ by shape and lines by dash, so a grey print
 * still tells the series apart.
 */
import { type ChartImage, renderChart } from "./chart-image";

const INK = "#222222";
const GREY = "#777777";
const LIGHT = "#bbbbbb";

export interface IntervalRow {
  label: string;
  mean: number;
  low: number;
  high: number;
  /** Marker shape by group (e.g. tier): circle, triangle, diamond. */
  group?: "above" | "average" | "below";
}

const SYMBOLS = { above: "triangle", average: "circle", below: "diamond" } as const;
const GROUP_NAMES = { above: "高于全区", average: "与全区无显著差异", below: "低于全区" } as const;

/** Horizontal dot-and-whisker chart: one row per estimate, the CI as a capped line, optional reference line. */
export function intervalChart(
  rows: readonly IntervalRow[],
  options: { reference?: { value: number; label: string }; width?: number },
): ChartImage {
  const width = options.width ?? 620;
  const height = 80 + rows.length * 30;
  const labels = rows.map((row) => row.label);
  const low = Math.max(0, Math.floor(Math.min(...rows.map((row) => row.low)) / 5) * 5 - 5);
  const high = Math.min(100, Math.ceil(Math.max(...rows.map((row) => row.high)) / 5) * 5 + 5);
  const groups = [...new Set(rows.map((row) => row.group ?? "average"))];
  return renderChart(
    {
      grid: { left: 130, right: 40, top: 40, bottom: 30 },
      legend: rows.some((row) => row.group)
        ? { top: 4, data: groups.map((group) => ({ name: GROUP_NAMES[group], icon: SYMBOLS[group] })) }
        : undefined,
      xAxis: { type: "value", min: low, max: high, splitLine: { lineStyle: { color: "#e5e5e5" } } },
      yAxis: { type: "category", data: labels, inverse: true, axisLabel: { fontSize: 12 } },
      series: [
        {
          type: "custom",
          silent: true,
          renderItem: (_params: unknown, api: { value(i: number): number; coord(p: number[]): number[] }) => {
            const y = api.value(0);
            const [x1, yc] = api.coord([api.value(1), y]) as [number, number];
            const [x2] = api.coord([api.value(2), y]) as [number];
            const cap = 5;
            const style = { stroke: INK, lineWidth: 1.4 };
            return {
              type: "group",
              children: [
                { type: "line", shape: { x1, y1: yc, x2, y2: yc }, style },
                { type: "line", shape: { x1, y1: yc - cap, x2: x1, y2: yc + cap }, style },
                { type: "line", shape: { x1: x2, y1: yc - cap, x2, y2: yc + cap }, style },
              ],
            };
          },
          data: rows.map((row, i) => [i, row.low, row.high]),
          encode: { x: [1, 2], y: 0 },
          z: 1,
        },
        ...groups.map((group) => ({
          type: "scatter",
          name: rows.some((row) => row.group) ? GROUP_NAMES[group] : "得分",
          symbol: SYMBOLS[group],
          symbolSize: 11,
          itemStyle: { color: group === "below" ? "#ffffff" : INK, borderColor: INK, borderWidth: 1.5 },
          label: {
            show: true,
            position: "top",
            distance: 4,
            formatter: (p: { value: number[] }) => (p.value[0] ?? 0).toFixed(1),
            fontSize: 10,
            color: INK,
          },
          data: rows.flatMap((row, i) => ((row.group ?? "average") === group ? [[row.mean, i]] : [])),
          markLine:
            options.reference && group === groups[0]
              ? {
                  silent: true,
                  symbol: "none",
                  lineStyle: { type: "dashed", color: GREY, width: 1.2 },
                  label: { formatter: options.reference.label, position: "start", color: INK, fontSize: 10 },
                  data: [{ xAxis: options.reference.value }],
                }
              : undefined,
          z: 2,
        })),
      ],
    },
    width,
    height,
  );
}

export interface ScatterPoint {
  label: string;
  x: number;
  y: number;
  group: string;
}

/** A quadrant chart: points labelled with their names, dashed lines at the given splits, one shape per group. */
export function quadrantChart(
  points: readonly ScatterPoint[],
  options: { xName: string; yName: string; split: { x: number; y: number }; groups: readonly string[] },
): ChartImage {
  const shapes = ["circle", "triangle", "rect", "diamond"];
  const fills = [INK, "#ffffff", GREY, "#ffffff"];
  const pad = (values: number[]) => {
    const min = Math.min(...values);
    const max = Math.max(...values);
    const margin = (max - min) * 0.12 || 1;
    return { min: Number((min - margin).toPrecision(3)), max: Number((max + margin).toPrecision(3)) };
  };
  return renderChart(
    {
      grid: { left: 60, right: 30, top: 50, bottom: 50 },
      legend: { top: 4, data: options.groups.map((name, i) => ({ name, icon: shapes[i % shapes.length] })) },
      xAxis: {
        type: "value",
        name: options.xName,
        nameLocation: "middle",
        nameGap: 28,
        ...pad(points.map((p) => p.x)),
        splitLine: { show: false },
      },
      yAxis: {
        type: "value",
        name: options.yName,
        nameLocation: "middle",
        nameGap: 42,
        ...pad(points.map((p) => p.y)),
        splitLine: { show: false },
      },
      series: options.groups.map((name, g) => ({
        type: "scatter",
        name,
        symbol: shapes[g % shapes.length],
        symbolSize: 10,
        itemStyle: { color: fills[g % fills.length], borderColor: INK, borderWidth: 1.3 },
        label: {
          show: true,
          position: "right",
          formatter: (p: { data: { label: string } }) => p.data.label,
          fontSize: 10,
          color: INK,
        },
        labelLayout: { hideOverlap: true },
        data: points.filter((p) => p.group === name).map((p) => ({ value: [p.x, p.y], label: p.label })),
        markLine:
          g === 0
            ? {
                silent: true,
                symbol: "none",
                lineStyle: { type: "dashed", color: GREY },
                label: { show: false },
                data: [{ xAxis: options.split.x }, { yAxis: options.split.y }],
              }
            : undefined,
      })),
    },
    640,
    440,
  );
}

/** Grouped horizontal bars, one fill pattern per series (solid, hatched, dotted …), values printed at the bars. */
export function barChart(
  categories: readonly string[],
  series: readonly { name: string; values: readonly (number | null)[] }[],
  options: { max?: number; unit?: string } = {},
): ChartImage {
  const patterns = [
    { color: INK },
    {
      color: "#ffffff",
      decal: { symbol: "rect", dashArrayX: [1, 0], dashArrayY: [2, 3], rotation: Math.PI / 4, color: INK },
    },
    { color: LIGHT },
  ];
  const height = 70 + categories.length * (18 * series.length + 10);
  return renderChart(
    {
      aria: { enabled: true, decal: { show: true } },
      grid: { left: 150, right: 50, top: 36, bottom: 24 },
      legend: { top: 4 },
      xAxis: { type: "value", min: 0, max: options.max ?? 100, splitLine: { lineStyle: { color: "#e5e5e5" } } },
      yAxis: { type: "category", data: [...categories], inverse: true, axisLabel: { width: 140, overflow: "break" } },
      series: series.map((one, i) => ({
        type: "bar",
        name: one.name,
        barMaxWidth: 16,
        itemStyle: { ...(patterns[i % patterns.length] as object), borderColor: INK, borderWidth: 0.8 },
        label: {
          show: true,
          position: "right",
          fontSize: 10,
          color: INK,
          formatter: (p: { value: number | null }) =>
            p.value === null ? "" : `${p.value.toFixed(1)}${options.unit ?? ""}`,
        },
        data: [...one.values],
      })),
    },
    620,
    height,
  );
}
