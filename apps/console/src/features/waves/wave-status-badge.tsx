import { waveStatusLabels } from "./strings";

export function WaveStatusBadge({ status }: { status: string }) {
  return <span className={`badge badge--${status}`}>{waveStatusLabels[status] ?? status}</span>;
}
