/** Questionnaires: SurveyJS definitions with their scoring, stored as versions; the one a wave uses. */
export {
  assertQuestionnaireChangeable,
  loadQuestionnaireById,
  publicQuestionnaire,
  publicQuestionnaireJson,
  questionnaireExists,
  questionnaireOfWave,
  type StoredQuestionnaire,
} from "./questionnaire-service";
export { default as questionnaireRoutes } from "./routes";
