import type { ItemSummary, LabelledCode, WaveResults } from "@survey/contract";
import { useId, useState } from "react";
import {
  formatCount,
  formatEstimateCi,
  formatPercentValue,
  formatScore,
  formatShare,
  formatStat,
} from "../../../shared/format";
import { strings } from "../../../shared/strings";
import { resultsStrings } from "../strings";

const text = resultsStrings;
const DISTRICT = "";

function DiagnosticCells({ item }: { item: ItemSummary }) {
  return (
    <>
      <td className="num" title={item.satisfactionRate ? text.rateTooltip(item.satisfactionRate) : undefined}>
        {formatPercentValue(item.satisfactionRate?.mean)}
      </td>
      <td className="num">
        {item.flagged ? (
          <span className="badge badge--warn" title={text.missingFlagTooltip}>
            {formatShare(item.missingShare)} ⚑
          </span>
        ) : (
          formatShare(item.missingShare)
        )}
      </td>
      <td className="num">{formatStat(item.designEffect)}</td>
      <td className="num">
        {item.effectiveSampleSize === null ? "—" : formatCount(Math.round(item.effectiveSampleSize))}
      </td>
    </>
  );
}

/**
 * Every satisfaction item: mean and CI (district or one town), with the district's satisfaction rate,
 * missing share (flagged above 20 %), design effect and effective sample size.
 */
export function ItemTable({ results }: { results: WaveResults }) {
  const selectId = useId();
  const [scope, setScope] = useState(DISTRICT);
  const town = results.towns.find((candidate) => candidate.code === scope);
  const area = town ?? results.district;
  const byQuestion = new Map(results.items.map((item) => [item.question, item]));
  const groups: (LabelledCode & { items: string[] })[] = results.dimensions;
  const flagged = results.items.filter((item) => item.flagged).length;

  return (
    <>
      <div className="toolbar">
        <div className="inline-field">
          <label htmlFor={selectId} className="inline-field__label">
            {text.itemScope}
          </label>
          <select id={selectId} className="select" value={scope} onChange={(event) => setScope(event.target.value)}>
            <option value={DISTRICT}>{strings.district}</option>
            {results.towns.map((candidate) => (
              <option key={candidate.code} value={candidate.code}>
                {candidate.name}
              </option>
            ))}
          </select>
        </div>
        <span className="muted small">{town ? text.itemScopeTownNote : text.itemScopeDistrictNote}</span>
        {flagged > 0 ? <span className="badge badge--warn">{text.flaggedItems(flagged)}</span> : null}
      </div>
      <div className="table-wrap">
        <table className="table table--compact item-table" aria-label={text.itemsTitle}>
          <thead>
            <tr>
              <th scope="col">{text.item}</th>
              <th scope="col">{text.domain}</th>
              <th scope="col" className="num">
                {text.mean}
              </th>
              <th scope="col" className="num">
                {text.ci}
              </th>
              <th scope="col" className="num">
                {text.n}
              </th>
              <th scope="col" className="num">
                {text.satisfactionRate}
              </th>
              <th scope="col" className="num">
                {text.missingShare}
              </th>
              <th scope="col" className="num">
                {text.designEffect}
              </th>
              <th scope="col" className="num">
                {text.effectiveN}
              </th>
            </tr>
          </thead>
          {groups.map((group) => (
            <tbody key={group.code}>
              <tr className="item-table__group">
                <th scope="colgroup" colSpan={9}>
                  {group.name}
                  <span className="muted small">
                    {" "}
                    · {text.dimensionScore} {formatScore(area.dimensions[group.code]?.mean)}
                  </span>
                </th>
              </tr>
              {group.items.map((question) => {
                const item = byQuestion.get(question);
                const estimate = area.items[question];
                const domain = results.domains.find((candidate) => candidate.code === item?.domain);
                return (
                  <tr key={question} data-testid={`item-${question}`}>
                    <td className="item-table__title">
                      {item?.title ?? question}
                      <span className="item-table__code">{question}</span>
                    </td>
                    <td className="nowrap">{domain?.name ?? item?.domain ?? "—"}</td>
                    <td className="num item-table__mean">{formatScore(estimate?.mean)}</td>
                    <td className="num nowrap muted">{estimate ? formatEstimateCi(estimate) : "—"}</td>
                    <td className="num">{estimate ? formatCount(estimate.n) : "—"}</td>
                    {item ? <DiagnosticCells item={item} /> : <td colSpan={4} />}
                  </tr>
                );
              })}
            </tbody>
          ))}
        </table>
      </div>
      <p className="footnote">{text.itemFootnote}</p>
    </>
  );
}
