import { Link } from "react-router-dom";
import { EmptyState } from "../../shared/components/feedback";
import { Card } from "../../shared/components/page";
import { QueryState } from "../../shared/components/query-state";
import { useForecast } from "./api";
import { draftLink } from "./draft-link";
import { ForecastChart } from "./forecast-chart";
import { indicatorSystemStrings } from "./strings";

const text = indicatorSystemStrings;

/** Where one indicator's trend leads by the plan's end year: the sentence, the chart and a draft link. */
export function ForecastPanel({
  year,
  indicator,
  town,
  canDraft,
  onClose,
}: {
  year: number;
  indicator: string;
  town: string;
  canDraft: boolean;
  onClose: () => void;
}) {
  const forecast = useForecast(year, indicator, town);
  return (
    <QueryState query={forecast}>
      {([item]) =>
        item ? (
          <Card
            title={text.forecastTitle(item.indicatorName, item.townName)}
            labelledBy="forecast-title"
            actions={
              <span className="row-actions">
                {canDraft && item.projected !== null ? (
                  <Link className="button button--small" to={draftLink("forecast", indicator, town, year)}>
                    {text.draft}
                  </Link>
                ) : null}
                <button type="button" className="button button--small" onClick={onClose}>
                  {text.close}
                </button>
              </span>
            }
          >
            <p className="forecast-summary" data-testid="forecast-summary">
              {item.summary}
            </p>
            {item.projected !== null ? <ForecastChart forecast={item} /> : null}
          </Card>
        ) : (
          <EmptyState>{text.noWarnings}</EmptyState>
        )
      }
    </QueryState>
  );
}
