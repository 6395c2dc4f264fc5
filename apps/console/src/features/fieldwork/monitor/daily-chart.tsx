import type { DailyCompletions } from "@survey/contract";
import { useMemo } from "react";
import { Chart, type ChartOption } from "../../../shared/chart/chart";
import { EmptyState } from "../../../shared/components/feedback";
import { monitorStrings } from "../strings";
import { fillDays } from "./daily-series";

const text = monitorStrings;

export function DailyChart({ daily }: { daily: DailyCompletions[] }) {
  const days = useMemo(() => fillDays(daily), [daily]);
  const option = useMemo<ChartOption>(() => {
    let running = 0;
    const cumulative = days.map((day) => {
      running += day.count;
      return running;
    });
    return {
      animation: false,
      grid: { left: 44, right: 44, top: 24, bottom: 28 },
      tooltip: { trigger: "axis" },
      xAxis: {
        type: "category",
        data: days.map((day) => day.date.slice(5)),
        axisTick: { alignWithLabel: true },
        axisLine: { lineStyle: { color: "#9aa6b8" } },
      },
      yAxis: [
        { type: "value", minInterval: 1, splitLine: { lineStyle: { color: "#eef1f5" } } },
        { type: "value", minInterval: 1, splitLine: { show: false } },
      ],
      series: [
        {
          name: text.dailySeries,
          type: "bar",
          data: days.map((day) => day.count),
          itemStyle: { color: "#2f6fb5", borderRadius: [3, 3, 0, 0] },
          barMaxWidth: 28,
        },
        {
          name: text.dailyCumulative,
          type: "line",
          yAxisIndex: 1,
          data: cumulative,
          symbol: "none",
          lineStyle: { color: "#c9782b", width: 2 },
        },
      ],
    };
  }, [days]);

  if (days.length === 0) return <EmptyState>{text.dailyEmpty}</EmptyState>;
  const total = days.reduce((sum, day) => sum + day.count, 0);
  return <Chart option={option} height={360} label={`${text.dailyTitle}：${days.length} 天共 ${total} 份`} />;
}
