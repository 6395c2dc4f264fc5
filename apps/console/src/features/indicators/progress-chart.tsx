import type { IndicatorIndexReport } from "@survey/contract";
import { useMemo } from "react";
import { analysisColours, CHART_FONT } from "../../shared/chart/analysis-charts";
import { Chart, type ChartOption } from "../../shared/chart/chart";
import { escapeHtml } from "../../shared/chart/escape-html";
import { formatScore, formatSigned } from "../../shared/format";
import { strings } from "../../shared/strings";
import { indicatorsStrings } from "./strings";

const text = indicatorsStrings;

/** Composite progress index per town against the base year, best first, with the district's as a line. */
export function ProgressChart({ report }: { report: IndicatorIndexReport }) {
  const rows = useMemo(
    () =>
      report.towns
        .filter((town) => town.progress?.composite.progressIndex != null)
        .sort((a, b) => (a.progress?.composite.progressIndex ?? 0) - (b.progress?.composite.progressIndex ?? 0)),
    [report],
  );
  const option = useMemo<ChartOption>(() => {
    const district = report.district?.progress?.progressIndex ?? null;
    return {
      animation: false,
      textStyle: { fontFamily: CHART_FONT },
      grid: { left: 8, right: 56, top: 24, bottom: 24, containLabel: true },
      tooltip: {
        trigger: "axis",
        axisPointer: { type: "shadow" },
        formatter: (params: { dataIndex: number }[]) => {
          const town = rows[params[0]?.dataIndex ?? -1];
          const progress = town?.progress?.composite;
          if (!town || !progress) return "";
          return [
            `<b>${escapeHtml(town.townName)}</b>`,
            text.progressTooltip(
              report.baseYear ?? 0,
              formatScore(progress.base),
              report.year,
              formatScore(progress.current),
            ),
            `${text.progressIndex}：${formatSigned(progress.progressIndex)}%（${formatSigned(progress.pointChange)} ${text.points}）`,
          ].join("<br/>");
        },
      },
      xAxis: {
        type: "value",
        axisLabel: { formatter: "{value}%" },
        splitLine: { lineStyle: { color: analysisColours.grid } },
      },
      yAxis: { type: "category", data: rows.map((town) => town.townName), axisTick: { show: false } },
      series: [
        {
          type: "bar",
          barMaxWidth: 16,
          data: rows.map((town) => {
            const value = town.progress?.composite.progressIndex ?? 0;
            return {
              value: Number(value.toFixed(2)),
              itemStyle: { color: value >= 0 ? analysisColours.primary : analysisColours.below, borderRadius: 2 },
            };
          }),
          label: {
            show: true,
            position: "right",
            formatter: (params: { value: number }) => `${formatSigned(params.value)}%`,
            fontSize: 11,
          },
          markLine:
            district === null
              ? undefined
              : {
                  silent: true,
                  symbol: "none",
                  label: {
                    formatter: `${strings.district} ${formatSigned(district)}%`,
                    color: analysisColours.district,
                  },
                  lineStyle: { color: analysisColours.district, type: "dashed" },
                  data: [{ xAxis: district }],
                },
        },
      ],
    };
  }, [rows, report]);
  return (
    <Chart
      option={option}
      height={Math.max(260, rows.length * 24 + 60)}
      label={text.progressChartLabel(report.baseYear ?? 0, report.year, rows.length)}
    />
  );
}
