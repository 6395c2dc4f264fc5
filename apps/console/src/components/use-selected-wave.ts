import { useSearchParams } from "react-router-dom";
import { defaultWave, useWaves, type Wave } from "../api/waves";

/**
 * The wave a page works on: `?wave=<id>` in the address (so a link or reload keeps it), else the
 * open wave opened last.
 */
export function useSelectedWave(filter: (wave: Wave) => boolean = () => true) {
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
