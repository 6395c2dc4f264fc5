import type { IndicatorIndexReport, TownIndexRow } from "@survey/contract";
import { type Column, DataTable } from "../../shared/components/data-table";
import { formatScore, formatSigned, heatColour } from "../../shared/format";
import { strings } from "../../shared/strings";
import { indicatorsStrings } from "./strings";

const text = indicatorsStrings;

const mean = (values: (number | null | undefined)[]) => {
  const present = values.filter((value): value is number => typeof value === "number");
  return present.length === 0 ? undefined : present.reduce((sum, value) => sum + value, 0) / present.length;
};

/** Domain indices and the composite per town (ranked), the district row, and progress when a base year is set. */
export function IndexTable({ report }: { report: IndicatorIndexReport }) {
  const towns = [...report.towns].sort((a, b) => (a.rank ?? 999) - (b.rank ?? 999));
  const withProgress = report.baseYear !== null;
  const columnMeans = Object.fromEntries(
    report.domains.map((domain) => [domain.code, mean(report.towns.map((town) => town.domainIndices[domain.code]))]),
  );
  // Coloured against the towns' mean of the column: where a town stands among the others.
  const heat = (value: number | null | undefined, reference: number | undefined) =>
    value === null || value === undefined || reference === undefined
      ? undefined
      : { background: heatColour(value, reference) };
  const columns: Column<TownIndexRow>[] = [
    {
      key: "rank",
      header: strings.rank,
      className: "num",
      cellClassName: "num muted",
      cell: (town) => town.rank ?? "—",
    },
    {
      key: "town",
      header: strings.town,
      rowHeader: true,
      cell: (town) => (
        <>
          {town.townName}
          {town.missingIndicators.length > 0 ? (
            <span
              className="badge badge--warn index-table__missing"
              title={text.missingTooltip(town.missingIndicators.length)}
            >
              {text.missingBadge(town.missingIndicators.length)}
            </span>
          ) : null}
        </>
      ),
    },
    ...report.domains.map(
      (domain): Column<TownIndexRow> => ({
        key: domain.code,
        header: domain.name,
        headerClassName: "num index-table__domain",
        cellClassName: "num index-table__cell",
        cellProps: (town) => ({ style: heat(town.domainIndices[domain.code], columnMeans[domain.code]) }),
        cell: (town) => formatScore(town.domainIndices[domain.code]),
      }),
    ),
    {
      key: "composite",
      header: text.composite,
      className: "num index-table__composite",
      cellProps: (town) => ({ "data-testid": `composite-${town.townCode}` }),
      cell: (town) => formatScore(town.composite),
    },
    ...(withProgress
      ? [
          {
            key: "progress",
            header: text.progressIndex,
            className: "num",
            cell: (town: TownIndexRow) => `${formatSigned(town.progress?.composite.progressIndex)}%`,
          },
          {
            key: "change",
            header: text.pointChange,
            className: "num",
            cellClassName: "num muted",
            cell: (town: TownIndexRow) => formatSigned(town.progress?.composite.pointChange),
          },
        ]
      : []),
  ];
  const { district } = report;
  return (
    <DataTable
      label={text.indexTitle(report.year)}
      className="table--compact index-table"
      rows={towns}
      rowKey={(town) => town.townCode}
      rowProps={(town) => ({ "data-testid": `index-row-${town.townCode}` })}
      columns={columns}
      footer={
        district ? (
          <tr className="index-table__district">
            <td className="num">—</td>
            <th scope="row">{text.districtIndex}</th>
            {report.domains.map((domain) => (
              <td key={domain.code} className="num">
                {formatScore(district.domainIndices[domain.code])}
              </td>
            ))}
            <td className="num index-table__composite">{formatScore(district.composite)}</td>
            {withProgress ? (
              <>
                <td className="num">{formatSigned(district.progress?.progressIndex)}%</td>
                <td className="num muted">{formatSigned(district.progress?.pointChange)}</td>
              </>
            ) : null}
          </tr>
        ) : null
      }
    >
      <p className="footnote">{withProgress ? text.indexFootnoteProgress(report.baseYear ?? 0) : text.indexFootnote}</p>
    </DataTable>
  );
}
