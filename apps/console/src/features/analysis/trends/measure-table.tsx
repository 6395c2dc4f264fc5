import type { EstimateChange, MeasureComparison, MeasureKind } from "@survey/contract";
import { DataTable } from "../../../shared/components/data-table";
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
    <DataTable
      label={text.measuresTitle}
      className="table--compact measure-table"
      rows={measures}
      rowKey={measureId}
      rowProps={(measure) => ({
        className: `measure-table__row${selected === measureId(measure) ? " row--selected" : ""}`,
        "data-testid": `measure-${measureId(measure)}`,
      })}
      columns={[
        {
          key: "measure",
          header: text.measure,
          rowHeader: true,
          cell: (measure) => (
            <>
              <button
                type="button"
                className="link-button"
                onClick={() => onSelect(measureId(measure))}
                aria-pressed={selected === measureId(measure)}
              >
                {measure.label}
              </button>
              {measure.kind === "dimension" || measure.kind === "overall_item" ? (
                <span className="measure-table__kind">{text.kinds[measure.kind]}</span>
              ) : null}
              {!measure.sameItems ? (
                <span className="badge badge--warn measure-table__warn" title={text.itemsChangedTooltip}>
                  {text.itemsChanged}
                </span>
              ) : null}
            </>
          ),
        },
        {
          key: "current",
          header: text.current,
          className: "num",
          cellProps: ({ district }) => ({ title: formatEstimateCi(district.current) }),
          cell: ({ district }) => formatScore(district.current.mean),
        },
        {
          key: "base",
          header: text.base,
          className: "num",
          cellProps: ({ district }) => ({ title: formatEstimateCi(district.base) }),
          cell: ({ district }) => formatScore(district.base.mean),
        },
        ...changeColumns((measure: MeasureComparison) => measure.district),
        { key: "significance", header: text.significance, cell: ({ district }) => <ChangeBadge change={district} /> },
      ]}
    />
  );
}

/** The change in points and its 95 % CI, for a row whose change `changeOf` finds. */
export function changeColumns<T>(changeOf: (row: T) => EstimateChange) {
  return [
    {
      key: "difference",
      header: text.difference,
      className: "num",
      cell: (row: T) => <ChangeValue change={changeOf(row)} />,
    },
    {
      key: "ci",
      header: text.differenceCi,
      className: "num",
      cellClassName: "num muted nowrap",
      cell: (row: T) => {
        const change = changeOf(row);
        return formatCi(change.ciLow, change.ciHigh);
      },
    },
  ];
}
