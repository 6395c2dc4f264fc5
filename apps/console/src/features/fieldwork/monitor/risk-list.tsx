import type { FieldworkTown } from "@survey/contract";
import { EmptyState } from "../../../shared/components/feedback";
import { ProgressBar } from "../../../shared/components/progress-bar";
import { monitorStrings } from "../strings";

const text = monitorStrings;

function ForecastItem({ town }: { town: FieldworkTown }) {
  const { projection } = town;
  const projected = text.riskProjected(
    projection.projected,
    projection.projectedLow,
    projection.projectedHigh,
    town.target,
  );
  return (
    <li className={`risk-list__item risk-list__item--${projection.likelihood}`} data-testid={`forecast-${town.code}`}>
      <div className="risk-list__head">
        <span className="risk-list__name">{town.name}</span>
        <span className="risk-list__count">
          {town.completed} / {town.target}
        </span>
      </div>
      <div className="forecast-bar">
        <ProgressBar completed={town.completed} target={town.target} label={`${town.name} ${town.completed}`} />
        <span
          aria-hidden="true"
          className="forecast-bar__interval"
          style={{
            left: `${(projection.projectedLow / town.target) * 100}%`,
            width: `${((projection.projectedHigh - projection.projectedLow) / town.target) * 100}%`,
          }}
        />
        <span
          aria-hidden="true"
          className="forecast-bar__point"
          style={{ left: `${(projection.projected / town.target) * 100}%` }}
        />
      </div>
      <div className="risk-list__projected">{projected}</div>
      <div className="risk-list__meta">
        {text.riskPace(projection.perDay, projection.recentPerDay)} ·{" "}
        {text.riskExpected(projection.expectedCompletionDate)}
      </div>
      {projection.capacityShort ? <div className="risk-list__warning">{text.riskCapacity}</div> : null}
      <div className="risk-list__recruit">
        {town.recruitIn.length > 0 ? (
          <>
            {text.riskRecruit}
            {town.recruitIn.map((community) => text.riskRecruitRoom(community.name, community.room)).join("、")}
          </>
        ) : (
          text.riskNoRoom
        )}
      </div>
    </li>
  );
}

function ForecastGroup({
  id,
  title,
  towns,
  warn = false,
}: {
  id: string;
  title: string;
  towns: FieldworkTown[];
  warn?: boolean;
}) {
  if (towns.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className={`forecast__heading${warn ? " forecast__heading--unlikely" : ""}`}>
        {title}（{towns.length}）
      </h3>
      <ul className="risk-list">
        {towns.map((town) => (
          <ForecastItem key={town.code} town={town} />
        ))}
      </ul>
    </section>
  );
}

/**
 * Towns unlikely to reach their target by the closing date (forecast from the whole history, with its
 * interval), then those whose forecast reaches it only uncertainly; each with where to recruit next.
 */
export function RiskList({ towns, closesAt }: { towns: FieldworkTown[]; closesAt: string | null }) {
  if (!closesAt) return <EmptyState>{text.riskNoDate}</EmptyState>;
  const byShortfall = (a: FieldworkTown, b: FieldworkTown) =>
    a.projection.projected / a.target - b.projection.projected / b.target;
  const unlikely = towns.filter((town) => town.projection.atRisk).sort(byShortfall);
  const uncertain = towns.filter((town) => town.projection.likelihood === "uncertain").sort(byShortfall);
  return (
    <div className="forecast">
      {unlikely.length === 0 && uncertain.length === 0 ? <EmptyState>{text.riskNone}</EmptyState> : null}
      <ForecastGroup id="forecast-unlikely" title={text.riskUnlikelyTitle} towns={unlikely} warn />
      <ForecastGroup id="forecast-uncertain" title={text.riskUncertainTitle} towns={uncertain} />
      <p className="forecast__method">{text.riskMethod}</p>
    </div>
  );
}
