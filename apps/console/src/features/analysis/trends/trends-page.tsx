import type { AdminWaveListItem, MeasureComparison, WaveComparison, Weighting } from "@survey/contract";
import { useState } from "react";
import { EmptyState } from "../../../shared/components/feedback";
import { Card } from "../../../shared/components/page";
import { QueryState } from "../../../shared/components/query-state";
import { SelectedWaveState, useSelectedWave, WavePageHeader } from "../../waves/selected-wave";
import { useTrend, useWaveComparison } from "../api";
import { WeightingSwitch } from "../weighting-switch";
import "../analysis.css";
import "./trends.css";
import { optionsOf, Segmented, SelectField } from "../../../shared/components/fields";
import { resultsStrings, trendsStrings } from "../strings";
import { groupOf, type MeasureGroup, MeasureTable, measureId } from "./measure-table";
import { TownChanges } from "./town-changes";
import { TrendPanels } from "./trend-panels";

const text = trendsStrings;
const OVERALL_ID = "overall:overall";

/** The base wave to offer first: the latest earlier year, else the newest other wave. */
function defaultBase(current: AdminWaveListItem, others: AdminWaveListItem[]): AdminWaveListItem | undefined {
  const earlier = others.filter((wave) => wave.year < current.year).sort((a, b) => b.year - a.year || b.id - a.id);
  return earlier[0] ?? others[0];
}

function TrendCard({ measure, poststratify }: { measure: MeasureComparison; poststratify: boolean }) {
  const trend = useTrend({ kind: measure.kind, key: measure.key }, poststratify);
  return (
    <Card title={text.trendTitle(measure.label)} labelledBy="trend-title">
      <QueryState query={trend} empty={(series) => series.waves.length < 2 && text.trendTooShort}>
        {(series) => <TrendPanels series={series} />}
      </QueryState>
      <p className="footnote">{text.trendFootnote}</p>
    </Card>
  );
}

function ComparisonBody({ comparison, poststratify }: { comparison: WaveComparison; poststratify: boolean }) {
  const [group, setGroup] = useState<MeasureGroup>("summary");
  const [selectedId, setSelectedId] = useState(OVERALL_ID);
  const shown = comparison.measures.filter((measure) => groupOf(measure.kind) === group);
  const selected =
    comparison.measures.find((measure) => measureId(measure) === selectedId) ?? comparison.measures[0] ?? null;
  const significant = comparison.measures.filter((measure) => measure.district.significant);
  const up = significant.filter((measure) => measure.district.difference > 0).length;

  return (
    <>
      <p className="summary-line" data-testid="trends-summary">
        {text.summary(
          comparison.wave.title,
          comparison.baseWave.title,
          comparison.measures.length,
          up,
          significant.length - up,
        )}
      </p>
      <div className="layout-1-1 trends-layout">
        <Card
          title={text.measuresTitle}
          labelledBy="measures-title"
          actions={
            <Segmented label={text.groupLabel} value={group} options={optionsOf(text.groups)} onChange={setGroup} />
          }
        >
          <MeasureTable measures={shown} selected={selected ? measureId(selected) : null} onSelect={setSelectedId} />
          <p className="footnote">{text.measuresFootnote}</p>
        </Card>
        {selected ? (
          <Card title={text.townsTitle(selected.label)} labelledBy="town-changes-title">
            <TownChanges measure={selected} />
          </Card>
        ) : null}
      </div>
      {selected ? <TrendCard measure={selected} poststratify={poststratify} /> : null}
    </>
  );
}

export function TrendsPage() {
  // A wave hidden from trends (a test round) is neither compared nor a base year.
  const selection = useSelectedWave((wave) => !wave.hiddenFromTrends);
  const { waves, selected } = selection;
  const [baseChoice, setBaseChoice] = useState<{ waveId: number; baseId: number } | null>(null);
  const [weighting, setWeighting] = useState<Weighting>("design");
  const poststratify = weighting === "poststratified";
  const others = selected ? waves.filter((wave) => wave.id !== selected.id) : [];
  const chosen =
    baseChoice && baseChoice.waveId === selected?.id ? others.find((w) => w.id === baseChoice.baseId) : undefined;
  const base = chosen ?? (selected ? defaultBase(selected, others) : undefined);
  const comparison = useWaveComparison(selected?.id, base?.id, poststratify);

  return (
    <>
      <WavePageHeader title={text.title} intro={text.intro} selection={selection} />
      {selected && base ? (
        <div className="toolbar">
          <SelectField
            inline
            label={text.baseLabel}
            value={String(base.id)}
            options={others.map((wave) => ({ value: String(wave.id), label: wave.title }))}
            onChange={(value) => setBaseChoice({ waveId: selected.id, baseId: Number(value) })}
          />
          <WeightingSwitch value={weighting} onChange={setWeighting} />
        </div>
      ) : null}
      <SelectedWaveState selection={selection} noWave={resultsStrings.noWave}>
        {(wave) =>
          base ? (
            <QueryState query={comparison} loadingLabel={resultsStrings.computing}>
              {(data) => <ComparisonBody key={`${wave.id}-${base.id}`} comparison={data} poststratify={poststratify} />}
            </QueryState>
          ) : (
            <EmptyState>{text.noBase}</EmptyState>
          )
        }
      </SelectedWaveState>
    </>
  );
}
