import type { AutosaveStatus } from "../api/save-draft";
import { strings } from "../strings";

/** The small "已自动保存" beside the progress bar; it is what lets residents stop worrying. */
export function SaveStatus({ status }: { status: AutosaveStatus }) {
  if (status === "idle") return <span className="save-status" aria-live="polite" />;
  const text =
    status === "saving"
      ? strings.questionnaire.saving
      : status === "saved"
        ? strings.questionnaire.saved
        : strings.questionnaire.savedLocally;
  return (
    <span className={`save-status save-status--${status}`} aria-live="polite" data-status={status}>
      {status === "saved" ? <span aria-hidden="true">✓ </span> : null}
      {text}
    </span>
  );
}
