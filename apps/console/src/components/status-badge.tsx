import { strings } from "../strings";

export function WaveStatusBadge({ status }: { status: string }) {
  return <span className={`badge badge--${status}`}>{strings.waveStatus[status] ?? status}</span>;
}

export function Badge({ tone, children }: { tone: "ok" | "warn" | "danger" | "muted"; children: string }) {
  return <span className={`badge badge--${tone}`}>{children}</span>;
}
