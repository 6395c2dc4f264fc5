import type { CustomSeriesRenderItemAPI, CustomSeriesRenderItemParams, CustomSeriesRenderItemReturn } from "echarts";

/** One horizontal confidence interval per category row: [category index, low, high, colour]. */
export type CiBarDatum = [number, number, number, string];

/**
 * A custom series drawing each row's 95 % CI as a horizontal bar with end caps, on a category y-axis.
 * The point estimate is drawn by a scatter series over it.
 */
export function ciBarSeries(data: CiBarDatum[], name: string) {
  return {
    type: "custom" as const,
    name,
    data,
    encode: { x: [1, 2], y: 0 },
    z: 2,
    silent: true,
    renderItem: (
      _params: CustomSeriesRenderItemParams,
      api: CustomSeriesRenderItemAPI,
    ): CustomSeriesRenderItemReturn => {
      const row = api.value(0);
      const low = api.coord([api.value(1), row]);
      const high = api.coord([api.value(2), row]);
      const size = api.size?.([0, 1]);
      const bandHeight = Array.isArray(size) ? (size[1] ?? 20) : 20;
      const cap = Math.min(7, bandHeight * 0.28);
      const colour = String(api.value(3));
      const [x1 = 0, y = 0] = low ?? [];
      const [x2 = 0] = high ?? [];
      const style = { stroke: colour, lineWidth: 2 };
      return {
        type: "group",
        children: [
          { type: "line", shape: { x1, y1: y, x2, y2: y }, style },
          { type: "line", shape: { x1, y1: y - cap, x2: x1, y2: y + cap }, style },
          { type: "line", shape: { x1: x2, y1: y - cap, x2, y2: y + cap }, style },
        ],
      };
    },
  };
}
