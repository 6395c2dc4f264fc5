/**
 * The questionnaire (SurveyJS and its CSS) is a separate chunk: the first screens load without it, and it
 * is fetched while the resident types their ID number, so it is usually there by the time it is needed.
 */
export const loadQuestionnaireModule = () => import("./questionnaire-screen");

let prefetching: Promise<unknown> | null = null;

export function prefetchQuestionnaire(): void {
  if (prefetching) return;
  prefetching = loadQuestionnaireModule().catch(() => {
    // A failed prefetch is retried when the screen is really needed.
    prefetching = null;
  });
}
