import type { ComparisonOverview } from "@survey/contract";
import { DataTable } from "../../../shared/components/data-table";
import { formatP, formatStat } from "../../../shared/format";
import { comparisonStrings } from "../strings";

const text = comparisonStrings;

/** One line per domain: rank correlations, agreement and shared weaknesses; a line opens that domain. */
export function DomainOverview({
  overview,
  selected,
  onSelect,
}: {
  overview: ComparisonOverview;
  selected: string;
  onSelect: (domain: string) => void;
}) {
  return (
    <DataTable
      label={text.overviewTitle}
      className="table--compact"
      rows={overview.domains}
      rowKey={(domain) => domain.code}
      rowProps={(domain) => ({ className: domain.code === selected ? "row--selected" : undefined })}
      columns={[
        { key: "domain", header: text.domain },
        { key: "rho", header: "ρ", className: "num" },
        { key: "p", header: "p", className: "num" },
        {
          key: "tau",
          header: (
            <>
              τ<sub>b</sub>
            </>
          ),
          className: "num",
        },
        { key: "tauP", header: "p", className: "num" },
        { key: "agreement", header: text.agreement },
        { key: "shared", header: text.sharedWeaknesses },
      ]}
      // Without a correlation the four figures and the reading give way to the reason.
      renderRow={(domain) => (
        <>
          <th scope="row">
            <button
              type="button"
              className="link-button"
              onClick={() => onSelect(domain.code)}
              aria-pressed={domain.code === selected}
            >
              {domain.name}
            </button>
          </th>
          {domain.rho === null ? (
            <td colSpan={5} className="muted">
              {domain.reason ?? "—"}
            </td>
          ) : (
            <>
              <td className="num">{formatStat(domain.rho)}</td>
              <td className="num muted">{formatP(domain.pValue)}</td>
              <td className="num">{formatStat(domain.tau)}</td>
              <td className="num muted">{formatP(domain.kendallPValue)}</td>
              <td>{domain.reading ?? "—"}</td>
            </>
          )}
          <td>{domain.sharedWeaknesses.length > 0 ? domain.sharedWeaknesses.join("、") : "—"}</td>
        </>
      )}
    />
  );
}
