import type { FieldworkTown } from "@survey/contract";
import { EmptyState } from "../../../shared/components/feedback";
import { ProgressBar } from "../../../shared/components/progress-bar";
import { monitorStrings } from "../strings";

const text = monitorStrings;

/** Towns whose projected count at the closing date falls short of the target, worst first. */
export function RiskList({ towns, closesAt }: { towns: FieldworkTown[]; closesAt: string | null }) {
  if (!closesAt) return <EmptyState>{text.riskNoDate}</EmptyState>;
  const atRisk = towns
    .filter((town) => town.projection.atRisk)
    .sort((a, b) => a.projection.projected / a.target - b.projection.projected / b.target);
  if (atRisk.length === 0) return <EmptyState>{text.riskNone}</EmptyState>;
  return (
    <ul className="risk-list">
      {atRisk.map((town) => (
        <li key={town.code} className="risk-list__item">
          <div className="risk-list__head">
            <span className="risk-list__name">{town.name}</span>
            <span className="risk-list__projected">{text.riskProjected(town.projection.projected, town.target)}</span>
          </div>
          <ProgressBar
            completed={town.projection.projected}
            target={town.target}
            label={text.riskProjected(town.projection.projected, town.target)}
          />
          <div className="risk-list__meta">
            {text.riskPace(town.projection.perDay)} · {text.riskExpected(town.projection.expectedCompletionDate)}
          </div>
        </li>
      ))}
    </ul>
  );
}
