/**
 * Completed (solid) and held reservations (hatched) against a target. The label is read out by
 * screen readers; the bar itself is decoration.
 */
export function ProgressBar({
  completed,
  reserved = 0,
  target,
  label,
}: {
  completed: number;
  reserved?: number;
  target: number;
  label: string;
}) {
  const share = (value: number) => (target > 0 ? Math.min(100, (value / target) * 100) : 0);
  const completedWidth = share(completed);
  const reservedWidth = Math.min(100 - completedWidth, share(reserved));
  const tone = completed >= target && target > 0 ? "done" : completedWidth >= 50 ? "mid" : "low";
  return (
    <div
      className={`progress progress--${tone}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={target}
      aria-valuenow={completed}
    >
      <span className="progress__completed" style={{ width: `${completedWidth}%` }} />
      <span className="progress__reserved" style={{ width: `${reservedWidth}%` }} />
    </div>
  );
}
