import type { ComparisonReport, Quadrant } from "@survey/contract";
import { DataTable } from "../../../shared/components/data-table";
import { formatScore } from "../../../shared/format";
import { strings } from "../../../shared/strings";
import { BelowTargetMark } from "../below-target";
import { comparisonStrings } from "../strings";
import { QUADRANT_COLOURS, shortLabel } from "./quadrant-chart";

const text = comparisonStrings;

const signed = (value: number) => (value > 0 ? `+${value}` : value < 0 ? `−${Math.abs(value)}` : "0");

/** Rank by satisfaction against rank by the objective index; differences of 5 places or more are flagged. */
export function RankTable({ report }: { report: ComparisonReport }) {
  const rows = [...report.rankTable].sort((a, b) => a.satisfactionRank - b.satisfactionRank);
  const quadrantOf = new Map(report.quadrants.map((entry) => [entry.townCode, entry]));
  const below = new Set(report.belowTarget.map((town) => town.townCode));
  return (
    <DataTable
      label={text.rankTitle}
      className="table--compact rank-table"
      rows={rows}
      rowKey={(row) => row.townCode}
      rowProps={(row) => ({
        className: row.flagged ? "rank-table__flagged" : undefined,
        "data-testid": `rank-${row.townCode}`,
      })}
      columns={[
        {
          key: "town",
          header: strings.town,
          rowHeader: true,
          cell: (row) => (
            <>
              {row.townName}
              <BelowTargetMark below={below.has(row.townCode)} />
            </>
          ),
        },
        {
          key: "satisfaction",
          header: text.satisfaction,
          className: "num",
          cell: (row) => formatScore(row.satisfaction),
        },
        {
          key: "satisfactionRank",
          header: text.satisfactionRank,
          className: "num",
          cellClassName: "num rank-table__rank",
          cell: (row) => row.satisfactionRank,
        },
        { key: "objective", header: text.objective, className: "num", cell: (row) => formatScore(row.objective) },
        {
          key: "objectiveRank",
          header: text.objectiveRank,
          className: "num",
          cellClassName: "num rank-table__rank",
          cell: (row) => row.objectiveRank,
        },
        {
          key: "difference",
          header: text.rankDifference,
          className: "num",
          cell: (row) =>
            row.flagged ? (
              <span className="badge badge--warn" title={text.flaggedTooltip}>
                {signed(row.difference)} ⚑
              </span>
            ) : (
              signed(row.difference)
            ),
        },
        {
          key: "quadrant",
          header: text.quadrant,
          cellClassName: "rank-table__quadrant",
          cell: (row) => {
            const quadrant = quadrantOf.get(row.townCode);
            return quadrant ? (
              <span
                className="quadrant-dot"
                style={{ background: QUADRANT_COLOURS[quadrant.quadrant] }}
                title={quadrant.label}
              >
                <span className="visually-hidden">{shortLabel(quadrant.label)}</span>
              </span>
            ) : null;
          },
        },
      ]}
    >
      <div className="quadrant-legend">
        {(Object.keys(QUADRANT_COLOURS) as Quadrant[]).map((quadrant) => (
          <span key={quadrant} className="quadrant-legend__item">
            <span className="quadrant-dot" style={{ background: QUADRANT_COLOURS[quadrant] }} />
            {shortLabel(report.quadrantLabels[quadrant])}
          </span>
        ))}
      </div>
      <p className="footnote">{text.rankFootnote}</p>
    </DataTable>
  );
}
