import type { ItemSummary, LabelledCode, WaveResults } from "@survey/contract";
import { useState } from "react";
import { DataTable } from "../../../shared/components/data-table";
import { namedOptions, SelectField } from "../../../shared/components/fields";
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
  const [scope, setScope] = useState(DISTRICT);
  const town = results.towns.find((candidate) => candidate.code === scope);
  const area = town ?? results.district;
  const byQuestion = new Map(results.items.map((item) => [item.question, item]));
  const groups: (LabelledCode & { items: string[] })[] = results.dimensions;
  const flagged = results.items.filter((item) => item.flagged).length;

  return (
    <>
      <div className="toolbar">
        <SelectField
          inline
          label={text.itemScope}
          value={scope}
          options={[{ value: DISTRICT, label: strings.district }, ...namedOptions(results.towns)]}
          onChange={setScope}
        />
        <span className="muted small">{town ? text.itemScopeTownNote : text.itemScopeDistrictNote}</span>
        {flagged > 0 ? <span className="badge badge--warn">{text.flaggedItems(flagged)}</span> : null}
      </div>
      <DataTable
        label={text.itemsTitle}
        className="table--compact item-table"
        groupClassName="item-table__group"
        groups={groups.map((group) => ({
          key: group.code,
          heading: (
            <>
              {group.name}
              <span className="muted small">
                {" "}
                · {text.dimensionScore} {formatScore(area.dimensions[group.code]?.mean)}
              </span>
            </>
          ),
          rows: group.items,
        }))}
        rowKey={(question) => question}
        rowProps={(question) => ({ "data-testid": `item-${question}` })}
        columns={[
          { key: "item", header: text.item },
          { key: "domain", header: text.domain },
          { key: "mean", header: text.mean, className: "num" },
          { key: "ci", header: text.ci, className: "num" },
          { key: "n", header: text.n, className: "num" },
          { key: "rate", header: text.satisfactionRate, className: "num" },
          { key: "missing", header: text.missingShare, className: "num" },
          { key: "deff", header: text.designEffect, className: "num" },
          { key: "effectiveN", header: text.effectiveN, className: "num" },
        ]}
        // Without the item's summary its four diagnostic cells are one empty cell.
        renderRow={(question) => {
          const item = byQuestion.get(question);
          const estimate = area.items[question];
          const domain = results.domains.find((candidate) => candidate.code === item?.domain);
          return (
            <>
              <td className="item-table__title">
                {item?.title ?? question}
                <span className="item-table__code">{question}</span>
              </td>
              <td className="nowrap">{domain?.name ?? item?.domain ?? "—"}</td>
              <td className="num item-table__mean">{formatScore(estimate?.mean)}</td>
              <td className="num nowrap muted">{estimate ? formatEstimateCi(estimate) : "—"}</td>
              <td className="num">{estimate ? formatCount(estimate.n) : "—"}</td>
              {item ? <DiagnosticCells item={item} /> : <td colSpan={4} />}
            </>
          );
        }}
      />
      <p className="footnote">{text.itemFootnote}</p>
    </>
  );
}
