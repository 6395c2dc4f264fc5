import type { IndicatorCatalogue, IndicatorDefinition } from "@survey/contract";
import { useState } from "react";
import { DataTable } from "../../shared/components/data-table";
import { namedOptions, SelectField } from "../../shared/components/fields";
import { strings } from "../../shared/strings";
import { normalisationSummary } from "./indicator-labels";
import { indicatorsStrings } from "./strings";

const text = indicatorsStrings;
const ALL = "";

/** The indicator catalogue by domain; editors get an edit button per row. */
export function CatalogueTable({
  catalogue,
  onEdit,
}: {
  catalogue: IndicatorCatalogue;
  onEdit: ((indicator: IndicatorDefinition) => void) | null;
}) {
  const [domain, setDomain] = useState(ALL);
  const domains = catalogue.domains.filter((candidate) => domain === ALL || candidate.code === domain);
  const demoCount = catalogue.indicators.filter((indicator) => indicator.demo).length;
  return (
    <>
      <div className="toolbar">
        <SelectField
          inline
          label={text.domainFilter}
          value={domain}
          options={[{ value: ALL, label: text.allDomains }, ...namedOptions(catalogue.domains)]}
          onChange={setDomain}
        />
        <span className="muted small">
          {text.catalogueCount(catalogue.indicators.length, catalogue.domains.length)}
          {demoCount > 0 ? ` · ${text.demoCount(demoCount)}` : ""}
        </span>
      </div>
      <DataTable<IndicatorDefinition>
        label={text.catalogueTitle}
        className="table--compact catalogue"
        groupClassName="catalogue__group"
        groups={domains.map((group) => {
          const members = catalogue.indicators.filter((indicator) => indicator.domain === group.code);
          return {
            key: group.code,
            heading: (
              <>
                {group.name}
                <span className="muted small"> · {text.indicatorCount(members.length)}</span>
              </>
            ),
            rows: members,
          };
        })}
        rowKey={(indicator) => indicator.code}
        rowProps={(indicator) => ({ "data-testid": `indicator-${indicator.code}` })}
        columns={[
          {
            key: "indicator",
            header: text.indicator,
            cell: (indicator) => (
              <>
                <span className="catalogue__name">{indicator.name}</span>
                {indicator.demo ? <span className="badge badge--muted catalogue__demo">{text.demo}</span> : null}
                <span className="catalogue__code">{indicator.code}</span>
              </>
            ),
          },
          { key: "unit", header: text.unit, cellClassName: "nowrap", cell: (indicator) => indicator.unit },
          {
            key: "direction",
            header: text.direction,
            cellClassName: "nowrap",
            cell: (indicator) => (
              <span className={`direction direction--${indicator.direction}`}>
                {text.directions[indicator.direction]}
              </span>
            ),
          },
          {
            key: "level",
            header: text.level,
            cellClassName: "nowrap",
            cell: (indicator) => text.levels[indicator.level],
          },
          {
            key: "normalisation",
            header: text.normalisation,
            cell: (indicator) => (
              <>
                <span className="nowrap">{text.methods[indicator.method]}</span>
                <span className="catalogue__detail">{normalisationSummary(indicator)}</span>
              </>
            ),
          },
          { key: "weight", header: text.weight, className: "num", cell: (indicator) => indicator.weight },
          { key: "department", header: text.department, cell: (indicator) => indicator.department },
          ...(onEdit
            ? [
                {
                  key: "edit",
                  header: strings.edit,
                  hiddenHeader: true,
                  cellClassName: "catalogue__actions",
                  cell: (indicator: IndicatorDefinition) => (
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => onEdit(indicator)}
                      aria-label={text.editIndicator(indicator.name)}
                    >
                      {strings.edit}
                    </button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
