import { CustomChart, ScatterChart } from "echarts/charts";
import { LegendComponent, MarkAreaComponent, MarkLineComponent, TitleComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { LabelLayout } from "echarts/features";

// The analysis pages draw CI bars (custom series), scatter plots and reference lines beyond what the
// console's Chart component registers; registering is global and idempotent.
echarts.use([
  CustomChart,
  ScatterChart,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TitleComponent,
  LabelLayout,
]);

/** Colours shared by the analysis charts, matching the console's tokens. */
export const analysisColours = {
  above: "#1e7a46",
  average: "#6b778a",
  below: "#b3261e",
  district: "#0f2a4a",
  primary: "#2360a5",
  secondary: "#d98a1f",
  band: "rgba(35, 96, 165, 0.08)",
  grid: "#eef1f5",
} as const;

export const CHART_FONT =
  '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Helvetica Neue", Arial, sans-serif';
