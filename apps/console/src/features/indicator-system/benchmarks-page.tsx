import type { BenchmarkReport } from "@survey/contract";
import { useMemo } from "react";
import { analysisColours, CHART_FONT } from "../../shared/chart/analysis-charts";
import { Chart, type ChartOption } from "../../shared/chart/chart";
import { DataTable } from "../../shared/components/data-table";
import { EmptyState, Notice } from "../../shared/components/feedback";
import { UploadCard } from "../../shared/components/file-upload";
import { Card, PageHeader } from "../../shared/components/page";
import { QueryState } from "../../shared/components/query-state";
import { useBenchmarks, useImportBenchmarks } from "./api";
import "./indicator-system.css";
import { indicatorSystemStrings } from "./strings";
import { useSearchSettings } from "./year-choices";
import { YearPicker } from "./year-picker";

const text = indicatorSystemStrings;
type Position = BenchmarkReport["composite"];
const number = (value: number | null) => (value === null ? "—" : String(Number(value.toFixed(2))));

function Gap({ position }: { position: Pick<Position, "gap" | "ahead"> }) {
  if (position.gap === null) return <>—</>;
  const sign = position.gap > 0 ? "+" : "";
  return (
    <span className={position.ahead ? "position-ahead" : "position-behind"}>
      {sign}
      {number(position.gap)}（{position.ahead ? text.ahead : text.behind}）
    </span>
  );
}

function DomainChart({ report }: { report: BenchmarkReport }) {
  const option = useMemo<ChartOption>(() => {
    const rows = [...report.domains, { ...report.composite, code: "composite", name: text.composite }];
    return {
      animation: false,
      textStyle: { fontFamily: CHART_FONT },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      xAxis: { type: "value", max: 100, splitLine: { lineStyle: { color: analysisColours.grid } } },
      yAxis: { type: "category", inverse: true, data: rows.map((row) => row.name), axisTick: { show: false } },
      series: [
        {
          name: report.ownName,
          type: "bar",
          barMaxWidth: 12,
          itemStyle: { color: analysisColours.primary },
          data: rows.map((row) => (row.own === null ? null : Number(row.own.toFixed(1)))),
        },
        {
          name: text.othersMean,
          type: "bar",
          barMaxWidth: 12,
          itemStyle: { color: analysisColours.average },
          data: rows.map((row) => (row.othersMean === null ? null : Number(row.othersMean.toFixed(1)))),
        },
      ],
    };
  }, [report]);
  return (
    <Chart
      option={option}
      height={Math.max(280, (report.domains.length + 1) * 34 + 60)}
      label={text.chartLabel(report.year)}
    />
  );
}

function BenchmarkTables({ report }: { report: BenchmarkReport }) {
  const positions = [{ code: "composite", name: text.composite, ...report.composite }, ...report.domains];
  return (
    <>
      {report.districts.some((district) => district.demo) ? <Notice tone="info">{text.demoDistricts}</Notice> : null}
      <Card title={text.positionTitle} labelledBy="benchmark-position-title">
        <DomainChart report={report} />
        <DataTable
          label={text.positionTable(report.year)}
          className="table--compact"
          rows={positions}
          rowKey={(row) => row.code}
          rowProps={(row) => ({ "data-testid": `position-${row.code}` })}
          columns={[
            { key: "name", header: text.domainFilter, rowHeader: true, cell: (row) => row.name },
            { key: "rank", header: text.rank, className: "num", cell: (row) => text.rankOf(row.rank, row.of) },
            { key: "own", header: report.ownName, className: "num", cell: (row) => number(row.own) },
            { key: "mean", header: text.othersMean, className: "num", cell: (row) => number(row.othersMean) },
            { key: "gap", header: text.gap, className: "num", cell: (row) => <Gap position={row} /> },
          ]}
        />
      </Card>
      <Card title={text.indicatorsTitle} labelledBy="benchmark-indicators-title">
        <DataTable
          label={text.indicatorsTitle}
          className="table--compact benchmark-table"
          rows={report.indicators}
          rowKey={(row) => row.code}
          rowProps={(row) => ({ "data-testid": `benchmark-${row.code}` })}
          columns={[
            { key: "name", header: text.indicator, rowHeader: true, cell: (row) => `${row.name}（${row.unit}）` },
            { key: "rank", header: text.rank, className: "num", cell: (row) => text.rankOf(row.rank, row.of) },
            { key: "own", header: report.ownName, className: "num", cell: (row) => number(row.own) },
            ...report.districts.map((district) => ({
              key: district.code,
              header: district.name,
              className: "num",
              cell: (row: BenchmarkReport["indicators"][number]) => number(row.values[district.code] ?? null),
            })),
            { key: "mean", header: text.othersMean, className: "num", cell: (row) => number(row.othersMean) },
            { key: "gap", header: text.gap, className: "num", cell: (row) => <Gap position={row} /> },
          ]}
        />
      </Card>
    </>
  );
}

/** 兄弟区对比: the district's rank and gap among its sibling districts, and the import of their figures. */
export function BenchmarksPage() {
  const { set, years, year } = useSearchSettings();
  const report = useBenchmarks(year);
  const upload = useImportBenchmarks();
  return (
    <>
      <PageHeader
        title={text.benchmarksTitle}
        intro={text.benchmarksIntro}
        actions={<YearPicker year={year} years={years} onChange={(value) => set("year", value)} />}
      />
      <QueryState query={report}>
        {(data) =>
          data.districts.length === 0 ? (
            <Card>
              <EmptyState>{text.noBenchmarks(year)}</EmptyState>
            </Card>
          ) : (
            <BenchmarkTables report={data} />
          )
        }
      </QueryState>
      <UploadCard
        title={text.importTitle}
        labelledBy="benchmark-import-title"
        help={text.importHelp}
        upload={upload}
        success={(result) => <Notice tone="success">{text.imported(result.districts, result.values)}</Notice>}
      />
    </>
  );
}
