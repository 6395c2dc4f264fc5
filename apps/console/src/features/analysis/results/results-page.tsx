import type { TownTier, WaveResults, Weighting } from "@survey/contract";
import { type ReactNode, useState } from "react";
import { EmptyState, ErrorNotice, Loading, Notice } from "../../../shared/components/feedback";
import { Icon } from "../../../shared/components/icon";
import { Card, PageHeader } from "../../../shared/components/page";
import { useSelectedWave } from "../../waves/use-selected-wave";
import { WavePicker } from "../../waves/wave-picker";
import { microdataCsvUrl, resultsWorkbookUrl, useResults } from "../api";
import "../analysis.css";
import { formatCount, formatEstimateCi, formatPercentValue, formatScore } from "../../../shared/format";
import { Segmented } from "../analysis-controls";
import { resultsStrings } from "../strings";
import { type HeatGrouping, HeatTable } from "./heat-table";
import { ItemTable } from "./item-table";
import { TierRanking } from "./tier-ranking";

const text = resultsStrings;

function Totals({ results }: { results: WaveResults }) {
  const { district, overallItem, towns } = results;
  const count = (tier: TownTier) => towns.filter((town) => town.tier === tier).length;
  return (
    <div className="stats stats--results">
      <div className="stat">
        <div className="stat__label">{text.districtOverall}</div>
        <div className="stat__value" data-testid="district-overall-stat">
          {formatScore(district.overall.mean)}
        </div>
        <div className="stat__note">{text.ciNote(formatEstimateCi(district.overall))}</div>
      </div>
      <div className="stat">
        <div className="stat__label">{text.sampleSize}</div>
        <div className="stat__value">{formatCount(district.n)}</div>
        <div className="stat__note">{text.townsNote(towns.length)}</div>
      </div>
      <div className="stat">
        <div className="stat__label">{text.overallQuestion}</div>
        <div className="stat__value">{overallItem ? formatScore(overallItem.district.mean) : "—"}</div>
        <div className="stat__note">
          {overallItem?.satisfactionRate
            ? text.rateNote(formatPercentValue(overallItem.satisfactionRate.mean))
            : text.noOverallQuestion}
        </div>
      </div>
      <div className="stat">
        <div className="stat__label">{text.tiersStat}</div>
        <div className="stat__value stat__value--small tier-counts">
          <span className="tier-count tier-count--above">↑ {count("above")}</span>
          <span className="tier-count tier-count--average">＝ {count("average")}</span>
          <span className="tier-count tier-count--below">↓ {count("below")}</span>
        </div>
        <div className="stat__note">{text.tiersStatNote}</div>
      </div>
    </div>
  );
}

function ResultsBody({ results }: { results: WaveResults }) {
  const [grouping, setGrouping] = useState<HeatGrouping>("dimensions");
  const columns = grouping === "dimensions" ? results.dimensions : results.domains;
  return (
    <>
      {results.excludedTowns.length > 0 ? (
        <Notice tone="warning" title={text.excludedTitle}>
          <ul className="plain-list">
            {results.excludedTowns.map((town) => (
              <li key={town.code}>
                {town.name}（n = {town.n}）：{town.reason}
              </li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <Totals results={results} />
      <Card
        title={text.heatTitle}
        labelledBy="heat-title"
        actions={
          <Segmented
            label={text.groupingLabel}
            value={grouping}
            options={[
              { value: "dimensions", label: text.byDimension },
              { value: "domains", label: text.byDomain },
            ]}
            onChange={setGrouping}
          />
        }
      >
        <HeatTable district={results.district} towns={results.towns} columns={columns} grouping={grouping} />
      </Card>
      <Card title={text.rankingTitle} labelledBy="ranking-title">
        <TierRanking towns={results.towns} district={results.district} />
      </Card>
      <Card title={text.itemsTitle} labelledBy="items-title">
        <ItemTable results={results} />
      </Card>
    </>
  );
}

export function ResultsPage() {
  const { waves, query: wavesQuery, selected, select } = useSelectedWave();
  const [weighting, setWeighting] = useState<Weighting>("design");
  const poststratify = weighting === "poststratified";
  const results = useResults(selected?.id, poststratify);

  let body: ReactNode;
  if (wavesQuery.isPending) body = <Loading />;
  else if (wavesQuery.isError) body = <ErrorNotice error={wavesQuery.error} onRetry={() => wavesQuery.refetch()} />;
  else if (!selected) body = <EmptyState>{text.noWave}</EmptyState>;
  else if (results.isPending) body = <Loading label={text.computing} />;
  else if (results.isError) body = <ErrorNotice error={results.error} onRetry={() => results.refetch()} />;
  else body = <ResultsBody results={results.data} />;

  return (
    <>
      <PageHeader
        title={text.title}
        intro={text.intro}
        actions={
          selected ? (
            <>
              <WavePicker waves={waves} value={selected.id} onChange={select} />
              <a className="button" href={resultsWorkbookUrl(selected.id, poststratify)} download>
                <Icon name="download" size={16} />
                {text.exportWorkbook}
              </a>
              <a className="button" href={microdataCsvUrl(selected.id)} download>
                <Icon name="download" size={16} />
                {text.exportMicrodata}
              </a>
            </>
          ) : null
        }
      />
      {selected ? (
        <div className="toolbar">
          <Segmented
            label={text.weightingLabel}
            showLabel
            value={weighting}
            options={[
              { value: "design", label: text.weightingDesign },
              { value: "poststratified", label: text.weightingPoststratified },
            ]}
            onChange={setWeighting}
          />
          <span className="muted small">
            {poststratify ? text.weightingPoststratifiedNote : text.weightingDesignNote}
          </span>
        </div>
      ) : null}
      {body}
    </>
  );
}
