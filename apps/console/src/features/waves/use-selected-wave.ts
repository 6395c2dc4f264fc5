import { useSearchParams } from "react-router-dom";
import { type AdminWaveListItem, useWaves } from "./api";

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
