import type { MeasureComparison, MeasureKind } from "@survey/contract";
import { formatCi, formatEstimateCi, formatScore } from "../../../shared/format";
import { trendsStrings } from "../strings";
import { ChangeBadge, ChangeValue } from "./change-badge";

const text = trendsStrings;

export type MeasureGroup = "summary" | "domain" | "item";

export const groupOf = (kind: MeasureKind): MeasureGroup =>
  kind === "domain" ? "domain" : kind === "item" ? "item" : "summary";

export const measureId = (measure: { kind: MeasureKind; key: string }) => `${measure.kind}:${measure.key}`;

/** District figures of this wave against the base wave, one row per measure; a row selects the measure. */
export function MeasureTable({
  measures,
  selected,
  onSelect,
}: {
  measures: MeasureComparison[];
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  return (
    <div className="table-wrap">
      <table className="table table--compact measure-table" aria-label={text.measuresTitle}>
        <thead>
          <tr>
            <th scope="col">{text.measure}</th>
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
            <th scope="col">{text.significance}</th>
          </tr>
        </thead>
        <tbody>
          {measures.map((measure) => {
            const id = measureId(measure);
            const change = measure.district;
            return (
              <tr
                key={id}
                className={`measure-table__row${selected === id ? " row--selected" : ""}`}
                data-testid={`measure-${id}`}
              >
                <th scope="row">
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => onSelect(id)}
                    aria-pressed={selected === id}
                  >
                    {measure.label}
                  </button>
                  {measure.kind === "dimension" ? (
                    <span className="measure-table__kind">{text.kinds.dimension}</span>
                  ) : null}
                  {measure.kind === "overall_item" ? (
                    <span className="measure-table__kind">{text.kinds.overall_item}</span>
                  ) : null}
                  {!measure.sameItems ? (
                    <span className="badge badge--warn measure-table__warn" title={text.itemsChangedTooltip}>
                      {text.itemsChanged}
                    </span>
                  ) : null}
                </th>
                <td className="num" title={formatEstimateCi(change.current)}>
                  {formatScore(change.current.mean)}
                </td>
                <td className="num" title={formatEstimateCi(change.base)}>
                  {formatScore(change.base.mean)}
                </td>
                <td className="num">
                  <ChangeValue change={change} />
                </td>
                <td className="num muted nowrap">{formatCi(change.ciLow, change.ciHigh)}</td>
                <td>
                  <ChangeBadge change={change} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
