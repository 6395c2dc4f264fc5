import type { FieldworkTown } from "@survey/contract";
import { ProgressBar } from "../../../shared/components/progress-bar";
import { monitorStrings } from "../strings";

const text = monitorStrings;

/** One row per town: completed / target with held reservations, and how its communities stand. */
export function TownProgressTable({
  towns,
  selectedTown,
  onSelectTown,
}: {
  towns: FieldworkTown[];
  selectedTown: string | null;
  onSelectTown: (townCode: string) => void;
}) {
  return (
    <div className="table-wrap">
      <table className="table town-progress" aria-label={text.townsTitle}>
        <thead>
          <tr>
            <th scope="col">{text.townColumn}</th>
            <th scope="col" className="town-progress__bar-col">
              {text.progressColumn}
            </th>
            <th scope="col" className="num">
              {text.reservedColumn}
            </th>
            <th scope="col" className="num">
              {text.communitiesColumn}
            </th>
            <th scope="col" className="num">
              {text.paceColumn}
            </th>
          </tr>
        </thead>
        <tbody>
          {towns.map((town) => (
            <tr key={town.code} className={selectedTown === town.code ? "row--selected" : undefined}>
              <th scope="row">
                <button type="button" className="link-button" onClick={() => onSelectTown(town.code)}>
                  {town.name}
                </button>
                {town.projection.atRisk ? (
                  <span className="risk-dot" title={text.riskBadge}>
                    <span className="visually-hidden">{text.riskBadge}</span>
                  </span>
                ) : null}
              </th>
              <td>
                <div className="town-progress__cell">
                  <ProgressBar
                    completed={town.completed}
                    reserved={town.reserved}
                    target={town.target}
                    label={`${town.name} ${text.completedLegend} ${town.completed} / ${town.target}`}
                  />
                  <span className="town-progress__count" data-testid={`town-count-${town.code}`}>
                    {town.completed} / {town.target}
                  </span>
                </div>
              </td>
              <td className="num" data-testid={`town-reserved-${town.code}`}>
                {town.reserved}
              </td>
              <td className="num">
                {town.communities.empty} / {town.communities.full}
              </td>
              <td className="num">{town.projection.perDay.toFixed(1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="legend" aria-hidden="true">
        <span className="legend__item">
          <span className="legend__swatch legend__swatch--completed" />
          {text.completedLegend}
        </span>
        <span className="legend__item">
          <span className="legend__swatch legend__swatch--reserved" />
          {text.reservedLegend}
        </span>
      </div>
    </div>
  );
}
