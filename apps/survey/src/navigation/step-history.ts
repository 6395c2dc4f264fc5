import { useCallback, useEffect, useRef, useState } from "react";

/**
 * Each step of the journey is an entry in the browser's history, so the phone's Back (WeChat's ← in
 * particular, which closes the page when there is no entry to return to) goes back one step instead of
 * leaving the survey. The questionnaire adds one entry per page under its step (`page`).
 */
export interface StepState {
  surveyStep: number;
  page?: number;
}

export function readStepState(state: unknown): StepState | null {
  if (!state || typeof state !== "object") return null;
  const { surveyStep, page } = state as Partial<StepState>;
  if (typeof surveyStep !== "number") return null;
  return typeof page === "number" ? { surveyStep, page } : { surveyStep };
}

/** Some embedded browsers refuse history changes; the journey works without them, only Back does not. */
export function writeHistory(how: "push" | "replace", state: StepState, url?: string): void {
  try {
    if (how === "push") window.history.pushState(state, "", url);
    else window.history.replaceState(state, "", url);
  } catch {
    // See above.
  }
}

/** Changes the address (e.g. the chosen community) without touching the step it belongs to. */
export function replaceUrl(url: string): void {
  try {
    window.history.replaceState(window.history.state, "", url);
  } catch {
    // See writeHistory.
  }
}

export interface StepHistory<S> {
  screen: S;
  /** A new step: Back returns to the current one. */
  push: (next: S) => void;
  /** The same step shows something else (a result, or a step Back must not return into, e.g. a code used). */
  replace: (next: S) => void;
  /** The step the current screen is on; the questionnaire writes its pages' entries under it. */
  step: () => number;
}

/**
 * The screens the resident went through, by step. Back (popstate) shows the step's screen again; a step
 * this page never showed (after a reload) calls `onUnknownStep`. `leaveOnBack(screen)` marks screens whose
 * Back skips every earlier step (the receipt: nothing before it can be changed any more).
 */
export function useStepHistory<S>(
  initial: S,
  options: { onUnknownStep: () => void; leaveOnBack: (screen: S) => boolean },
): StepHistory<S> {
  const [screen, setScreen] = useState<S>(initial);
  const trail = useRef<S[]>([initial]);
  const position = useRef(0);
  const current = useRef(initial);
  const callbacks = useRef(options);
  callbacks.current = options;

  const show = useCallback((next: S) => {
    current.current = next;
    setScreen(next);
  }, []);

  const push = useCallback(
    (next: S) => {
      position.current += 1;
      trail.current = [...trail.current.slice(0, position.current), next];
      writeHistory("push", { surveyStep: position.current });
      show(next);
    },
    [show],
  );

  const replace = useCallback(
    (next: S) => {
      trail.current[position.current] = next;
      writeHistory("replace", { surveyStep: position.current });
      show(next);
    },
    [show],
  );

  useEffect(() => {
    const onPopState = (event: PopStateEvent) => {
      const state = readStepState(event.state);
      if (!state) return;
      if (callbacks.current.leaveOnBack(current.current) && state.surveyStep <= position.current) {
        window.history.back();
        return;
      }
      // The questionnaire's own pages: it moves between them itself.
      if (state.page !== undefined && state.surveyStep === position.current) return;
      const target = trail.current[state.surveyStep];
      if (target === undefined) {
        callbacks.current.onUnknownStep();
        return;
      }
      position.current = state.surveyStep;
      show(target);
    };
    window.addEventListener("popstate", onPopState);
    return () => window.removeEventListener("popstate", onPopState);
  }, [show]);

  return { screen, push, replace, step: useCallback(() => position.current, []) };
}
