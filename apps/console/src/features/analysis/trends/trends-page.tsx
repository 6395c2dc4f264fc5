import type { MeasureComparison, WaveComparison, Weighting } from "@survey/contract";
import { type ReactNode, useState } from "react";
import { EmptyState, ErrorNotice, Loading } from "../../../shared/components/feedback";
import { Card, PageHeader } from "../../../shared/components/page";
import type { AdminWaveListItem } from "../../waves/api";
import { useSelectedWave } from "../../waves/use-selected-wave";
import { WavePicker } from "../../waves/wave-picker";
import { useTrend, useWaveComparison } from "../api";
import "../analysis.css";
import "./trends.css";
import { Segmented, SelectField } from "../analysis-controls";
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
  let body: ReactNode;
  if (trend.isPending) body = <Loading />;
  else if (trend.isError) body = <ErrorNotice error={trend.error} onRetry={() => trend.refetch()} />;
  else if (trend.data.waves.length < 2) body = <EmptyState>{text.trendTooShort}</EmptyState>;
  else body = <TrendPanels series={trend.data} />;
  return (
    <Card title={text.trendTitle(measure.label)} labelledBy="trend-title">
      {body}
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
            <Segmented
              label={text.groupLabel}
              value={group}
              options={[
                { value: "summary", label: text.groups.summary },
                { value: "domain", label: text.groups.domain },
                { value: "item", label: text.groups.item },
              ]}
              onChange={setGroup}
            />
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
  const { waves, query: wavesQuery, selected, select } = useSelectedWave();
  const [baseChoice, setBaseChoice] = useState<{ waveId: number; baseId: number } | null>(null);
  const [weighting, setWeighting] = useState<Weighting>("design");
  const poststratify = weighting === "poststratified";
  const others = selected ? waves.filter((wave) => wave.id !== selected.id) : [];
  const chosen =
    baseChoice && baseChoice.waveId === selected?.id ? others.find((w) => w.id === baseChoice.baseId) : undefined;
  const base = chosen ?? (selected ? defaultBase(selected, others) : undefined);
  const comparison = useWaveComparison(selected?.id, base?.id, poststratify);

  let body: ReactNode;
  if (wavesQuery.isPending) body = <Loading />;
  else if (wavesQuery.isError) body = <ErrorNotice error={wavesQuery.error} onRetry={() => wavesQuery.refetch()} />;
  else if (!selected) body = <EmptyState>{resultsStrings.noWave}</EmptyState>;
  else if (!base) body = <EmptyState>{text.noBase}</EmptyState>;
  else if (comparison.isPending) body = <Loading label={resultsStrings.computing} />;
  else if (comparison.isError) body = <ErrorNotice error={comparison.error} onRetry={() => comparison.refetch()} />;
  else
    body = (
      <ComparisonBody key={`${selected.id}-${base.id}`} comparison={comparison.data} poststratify={poststratify} />
    );

  return (
    <>
      <PageHeader
        title={text.title}
        intro={text.intro}
        actions={selected ? <WavePicker waves={waves} value={selected.id} onChange={select} /> : null}
      />
      {selected && base ? (
        <div className="toolbar">
          <SelectField
            label={text.baseLabel}
            value={String(base.id)}
            options={others.map((wave) => ({ value: String(wave.id), label: wave.title }))}
            onChange={(value) => setBaseChoice({ waveId: selected.id, baseId: Number(value) })}
          />
          <Segmented
            label={resultsStrings.weightingLabel}
            showLabel
            value={weighting}
            options={[
              { value: "design", label: resultsStrings.weightingDesign },
              { value: "poststratified", label: resultsStrings.weightingPoststratified },
            ]}
            onChange={setWeighting}
          />
        </div>
      ) : null}
      {body}
    </>
  );
}
