import type { ComparisonReport, Quadrant } from "@survey/contract";
import { formatScore } from "../../../shared/format";
import { strings } from "../../../shared/strings";
import { comparisonStrings } from "../strings";
import { QUADRANT_COLOURS, shortLabel } from "./quadrant-chart";

const text = comparisonStrings;

const signed = (value: number) => (value > 0 ? `+${value}` : value < 0 ? `−${Math.abs(value)}` : "0");

/** Rank by satisfaction against rank by the objective index; differences of 5 places or more are flagged. */
export function RankTable({ report }: { report: ComparisonReport }) {
  const rows = [...report.rankTable].sort((a, b) => a.satisfactionRank - b.satisfactionRank);
  const quadrantOf = new Map(report.quadrants.map((entry) => [entry.townCode, entry]));
  return (
    <div className="table-wrap">
      <table className="table table--compact rank-table" aria-label={text.rankTitle}>
        <thead>
          <tr>
            <th scope="col">{strings.town}</th>
            <th scope="col" className="num">
              {text.satisfaction}
            </th>
            <th scope="col" className="num">
              {text.satisfactionRank}
            </th>
            <th scope="col" className="num">
              {text.objective}
            </th>
            <th scope="col" className="num">
              {text.objectiveRank}
            </th>
            <th scope="col" className="num">
              {text.rankDifference}
            </th>
            <th scope="col">{text.quadrant}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const quadrant = quadrantOf.get(row.townCode);
            return (
              <tr
                key={row.townCode}
                className={row.flagged ? "rank-table__flagged" : undefined}
                data-testid={`rank-${row.townCode}`}
              >
                <th scope="row">{row.townName}</th>
                <td className="num">{formatScore(row.satisfaction)}</td>
                <td className="num rank-table__rank">{row.satisfactionRank}</td>
                <td className="num">{formatScore(row.objective)}</td>
                <td className="num rank-table__rank">{row.objectiveRank}</td>
                <td className="num">
                  {row.flagged ? (
                    <span className="badge badge--warn" title={text.flaggedTooltip}>
                      {signed(row.difference)} ⚑
                    </span>
                  ) : (
                    signed(row.difference)
                  )}
                </td>
                <td className="rank-table__quadrant">
                  {quadrant ? (
                    <span
                      className="quadrant-dot"
                      style={{ background: QUADRANT_COLOURS[quadrant.quadrant] }}
                      title={quadrant.label}
                    >
                      <span className="visually-hidden">{shortLabel(quadrant.label)}</span>
                    </span>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="quadrant-legend">
        {(Object.keys(QUADRANT_COLOURS) as Quadrant[]).map((quadrant) => (
          <span key={quadrant} className="quadrant-legend__item">
            <span className="quadrant-dot" style={{ background: QUADRANT_COLOURS[quadrant] }} />
            {shortLabel(report.quadrantLabels[quadrant])}
          </span>
        ))}
      </div>
      <p className="footnote">{text.rankFootnote}</p>
    </div>
  );
}
