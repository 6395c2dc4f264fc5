import type { MeasureComparison } from "@survey/contract";
import { formatCi, formatScore } from "../../../shared/format";
import { strings } from "../../../shared/strings";
import { trendsStrings } from "../strings";
import { ChangeValue, directionOf } from "./change-badge";

const text = trendsStrings;

/** Every town's change on one measure, largest rise first. */
export function TownChanges({ measure }: { measure: MeasureComparison }) {
  const towns = [...measure.towns].sort((a, b) => b.change.difference - a.change.difference);
  const up = towns.filter((town) => directionOf(town.change) === "up").length;
  const down = towns.filter((town) => directionOf(town.change) === "down").length;
  return (
    <>
      <p className="summary-line">{text.townSummary(towns.length, up, down)}</p>
      <div className="table-wrap">
        <table className="table table--compact" aria-label={text.townsTitle(measure.label)}>
          <thead>
            <tr>
              <th scope="col">{strings.town}</th>
              <th scope="col" className="num">
                {text.current}
              </th>
              <th scope="col" className="num">
                {text.base}
              </th>
              <th scope="col" className="num">
                {text.difference}
              </th>
              <th scope="col" className="num">
                {text.differenceCi}
              </th>
            </tr>
          </thead>
          <tbody>
            {towns.map((town) => (
              <tr key={town.code} data-testid={`town-change-${town.code}`}>
                <th scope="row">{town.name}</th>
                <td className="num">{formatScore(town.change.current.mean)}</td>
                <td className="num">{formatScore(town.change.base.mean)}</td>
                <td className="num">
                  <ChangeValue change={town.change} />
                </td>
                <td className="num muted nowrap">{formatCi(town.change.ciLow, town.change.ciHigh)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
