import type { DailyCompletions } from "@survey/contract";
import { useMemo } from "react";
import { Chart, type ChartOption } from "../../components/chart";
import { EmptyState } from "../../components/feedback";
import { strings } from "../../strings";

const text = strings.monitor;

/** Every day from the first to the last with a completion, so quiet days show as zero. */
function fillDays(daily: DailyCompletions[]): DailyCompletions[] {
  const sorted = [...daily].sort((a, b) => a.date.localeCompare(b.date));
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (!first || !last) return [];
  const counts = new Map(sorted.map((day) => [day.date, day.count]));
  const days: DailyCompletions[] = [];
  for (let day = new Date(`${first.date}T00:00:00Z`); ; day.setUTCDate(day.getUTCDate() + 1)) {
    const date = day.toISOString().slice(0, 10);
    days.push({ date, count: counts.get(date) ?? 0 });
    if (date >= last.date) break;
  }
  return days;
}

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
