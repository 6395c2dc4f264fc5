import type { IndicatorCatalogue, IndicatorDefinition } from "@survey/contract";
import { useState } from "react";
import { strings } from "../../shared/strings";
import { SelectField } from "../analysis/analysis-controls";
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
          label={text.domainFilter}
          value={domain}
          options={[
            { value: ALL, label: text.allDomains },
            ...catalogue.domains.map((candidate) => ({ value: candidate.code, label: candidate.name })),
          ]}
          onChange={setDomain}
        />
        <span className="muted small">
          {text.catalogueCount(catalogue.indicators.length, catalogue.domains.length)}
          {demoCount > 0 ? ` · ${text.demoCount(demoCount)}` : ""}
        </span>
      </div>
      <div className="table-wrap">
        <table className="table table--compact catalogue" aria-label={text.catalogueTitle}>
          <thead>
            <tr>
              <th scope="col">{text.indicator}</th>
              <th scope="col">{text.unit}</th>
              <th scope="col">{text.direction}</th>
              <th scope="col">{text.level}</th>
              <th scope="col">{text.normalisation}</th>
              <th scope="col" className="num">
                {text.weight}
              </th>
              <th scope="col">{text.department}</th>
              {onEdit ? (
                <th scope="col">
                  <span className="visually-hidden">{strings.edit}</span>
                </th>
              ) : null}
            </tr>
          </thead>
          {domains.map((group) => {
            const members = catalogue.indicators.filter((indicator) => indicator.domain === group.code);
            return (
              <tbody key={group.code}>
                <tr className="catalogue__group">
                  <th scope="colgroup" colSpan={onEdit ? 8 : 7}>
                    {group.name}
                    <span className="muted small"> · {text.indicatorCount(members.length)}</span>
                  </th>
                </tr>
                {members.map((indicator) => (
                  <tr key={indicator.code} data-testid={`indicator-${indicator.code}`}>
                    <td>
                      <span className="catalogue__name">{indicator.name}</span>
                      {indicator.demo ? <span className="badge badge--muted catalogue__demo">{text.demo}</span> : null}
                      <span className="catalogue__code">{indicator.code}</span>
                    </td>
                    <td className="nowrap">{indicator.unit}</td>
                    <td className="nowrap">
                      <span className={`direction direction--${indicator.direction}`}>
                        {text.directions[indicator.direction]}
                      </span>
                    </td>
                    <td className="nowrap">{text.levels[indicator.level]}</td>
                    <td>
                      <span className="nowrap">{text.methods[indicator.method]}</span>
                      <span className="catalogue__detail">{normalisationSummary(indicator)}</span>
                    </td>
                    <td className="num">{indicator.weight}</td>
                    <td>{indicator.department}</td>
                    {onEdit ? (
                      <td className="catalogue__actions">
                        <button
                          type="button"
                          className="button button--small"
                          onClick={() => onEdit(indicator)}
                          aria-label={text.editIndicator(indicator.name)}
                        >
                          {strings.edit}
                        </button>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            );
          })}
        </table>
      </div>
    </>
  );
}
