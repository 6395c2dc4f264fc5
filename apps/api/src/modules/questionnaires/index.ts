/** Questionnaires: SurveyJS definitions with their scoring, stored as versions; the one a wave uses; the studio. */
export {
  assertQuestionnaireChangeable,
  loadQuestionnaireById,
  publicQuestionnaire,
  publicQuestionnaireJson,
  questionnaireExists,
  questionnaireOfWave,
  type StoredQuestionnaire,
} from "./questionnaire-service";
export { default as questionnaireDocumentRoutes } from "./routes/documents";
export { default as questionnaireRoutes } from "./routes/questionnaires";
