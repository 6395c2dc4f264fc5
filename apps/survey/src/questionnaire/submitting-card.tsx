import type { SubmissionState } from "../api/submit-response";
import { useCountdown } from "../hooks/use-countdown";
import { strings } from "../strings";

/** Shown from "提交" until the server acknowledges; retries happen by themselves. */
export function SubmittingCard({ state, onRetry }: { state: SubmissionState; onRetry: () => void }) {
  const waitingUntil = state.phase === "waiting" ? state.retryAt : null;
  const seconds = useCountdown(waitingUntil);
  return (
    <section className="card status" aria-live="polite">
      <span className="spinner spinner--large" aria-hidden="true" />
      <h1 className="status__heading">{strings.questionnaire.submitting}</h1>
      {state.phase === "waiting" ? (
        <>
          <p className="status__text">{strings.questionnaire.submitRetrying(state.attempt)}</p>
          <button type="button" className="button button--secondary" onClick={onRetry}>
            {seconds > 0 ? strings.questionnaire.submitNowIn(seconds) : strings.questionnaire.submitNow}
          </button>
        </>
      ) : null}
    </section>
  );
}
