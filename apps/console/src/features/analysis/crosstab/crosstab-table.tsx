import type { CrosstabResult } from "@survey/contract";
import { formatCount, formatPClause, formatPercentValue, formatStat } from "../../../shared/format";
import { crosstabStrings } from "../strings";

const text = crosstabStrings;

/** Weighted % with unweighted n under it; cells whose adjusted residual exceeds ±1.96 are marked. */
export function CrosstabTable({ result }: { result: CrosstabResult }) {
  const byRow = result.percent === "row";
  return (
    <>
      <div className="table-wrap">
        <table className="table xtab" aria-label={text.tableLabel(result.row.label, result.column.label)}>
          <thead>
            <tr>
              <th scope="col" className="xtab__corner">
                <span className="xtab__corner-row">{result.row.label}</span>
                <span className="xtab__corner-col">{result.column.label}</span>
              </th>
              {result.columns.map((column) => (
                <th key={column.value} scope="col" className="num">
                  {column.label}
                </th>
              ))}
              <th scope="col" className="num xtab__total">
                {text.total}
              </th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((row, i) => (
              <tr key={row.value}>
                <th scope="row">{row.label}</th>
                {result.columns.map((column, j) => {
                  const cell = result.cells[i]?.[j];
                  if (!cell)
                    return (
                      <td key={column.value} className="num">
                        —
                      </td>
                    );
                  const tone = cell.marked ? ` xtab__cell--${(cell.residual ?? 0) > 0 ? "over" : "under"}` : "";
                  return (
                    <td
                      key={column.value}
                      className={`num xtab__cell${tone}`}
                      data-testid={`cell-${i}-${j}`}
                      title={text.cellTooltip(cell.percent, cell.n, cell.residual)}
                    >
                      <span className="xtab__percent">
                        {formatPercentValue(cell.percent)}
                        {cell.marked ? (
                          <sup className="xtab__star" aria-hidden="true">
                            *
                          </sup>
                        ) : null}
                      </span>
                      <span className="xtab__n">n = {formatCount(cell.n)}</span>
                      {cell.marked ? <span className="visually-hidden">{text.markedCell}</span> : null}
                    </td>
                  );
                })}
                <td className="num xtab__cell xtab__total">
                  <span className="xtab__percent">{formatPercentValue(byRow ? 100 : row.percent)}</span>
                  <span className="xtab__n">n = {formatCount(row.n)}</span>
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{text.total}</th>
              {result.columns.map((column) => (
                <td key={column.value} className="num xtab__cell xtab__total">
                  <span className="xtab__percent">{formatPercentValue(byRow ? column.percent : 100)}</span>
                  <span className="xtab__n">n = {formatCount(column.n)}</span>
                </td>
              ))}
              <td className="num xtab__cell xtab__total">
                <span className="xtab__percent">{formatPercentValue(100)}</span>
                <span className="xtab__n">n = {formatCount(result.total.n)}</span>
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      <div className="xtab-tests" data-testid="crosstab-tests">
        <div className="xtab-tests__item">
          <span className="xtab-tests__label">{text.raoScott}</span>
          {result.raoScott ? (
            <span>
              F({formatStat(result.raoScott.numeratorDf)}, {formatStat(result.raoScott.denominatorDf)}) ={" "}
              <b>{formatStat(result.raoScott.f, 3)}</b>，<b>{formatPClause(result.raoScott.pValue)}</b>
              {result.raoScott.pValue < 0.05 ? (
                <span className="badge badge--ok xtab-tests__badge">{text.significant}</span>
              ) : (
                <span className="badge badge--muted xtab-tests__badge">{text.notSignificant}</span>
              )}
            </span>
          ) : (
            <span className="muted">{text.noTest}</span>
          )}
        </div>
        <div className="xtab-tests__item xtab-tests__item--reference">
          <span className="xtab-tests__label">{text.pearson}</span>
          {result.pearson ? (
            <span>
              χ²({result.pearson.df}) = {formatStat(result.pearson.chiSquare, 2)}，
              {formatPClause(result.pearson.pValue)}
            </span>
          ) : (
            <span className="muted">{text.noTest}</span>
          )}
        </div>
      </div>
      <div className="xtab-legend" aria-hidden="true">
        <span className="xtab-legend__swatch xtab__cell--over" />
        {text.legendOver}
        <span className="xtab-legend__swatch xtab__cell--under" />
        {text.legendUnder}
      </div>
      <p className="footnote">{result.footnote}</p>
      <p className="footnote">{byRow ? text.rowPercentNote : text.columnPercentNote}</p>
    </>
  );
}
