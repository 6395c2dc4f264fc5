/** Large round icon at the top of a status or receipt screen. */
export function StatusIcon({ kind }: { kind: "success" | "info" | "warning" }) {
  const path =
    kind === "success"
      ? "M9.5 16.2 5.3 12l-1.4 1.4 5.6 5.6 11-11-1.4-1.4z"
      : kind === "warning"
        ? "M11 7h2v7h-2zm0 9h2v2h-2z"
        : "M11 10h2v8h-2zm0-4h2v2h-2z";
  return (
    <div className={`status-icon status-icon--${kind}`} aria-hidden="true">
      <svg viewBox="0 0 24 24" width="40" height="40" aria-hidden="true">
        <path fill="currentColor" d={path} />
      </svg>
    </div>
  );
}
