import type { ComparisonReport } from "@survey/contract";
import { formatShare } from "../../../shared/format";
import { strings } from "../../../shared/strings";
import { comparisonStrings } from "../strings";

const text = comparisonStrings;

/** Towns both rankings put at the bottom, the both-low quadrant, and how likely the overlap is by chance. */
export function ConsensusWeaknesses({ report }: { report: ComparisonReport }) {
  const { consensusWeaknesses: weak } = report;
  const names = new Map(report.towns.map((town) => [town.townCode, town.townName]));
  const overlap = new Set(weak.overlap.map((town) => town.townCode));
  const list = (codes: string[]) => (
    <ol className="bottom-list">
      {codes.map((code) => (
        <li key={code} className={overlap.has(code) ? "bottom-list__shared" : undefined}>
          {names.get(code) ?? code}
        </li>
      ))}
    </ol>
  );
  return (
    <div className="weaknesses">
      <div className="weaknesses__highlight" data-testid="shared-weaknesses">
        <div className="weaknesses__label">{text.overlapTitle(weak.k)}</div>
        {weak.overlap.length > 0 ? (
          <div className="weaknesses__towns">
            {weak.overlap.map((town) => (
              <span key={town.townCode} className="badge badge--danger weaknesses__town">
                {town.townName}
              </span>
            ))}
          </div>
        ) : (
          <p className="muted">{text.noOverlap}</p>
        )}
        <p className="weaknesses__chance">
          {text.overlapChance(weak.overlap.length, formatShare(weak.probability), weak.expectedByChance.toFixed(1))}
        </p>
      </div>
      <div className="weaknesses__lists">
        <div>
          <h3 className="weaknesses__subtitle">{text.satisfactionBottom(weak.k)}</h3>
          {list(weak.satisfactionBottom)}
        </div>
        <div>
          <h3 className="weaknesses__subtitle">{text.objectiveBottom(weak.k)}</h3>
          {list(weak.objectiveBottom)}
        </div>
      </div>
      <div>
        <h3 className="weaknesses__subtitle">{text.bothLowTitle}</h3>
        <p className="weaknesses__both-low">
          {weak.bothLow.length > 0 ? weak.bothLow.map((town) => town.townName).join("、") : strings.none}
        </p>
      </div>
    </div>
  );
}

/** Towns whose two ranks differ by five places or more, each with the server's explanation. */
export function Disagreements({ report }: { report: ComparisonReport }) {
  if (report.disagreements.length === 0) return <p className="muted">{text.noDisagreements}</p>;
  return (
    <ul className="disagreements" data-testid="disagreements">
      {report.disagreements.map((row) => (
        <li key={row.townCode} className="disagreements__item">
          <div className="disagreements__head">
            <span className="disagreements__town">{row.townName}</span>
            <span className="disagreements__ranks">{text.ranksPair(row.satisfactionRank, row.objectiveRank)}</span>
          </div>
          <p className="disagreements__text">{row.explanation}</p>
        </li>
      ))}
    </ul>
  );
}
