import { useCallback, useEffect, useRef, useState } from "react";
import { retryDelayMs } from "../session/retry-delay";
import { type ApiError, request } from "./http";
import type { Answers, SubmittedResponse } from "./types";

/** POST /api/responses — idempotent: sending the same answers again returns the same receipt. */
export async function submitResponse(
  token: string,
  answers: Answers,
  signal?: AbortSignal,
): Promise<SubmittedResponse> {
  return (await request<SubmittedResponse>("POST", "/api/responses", { token, body: { answers }, signal })).data;
}

export type SubmissionState =
  | { phase: "idle" }
  | { phase: "sending"; attempt: number }
  | { phase: "waiting"; attempt: number; retryAt: number };

/**
 * Submits until the server acknowledges: network failures, timeouts, 5xx and rate limits are retried
 * with backoff (and at once when the phone comes back online); only a definite answer stops it.
 */
export function useSubmission(
  token: string,
  handlers: {
    onSubmitted: (result: SubmittedResponse) => void;
    /** A definite refusal (invalid answers, invalid token…): retrying the same request cannot help. */
    onRejected: (error: ApiError) => void;
  },
): { state: SubmissionState; submit: (answers: Answers) => void; retryNow: () => void } {
  const [state, setState] = useState<SubmissionState>({ phase: "idle" });
  const answersRef = useRef<Answers | null>(null);
  const attemptRef = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const running = useRef(false);
  const unmounted = useRef(false);
  const handlersRef = useRef(handlers);
  handlersRef.current = handlers;

  const attempt = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const answers = answersRef.current;
    if (!answers || running.current || unmounted.current) return;
    running.current = true;
    attemptRef.current += 1;
    setState({ phase: "sending", attempt: attemptRef.current });
    try {
      const result = await submitResponse(token, answers);
      answersRef.current = null;
      setState({ phase: "idle" });
      handlersRef.current.onSubmitted(result);
    } catch (caught) {
      const error = caught as ApiError;
      if (!error.transient) {
        answersRef.current = null;
        setState({ phase: "idle" });
        handlersRef.current.onRejected(error);
        return;
      }
      const delay = retryDelayMs(attemptRef.current, error.retryAfterSeconds);
      setState({ phase: "waiting", attempt: attemptRef.current, retryAt: Date.now() + delay });
      timer.current = setTimeout(() => void attempt(), delay);
    } finally {
      running.current = false;
    }
  }, [token]);

  const submit = useCallback(
    (answers: Answers) => {
      answersRef.current = answers;
      attemptRef.current = 0;
      void attempt();
    },
    [attempt],
  );

  const retryNow = useCallback(() => void attempt(), [attempt]);

  useEffect(() => {
    unmounted.current = false;
    window.addEventListener("online", retryNow);
    return () => {
      unmounted.current = true;
      window.removeEventListener("online", retryNow);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [retryNow]);

  return { state, submit, retryNow };
}
