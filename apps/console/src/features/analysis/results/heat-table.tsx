import type { AreaScores, Estimate, LabelledCode, TownResult, TownTier } from "@survey/contract";
import { useState } from "react";
import { formatCount, formatEstimateCi, formatScore, heatColour } from "../../../shared/format";
import { strings } from "../../../shared/strings";
import { BelowTargetMark, BelowTargetNote } from "../below-target";
import { resultsStrings } from "../strings";

const text = resultsStrings;

export type HeatGrouping = "dimensions" | "domains";
type SortKey = "rank" | "name" | "n" | string;

function ScoreCell({
  estimate,
  reference,
  testId,
}: {
  estimate: Estimate | undefined;
  reference: number | undefined;
  testId?: string;
}) {
  if (!estimate) return <td className="heat__cell heat__cell--empty">—</td>;
  const tooltip = text.cellTooltip(estimate);
  return (
    <td
      className="heat__cell"
      style={reference === undefined ? undefined : { background: heatColour(estimate.mean, reference) }}
      title={tooltip}
      data-testid={testId}
    >
      <span className="heat__mean">{formatScore(estimate.mean)}</span>
      <span className="heat__ci">{formatEstimateCi(estimate)}</span>
    </td>
  );
}

function TierBadge({ tier }: { tier: TownTier }) {
  return <span className={`badge tier tier--${tier}`}>{text.tiers[tier]}</span>;
}

function scoresOf(area: AreaScores, grouping: HeatGrouping): Record<string, Estimate> {
  return grouping === "dimensions" ? area.dimensions : area.domains;
}

/** Town × dimension (or domain) scores with their 95 % CIs, coloured against the district figure. */
export function HeatTable({
  district,
  towns,
  columns,
  grouping,
}: {
  district: AreaScores;
  towns: TownResult[];
  columns: LabelledCode[];
  grouping: HeatGrouping;
}) {
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: "rank", descending: false });
  const districtScores = scoresOf(district, grouping);
  const value = (town: TownResult, key: SortKey): number | string => {
    if (key === "rank") return town.rank;
    if (key === "name") return town.code;
    if (key === "n") return town.n;
    if (key === "overall") return town.overall.mean;
    return scoresOf(town, grouping)[key]?.mean ?? Number.NEGATIVE_INFINITY;
  };
  const sorted = [...towns].sort((a, b) => {
    const x = value(a, sort.key);
    const y = value(b, sort.key);
    const order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
    return sort.descending ? -order : order;
  });
  const sortBy = (key: SortKey, descendingFirst: boolean) =>
    setSort((current) =>
      current.key === key ? { key, descending: !current.descending } : { key, descending: descendingFirst },
    );
  const ariaSort = (key: SortKey) => (sort.key === key ? (sort.descending ? "descending" : "ascending") : undefined);
  const header = (key: SortKey, label: string, descendingFirst: boolean, className?: string) => (
    <th scope="col" className={className} aria-sort={ariaSort(key)}>
      <button type="button" className="sort-button" onClick={() => sortBy(key, descendingFirst)}>
        {label}
        <span className="sort-button__mark" aria-hidden="true">
          {sort.key === key ? (sort.descending ? "▼" : "▲") : ""}
        </span>
      </button>
    </th>
  );

  return (
    <div className="table-wrap">
      <table className="table heat" aria-label={text.heatTitle}>
        <thead>
          <tr>
            {header("rank", strings.rank, false, "num heat__rank")}
            {header("name", strings.town, false)}
            {header("n", text.n, true, "num")}
            {header("overall", text.overall, true, "heat__col heat__col--overall")}
            {columns.map((column) => header(column.code, column.name, true, "heat__col"))}
            <th scope="col">{text.tier}</th>
          </tr>
        </thead>
        <tbody>
          <tr className="heat__district">
            <td className="num heat__rank">—</td>
            <th scope="row">{strings.district}</th>
            <td className="num">{formatCount(district.n)}</td>
            <ScoreCell estimate={district.overall} reference={undefined} testId="district-overall" />
            {columns.map((column) => (
              <ScoreCell key={column.code} estimate={districtScores[column.code]} reference={undefined} />
            ))}
            <td className="muted small">{text.districtNote}</td>
          </tr>
          {sorted.map((town) => (
            <tr key={town.code} data-testid={`heat-row-${town.code}`}>
              <td className="num heat__rank">{town.rank}</td>
              <th scope="row">
                {town.name}
                <BelowTargetMark below={town.belowTarget} />
              </th>
              <td className="num">{formatCount(town.n)}</td>
              <ScoreCell estimate={town.overall} reference={district.overall.mean} testId={`overall-${town.code}`} />
              {columns.map((column) => (
                <ScoreCell
                  key={column.code}
                  estimate={scoresOf(town, grouping)[column.code]}
                  reference={districtScores[column.code]?.mean}
                />
              ))}
              <td>
                <TierBadge tier={town.tier} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <BelowTargetNote towns={towns.filter((town) => town.belowTarget)} />
      <div className="heat-legend" aria-hidden="true">
        <span>{text.legendBelow}</span>
        <span className="heat-legend__scale" />
        <span>{text.legendAbove}</span>
        <span className="heat-legend__note">{text.legendNote}</span>
      </div>
    </div>
  );
}
