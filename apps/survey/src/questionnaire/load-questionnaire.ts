import { type ComponentType, lazy } from "react";
import type { QuestionnaireScreenProps } from "./questionnaire-screen";

/**
 * The questionnaire (SurveyJS and its CSS, ~300 KB compressed) is a separate chunk: the first screens load
 * without it. It is fetched as soon as the first screen is on show and the browser is idle — on a 1.6 Mbit/s
 * connection it takes about two seconds, which the resident spends reading the consent and typing their ID
 * number — so it is usually there by the time the SMS code is confirmed.
 */
type QuestionnaireModule = { default: ComponentType<QuestionnaireScreenProps> };

let loaded: QuestionnaireModule | null = null;
let loading: Promise<QuestionnaireModule> | null = null;

export function loadQuestionnaireModule(): Promise<QuestionnaireModule> {
  if (!loading) {
    loading = import("./questionnaire-screen").then(
      (module) => {
        loaded = module;
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
export const QuestionnaireScreen = lazy(() => (loaded ? settled(loaded) : loadQuestionnaireModule()));

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

/** Starts the download once the current screen is drawn and the browser has nothing more urgent to do. */
export function prefetchQuestionnaireWhenIdle(): void {
  if (loading || savesData()) return;
  if (typeof window.requestIdleCallback === "function") {
    window.requestIdleCallback(prefetchQuestionnaire, { timeout: 1000 });
  } else {
    // Safari (WeChat on iPhones) has no idle callback.
    window.setTimeout(prefetchQuestionnaire, 200);
  }
}
