/**
 * Charts for the Word documents: ECharts' server-side SVG rendering (no DOM) turned into PNG with resvg and the
 * machine's CJK fonts (Debian fonts-noto-cjk). Grey print stays legible: series differ by marker shape, line
 * style and fill pattern (ECharts' decals), never by colour alone. Runs in the report worker thread.
 */
import { Resvg } from "@resvg/resvg-js";
import * as echarts from "echarts";
import { CHART_FONT, chartFontFiles } from "./cjk-font";

export interface ChartImage {
  png: Buffer;
  /** Size in the document (pixels at 96 dpi, as docx's ImageRun takes them). */
  width: number;
  height: number;
}

/** Renders one ECharts option at width × height CSS pixels into a PNG at twice that resolution (for print). */
export function renderChart(option: echarts.EChartsCoreOption, width: number, height: number): ChartImage {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  chart.setOption({
    animation: false,
    backgroundColor: "#ffffff",
    textStyle: { fontFamily: CHART_FONT, fontSize: 12, color: "#222" },
    ...option,
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  const png = new Resvg(svg, {
    fitTo: { mode: "width", value: width * 2 },
    font: { fontFiles: chartFontFiles(), loadSystemFonts: false, defaultFontFamily: CHART_FONT },
    background: "#ffffff",
  })
    .render()
    .asPng();
  return { png, width, height };
}
