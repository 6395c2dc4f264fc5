export function Badge({ tone, children }: { tone: "ok" | "warn" | "danger" | "muted"; children: string }) {
  return <span className={`badge badge--${tone}`}>{children}</span>;
}
