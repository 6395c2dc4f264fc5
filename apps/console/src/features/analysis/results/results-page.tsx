import type { TownTier, WaveResults, Weighting } from "@survey/contract";
import { useState } from "react";
import { DownloadButton } from "../../../shared/components/download-button";
import { Notice } from "../../../shared/components/feedback";
import { Card } from "../../../shared/components/page";
import { QueryState } from "../../../shared/components/query-state";
import { SelectedWaveState, useSelectedWave, WavePageHeader } from "../../waves/selected-wave";
import { frequenciesUrl, microdataCsvUrl, microdataSavUrl, resultsWorkbookUrl, useResults } from "../api";
import { ReportButton } from "../report/report-button";
import { WeightingSwitch } from "../weighting-switch";
import "../analysis.css";
import "../print.css";
import { optionsOf, Segmented } from "../../../shared/components/fields";
import { formatCount, formatEstimateCi, formatPercentValue, formatScore } from "../../../shared/format";
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
            options={optionsOf({ dimensions: text.byDimension, domains: text.byDomain })}
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
  const selection = useSelectedWave();
  const [weighting, setWeighting] = useState<Weighting>("design");
  const poststratify = weighting === "poststratified";
  const results = useResults(selection.selected?.id, poststratify);

  return (
    <>
      <WavePageHeader
        title={text.title}
        intro={text.intro}
        selection={selection}
        actions={(wave) => (
          <>
            <DownloadButton href={resultsWorkbookUrl(wave.id, poststratify)}>{text.exportWorkbook}</DownloadButton>
            <DownloadButton href={frequenciesUrl(wave.id)}>{text.exportFrequencies}</DownloadButton>
            <DownloadButton href={microdataCsvUrl(wave.id)}>{text.exportMicrodata}</DownloadButton>
            <DownloadButton href={microdataSavUrl(wave.id)}>{text.exportSav}</DownloadButton>
            <ReportButton waveId={wave.id} towns={results.data?.towns ?? []} />
          </>
        )}
      />
      {selection.selected ? (
        <div className="toolbar">
          <WeightingSwitch value={weighting} onChange={setWeighting} />
          <span className="muted small">
            {poststratify ? text.weightingPoststratifiedNote : text.weightingDesignNote}
          </span>
        </div>
      ) : null}
      <SelectedWaveState selection={selection} noWave={text.noWave}>
        {() => (
          <QueryState query={results} loadingLabel={text.computing}>
            {(data) => <ResultsBody results={data} />}
          </QueryState>
        )}
      </SelectedWaveState>
    </>
  );
}
