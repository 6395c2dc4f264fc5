import {
  buildDefaultQuestionnaire,
  DEFAULT_QUESTIONNAIRE_CODE,
  DEFAULT_QUESTIONNAIRE_TITLE,
} from "@survey/questionnaire";

/** The demo wave uses the district's default questionnaire. */
export function demoQuestionnaire() {
  return {
    code: DEFAULT_QUESTIONNAIRE_CODE,
    title: DEFAULT_QUESTIONNAIRE_TITLE,
    definition: buildDefaultQuestionnaire(),
  };
}
