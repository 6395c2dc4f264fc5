import type { ComparisonOverview } from "@survey/contract";
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
    <div className="table-wrap">
      <table className="table table--compact" aria-label={text.overviewTitle}>
        <thead>
          <tr>
            <th scope="col">{text.domain}</th>
            <th scope="col" className="num">
              ρ
            </th>
            <th scope="col" className="num">
              p
            </th>
            <th scope="col" className="num">
              τ<sub>b</sub>
            </th>
            <th scope="col" className="num">
              p
            </th>
            <th scope="col">{text.agreement}</th>
            <th scope="col">{text.sharedWeaknesses}</th>
          </tr>
        </thead>
        <tbody>
          {overview.domains.map((domain) => (
            <tr key={domain.code} className={domain.code === selected ? "row--selected" : undefined}>
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
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
