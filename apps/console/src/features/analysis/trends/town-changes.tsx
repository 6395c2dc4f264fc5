import type { MeasureComparison } from "@survey/contract";
import { DataTable } from "../../../shared/components/data-table";
import { formatScore } from "../../../shared/format";
import { strings } from "../../../shared/strings";
import { trendsStrings } from "../strings";
import { directionOf } from "./change-badge";
import { changeColumns } from "./measure-table";

const text = trendsStrings;

/** Every town's change on one measure, largest rise first. */
export function TownChanges({ measure }: { measure: MeasureComparison }) {
  const towns = [...measure.towns].sort((a, b) => b.change.difference - a.change.difference);
  const up = towns.filter((town) => directionOf(town.change) === "up").length;
  const down = towns.filter((town) => directionOf(town.change) === "down").length;
  return (
    <>
      <p className="summary-line">{text.townSummary(towns.length, up, down)}</p>
      <DataTable
        label={text.townsTitle(measure.label)}
        className="table--compact"
        rows={towns}
        rowKey={(town) => town.code}
        rowProps={(town) => ({ "data-testid": `town-change-${town.code}` })}
        columns={[
          { key: "town", header: strings.town, rowHeader: true, cell: (town) => town.name },
          {
            key: "current",
            header: text.current,
            className: "num",
            cell: (town) => formatScore(town.change.current.mean),
          },
          { key: "base", header: text.base, className: "num", cell: (town) => formatScore(town.change.base.mean) },
          ...changeColumns((town: MeasureComparison["towns"][number]) => town.change),
        ]}
      />
    </>
  );
}
