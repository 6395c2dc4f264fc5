import { type ComponentType, lazy } from "react";
import type { QuestionnaireScreenProps } from "./questionnaire-screen";

/**
 * The questionnaire (SurveyJS and its CSS, ~300 KB compressed) is a separate chunk: the first screens load
 * without it. It is fetched as soon as the first screen is on show and the browser is idle — on a 1.6 Mbit/s
 * connection it takes about two seconds, which the resident spends reading the consent and typing their ID
 * number — so it is usually there by the time the SMS code is confirmed. Once here, SurveyJS is run once
 * off screen (warm-up.tsx), so the real questionnaire is drawn faster after the code.
 */
type QuestionnaireModule = { default: ComponentType<QuestionnaireScreenProps>; warmUpSurvey: () => void };

let loaded: QuestionnaireModule | null = null;
let loading: Promise<QuestionnaireModule> | null = null;
let questionnaireShown = false;

export function loadQuestionnaireModule(): Promise<QuestionnaireModule> {
  if (!loading) {
    loading = import("./questionnaire-screen").then(
      (module) => {
        loaded = module;
        whenIdle(() => warmUp(module));
        return module;
      },
      (error: unknown) => {
        // A failed download is tried again when the screen is really needed.
        loading = null;
        throw error;
      },
    );
  }
  return loading;
}

/**
 * The screen, without a loading flash when the chunk is already here: React.lazy takes a thenable that
 * resolves at once as loaded, where a fresh import() would suspend and hold the questionnaire back behind
 * the fallback (React shows a fallback for at least 300 ms).
 */
export const QuestionnaireScreen = lazy(() => {
  questionnaireShown = true;
  return loaded ? settled(loaded) : loadQuestionnaireModule();
});

function settled(module: QuestionnaireModule): Promise<QuestionnaireModule> {
  return {
    // biome-ignore lint/suspicious/noThenProperty: a thenable on purpose, one that React.lazy sees resolved.
    then: (resolve: (value: QuestionnaireModule) => void) => resolve(module),
  } as unknown as Promise<QuestionnaireModule>;
}

export function prefetchQuestionnaire(): void {
  loadQuestionnaireModule().catch(() => {});
}

/** Whether the resident asked their browser to save data: then SurveyJS waits until the ID number is typed. */
function savesData(): boolean {
  const connection = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection;
  return connection?.saveData === true;
}

function whenIdle(run: () => void): void {
  if (typeof window.requestIdleCallback === "function") {
    window.requestIdleCallback(run, { timeout: 1000 });
  } else {
    // Safari (WeChat on iPhones) has no idle callback.
    window.setTimeout(run, 200);
  }
}

/** Warming up is only worth it before the questionnaire is on screen; it never stops the resident. */
function warmUp(module: QuestionnaireModule): void {
  if (questionnaireShown) return;
  try {
    module.warmUpSurvey();
  } catch {
    // The real questionnaire is built the same way and reports its own problems.
  }
}

/** Starts the download once the current screen is drawn and the browser has nothing more urgent to do. */
export function prefetchQuestionnaireWhenIdle(): void {
  if (loading || savesData()) return;
  whenIdle(prefetchQuestionnaire);
}
