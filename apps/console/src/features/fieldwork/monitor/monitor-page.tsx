import type { FieldworkSummary } from "@survey/contract";
import { useState } from "react";
import { DownloadButton } from "../../../shared/components/download-button";
import { Card } from "../../../shared/components/page";
import { ProgressBar } from "../../../shared/components/progress-bar";
import { QueryState } from "../../../shared/components/query-state";
import { formatDate, formatShare, formatTime } from "../../../shared/format";
import { QualityCard } from "../../responses/quality-card";
import { SelectedWaveState, useSelectedWave, WavePageHeader } from "../../waves/selected-wave";
import { fieldworkWorkbookUrl, type LiveMode, useFieldwork } from "../api";
import { monitorStrings } from "../strings";
import { CommunityGrid } from "./community-grid";
import { CompositionPanel } from "./composition-panel";
import { DailyChart } from "./daily-chart";
import { DistrictCompositionPanel } from "./district-composition";
import { HeldReservations } from "./held-reservations";
import "./monitor.css";
import { RiskList } from "./risk-list";
import { TownProgressTable } from "./town-progress-table";

const text = monitorStrings;
const DAY_MS = 24 * 3600 * 1000;

function LiveIndicator({ mode, generatedAt }: { mode: LiveMode; generatedAt: string | undefined }) {
  return (
    <span className={`live live--${mode}`} role="status" aria-live="off">
      <span className="live__dot" aria-hidden="true" />
      {mode === "stream" ? text.live : text.polling}
      {generatedAt ? <span className="live__time"> · {text.updatedAt(formatTime(generatedAt))}</span> : null}
    </span>
  );
}

function Totals({ summary }: { summary: FieldworkSummary }) {
  const { totals, wave, towns } = summary;
  const atRisk = towns.filter((town) => town.projection.atRisk).length;
  const daysLeft = wave.closesAt
    ? Math.ceil((new Date(wave.closesAt).getTime() - new Date(summary.generatedAt).getTime()) / DAY_MS)
    : null;
  return (
    <div className="stats">
      <div className="stat stat--wide">
        <div className="stat__label">{text.totalsCompleted}</div>
        <div className="stat__value" data-testid="total-completed">
          {totals.completed.toLocaleString("zh-CN")}
          <span className="stat__unit"> / {totals.target.toLocaleString("zh-CN")}</span>
        </div>
        <ProgressBar
          completed={totals.completed}
          reserved={totals.reserved}
          target={totals.target}
          label={`${text.totalsCompleted} ${totals.completed} / ${totals.target}`}
        />
        <div className="stat__note">{formatShare(totals.target > 0 ? totals.completed / totals.target : 0)}</div>
      </div>
      <div className="stat">
        <div className="stat__label">{text.totalsReserved}</div>
        <div className="stat__value" data-testid="total-reserved">
          {totals.reserved}
        </div>
      </div>
      <div className="stat">
        <div className="stat__label">{text.totalsClosesAt}</div>
        <div className="stat__value stat__value--small">
          {wave.closesAt ? formatDate(wave.closesAt) : text.noClosingDate}
        </div>
        {daysLeft !== null ? <div className="stat__note">{text.daysLeft(daysLeft)}</div> : null}
      </div>
      <div className={`stat${atRisk > 0 ? " stat--warn" : ""}`}>
        <div className="stat__label">{text.totalsAtRisk}</div>
        <div className="stat__value">{atRisk}</div>
      </div>
    </div>
  );
}

/**
 * The monitor's cards, one per question an office asks of fieldwork; a new card (e.g. quality flags) is
 * one more `<Card>` here with its own component beside this file.
 */
function MonitorBody({ summary }: { summary: FieldworkSummary }) {
  const [townCode, setTownCode] = useState<string | null>(null);
  return (
    <>
      <Totals summary={summary} />
      <div className="layout-2-1">
        <Card title={text.townsTitle} labelledBy="towns-title">
          <TownProgressTable towns={summary.towns} selectedTown={townCode} onSelectTown={setTownCode} />
        </Card>
        <Card title={text.riskTitle} labelledBy="risk-title" className="card--risk">
          <RiskList towns={summary.towns} closesAt={summary.wave.closesAt} />
        </Card>
      </div>
      <div className="layout-1-1">
        <Card title={text.dailyTitle} labelledBy="daily-title">
          <DailyChart daily={summary.daily} />
        </Card>
        <Card title={text.compositionTitle} labelledBy="composition-title">
          <CompositionPanel
            towns={summary.towns}
            composition={summary.composition}
            townCode={townCode}
            onTownChange={setTownCode}
          />
        </Card>
      </div>
      <div className="layout-1-1">
        <Card title={text.districtTitle} labelledBy="district-title">
          <DistrictCompositionPanel district={summary.district} />
        </Card>
        <Card title={text.heldTitle} labelledBy="held-title">
          <HeldReservations held={summary.held} towns={summary.towns} />
        </Card>
      </div>
      <QualityCard waveId={summary.wave.id} version={String(summary.totals.completed)} />
      <Card title={text.gridTitle} labelledBy="grid-title">
        <CommunityGrid
          towns={summary.towns}
          communities={summary.communities}
          townCode={townCode}
          onTownChange={setTownCode}
        />
      </Card>
    </>
  );
}

export function MonitorPage() {
  const selection = useSelectedWave();
  const fieldwork = useFieldwork(selection.selected?.id);

  return (
    <>
      <WavePageHeader
        title={text.title}
        intro={
          selection.selected ? <LiveIndicator mode={fieldwork.mode} generatedAt={fieldwork.data?.generatedAt} /> : null
        }
        selection={selection}
        actions={(wave) => <DownloadButton href={fieldworkWorkbookUrl(wave.id)}>{text.export}</DownloadButton>}
      />
      <SelectedWaveState selection={selection} noWave={text.noWave}>
        {() => <QueryState query={fieldwork}>{(summary) => <MonitorBody summary={summary} />}</QueryState>}
      </SelectedWaveState>
    </>
  );
}
