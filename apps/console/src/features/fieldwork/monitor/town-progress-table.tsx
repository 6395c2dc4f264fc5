import type { FieldworkTown } from "@survey/contract";
import { DataTable } from "../../../shared/components/data-table";
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
    <DataTable
      label={text.townsTitle}
      className="town-progress"
      rows={towns}
      rowKey={(town) => town.code}
      rowProps={(town) => ({ className: selectedTown === town.code ? "row--selected" : undefined })}
      columns={[
        {
          key: "town",
          header: text.townColumn,
          rowHeader: true,
          cell: (town) => (
            <>
              <button type="button" className="link-button" onClick={() => onSelectTown(town.code)}>
                {town.name}
              </button>
              {town.projection.atRisk ? (
                <span className="risk-dot" title={text.riskBadge}>
                  <span className="visually-hidden">{text.riskBadge}</span>
                </span>
              ) : null}
            </>
          ),
        },
        {
          key: "progress",
          header: text.progressColumn,
          headerClassName: "town-progress__bar-col",
          cell: (town) => (
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
          ),
        },
        {
          key: "reserved",
          header: text.reservedColumn,
          className: "num",
          cellProps: (town) => ({ "data-testid": `town-reserved-${town.code}` }),
          cell: (town) => town.reserved,
        },
        {
          key: "communities",
          header: text.communitiesColumn,
          className: "num",
          cell: (town) => `${town.communities.empty} / ${town.communities.full}`,
        },
        { key: "pace", header: text.paceColumn, className: "num", cell: (town) => town.projection.perDay.toFixed(1) },
      ]}
    >
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
    </DataTable>
  );
}
