import { useEffect, useState } from "react";
import { strings } from "../strings";

/** Below this the time left is shown; below WARN_MINUTES it is a warning read out by screen readers. */
const SHOW_MINUTES = 10;
const WARN_MINUTES = 5;

function minutesLeft(heldUntil: string): number {
  return (Date.parse(heldUntil) - Date.now()) / 60_000;
}

function clockTime(iso: string): string {
  const at = new Date(iso);
  return `${String(at.getHours()).padStart(2, "0")}:${String(at.getMinutes()).padStart(2, "0")}`;
}

/**
 * The slot's hold, shown only when it matters: ten minutes before it lapses, with the time it lapses and a
 * button that keeps it (answering keeps it too: every autosave extends it). After it lapsed, what that means
 * — the answers are still kept and submitted. Nothing is hidden behind a countdown a resident must race.
 */
export function HoldDeadline({ heldUntil, onKeep }: { heldUntil: string; onKeep: () => void }) {
  const [left, setLeft] = useState(() => minutesLeft(heldUntil));
  useEffect(() => {
    setLeft(minutesLeft(heldUntil));
    const timer = setInterval(() => setLeft(minutesLeft(heldUntil)), 5_000);
    return () => clearInterval(timer);
  }, [heldUntil]);

  if (left > SHOW_MINUTES) return null;
  if (left <= 0) {
    return (
      <div className="notice notice--info hold-deadline" role="status">
        <p>{strings.questionnaire.holdLapsed}</p>
      </div>
    );
  }
  const warn = left <= WARN_MINUTES;
  return (
    <div className={`notice ${warn ? "notice--alert" : "notice--info"} hold-deadline`} role={warn ? "alert" : "status"}>
      <p>{strings.questionnaire.holdEnding(clockTime(heldUntil), Math.max(1, Math.ceil(left)))}</p>
      <button type="button" className="button button--secondary hold-deadline__keep" onClick={onKeep}>
        {strings.questionnaire.keepHold}
      </button>
    </div>
  );
}
