import type { AdminWaveListItem } from "@survey/contract";
import type { ReactNode } from "react";
import { useSearchParams } from "react-router-dom";
import { SelectField } from "../../shared/components/fields";
import { PageHeader } from "../../shared/components/page";
import { QueryState } from "../../shared/components/query-state";
import { useWaves } from "./api";
import { wavePickerStrings, waveStatusLabels } from "./strings";

/** The wave to show first: the open one opened last, else the newest. */
function defaultWave(waves: AdminWaveListItem[]): AdminWaveListItem | undefined {
  const open = waves
    .filter((wave) => wave.status === "open")
    .sort((a, b) => (b.openedAt ?? "").localeCompare(a.openedAt ?? ""));
  return open[0] ?? waves[0];
}

/**
 * The wave a page works on: `?wave=<id>` in the address (so a link or reload keeps it), else the
 * open wave opened last.
 */
export function useSelectedWave(filter: (wave: AdminWaveListItem) => boolean = () => true) {
  const waves = useWaves();
  const [params, setParams] = useSearchParams();
  const list = (waves.data ?? []).filter(filter);
  const requested = Number(params.get("wave"));
  const selected = list.find((wave) => wave.id === requested) ?? defaultWave(list);
  const select = (waveId: number) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set("wave", String(waveId));
        return next;
      },
      { replace: true },
    );
  return { waves: list, query: waves, selected, select };
}

export type SelectedWave = ReturnType<typeof useSelectedWave>;

/** A page's header with the wave picker, and the page's own actions for the chosen wave after it. */
export function WavePageHeader({
  title,
  intro,
  selection: { waves, selected, select },
  actions,
}: {
  title: string;
  intro?: ReactNode;
  selection: SelectedWave;
  actions?: (wave: AdminWaveListItem) => ReactNode;
}) {
  return (
    <PageHeader
      title={title}
      intro={intro}
      actions={
        selected ? (
          <>
            <SelectField
              inline
              label={wavePickerStrings.label}
              value={String(selected.id)}
              options={waves.map((wave) => ({
                value: String(wave.id),
                label: `${wave.title}（${waveStatusLabels[wave.status]}）`,
              }))}
              onChange={(waveId) => select(Number(waveId))}
            />
            {actions?.(selected)}
          </>
        ) : null
      }
    />
  );
}

/** The waves loading or failed, a sentence when there is no wave to work on, else the page for the chosen one. */
export function SelectedWaveState({
  selection: { query, selected },
  noWave,
  retry,
  children,
}: {
  selection: SelectedWave;
  noWave: string;
  retry?: boolean;
  children: (wave: AdminWaveListItem) => ReactNode;
}) {
  return (
    <QueryState query={query} retry={retry} empty={() => !selected && noWave}>
      {() => (selected ? children(selected) : null)}
    </QueryState>
  );
}
