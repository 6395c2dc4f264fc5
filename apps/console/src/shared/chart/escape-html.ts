import { format } from "echarts/core";

/** ECharts tooltips render their string as HTML: names typed or imported by people go through this first. */
export const escapeHtml = (text: string): string => format.encodeHTML(text);
