import type { IndicatorIndexReport } from "@survey/contract";
import { formatScore, formatSigned, heatColour } from "../../shared/format";
import { strings } from "../../shared/strings";
import { indicatorsStrings } from "./strings";

const text = indicatorsStrings;

const mean = (values: (number | null | undefined)[]) => {
  const present = values.filter((value): value is number => typeof value === "number");
  return present.length === 0 ? undefined : present.reduce((sum, value) => sum + value, 0) / present.length;
};

/** Domain indices and the composite per town (ranked), the district row, and progress when a base year is set. */
export function IndexTable({ report }: { report: IndicatorIndexReport }) {
  const towns = [...report.towns].sort((a, b) => (a.rank ?? 999) - (b.rank ?? 999));
  const withProgress = report.baseYear !== null;
  const columnMeans = Object.fromEntries(
    report.domains.map((domain) => [domain.code, mean(report.towns.map((town) => town.domainIndices[domain.code]))]),
  );
  // Coloured against the towns' mean of the column: where a town stands among the others.
  const cell = (key: string, value: number | null | undefined, reference: number | undefined) => (
    <td
      key={key}
      className="num index-table__cell"
      style={
        value === null || value === undefined || reference === undefined
          ? undefined
          : { background: heatColour(value, reference) }
      }
    >
      {formatScore(value)}
    </td>
  );
  return (
    <div className="table-wrap">
      <table className="table table--compact index-table" aria-label={text.indexTitle(report.year)}>
        <thead>
          <tr>
            <th scope="col" className="num">
              {strings.rank}
            </th>
            <th scope="col">{strings.town}</th>
            {report.domains.map((domain) => (
              <th key={domain.code} scope="col" className="num index-table__domain">
                {domain.name}
              </th>
            ))}
            <th scope="col" className="num index-table__composite">
              {text.composite}
            </th>
            {withProgress ? (
              <>
                <th scope="col" className="num">
                  {text.progressIndex}
                </th>
                <th scope="col" className="num">
                  {text.pointChange}
                </th>
              </>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {towns.map((town) => (
            <tr key={town.townCode} data-testid={`index-row-${town.townCode}`}>
              <td className="num muted">{town.rank ?? "—"}</td>
              <th scope="row">
                {town.townName}
                {town.missingIndicators.length > 0 ? (
                  <span
                    className="badge badge--warn index-table__missing"
                    title={text.missingTooltip(town.missingIndicators.length)}
                  >
                    {text.missingBadge(town.missingIndicators.length)}
                  </span>
                ) : null}
              </th>
              {report.domains.map((domain) =>
                cell(domain.code, town.domainIndices[domain.code], columnMeans[domain.code]),
              )}
              <td className="num index-table__composite" data-testid={`composite-${town.townCode}`}>
                {formatScore(town.composite)}
              </td>
              {withProgress ? (
                <>
                  <td className="num">{formatSigned(town.progress?.composite.progressIndex)}%</td>
                  <td className="num muted">{formatSigned(town.progress?.composite.pointChange)}</td>
                </>
              ) : null}
            </tr>
          ))}
        </tbody>
        {report.district ? (
          <tfoot>
            <tr className="index-table__district">
              <td className="num">—</td>
              <th scope="row">{text.districtIndex}</th>
              {report.domains.map((domain) => (
                <td key={domain.code} className="num">
                  {formatScore(report.district?.domainIndices[domain.code])}
                </td>
              ))}
              <td className="num index-table__composite">{formatScore(report.district.composite)}</td>
              {withProgress ? (
                <>
                  <td className="num">{formatSigned(report.district.progress?.progressIndex)}%</td>
                  <td className="num muted">{formatSigned(report.district.progress?.pointChange)}</td>
                </>
              ) : null}
            </tr>
          </tfoot>
        ) : null}
      </table>
      <p className="footnote">{withProgress ? text.indexFootnoteProgress(report.baseYear ?? 0) : text.indexFootnote}</p>
    </div>
  );
}
