export {
  DEFAULT_SCORE_MAPPING,
  DIMENSION_CODES,
  DIMENSIONS,
  type DimensionCode,
  DOMAIN_CODES,
  DONT_KNOW_CODE,
  type DomainCode,
  ITEM_KINDS,
  type ItemKind,
  isDimensionCode,
  isDomainCode,
  NOT_APPLICABLE_CODE,
  SATISFACTION_CODES,
  SATISFACTION_LABELS,
  SATISFACTION_SCALE,
  SCORE_MAPPINGS,
  type ScoreMapping,
  scoreOfCode,
} from "./codes";
export { compareVersions, type VersionChanges } from "./compare-versions";
export { type ConditionContext, describeCondition } from "./condition-words";
export {
  buildDefaultQuestionnaire,
  COMMENT_MAX_LENGTH,
  DEFAULT_QUESTIONNAIRE_CODE,
  DEFAULT_QUESTIONNAIRE_TITLE,
  type QuestionnaireDefinition,
} from "./default-questionnaire";
export {
  answersFromImportRow,
  IMPORT_META_COLUMNS,
  type ImportProblem,
  type ImportRowOptions,
  type ImportRowResult,
} from "./import-row";
export type { DefinitionProblem } from "./inspect-definition";
export {
  EDITOR_ITEM_KIND_LABELS,
  EDITOR_ITEM_KINDS,
  type EditorItemKind,
  editorKindOf,
  itemOfKind,
  newItemName,
} from "./item-templates";
export { estimatedMinutes, type QuestionnaireLength, questionnaireLength } from "./length";
export { freezeDefinition, InvalidDefinitionError } from "./loaded-questionnaire";
export { type OpenQuestion, openQuestions } from "./open-questions";
export {
  answeredQuestionCount,
  type FlaggedResponse,
  isStraightLined,
  isTooFast,
  QUALITY_FLAGS,
  type QualityFlag,
  type QualityRules,
  qualityFlags,
  STRAIGHT_LINING_MIN_ITEMS,
} from "./quality-flags";
export {
  type AnswerCode,
  type ItemForm,
  listQuestionnaireItems,
  type QuestionnaireItem,
} from "./questionnaire-items";
export { type ResponseScore, type ScoredAnswer, scoreResponse } from "./score-response";
export {
  buildScoringMap,
  type CodedItem,
  type SatisfactionItem,
  type ScoredItem,
  type ScoringMap,
} from "./scoring-map";
export { createModel, registerSurveyProperties } from "./survey-properties";
export { type AnswerProblem, type AnswerValidationOptions, validateAnswers } from "./validate-answers";
export {
  type DefinitionValidation,
  type EarlierItem,
  plainText,
  validateDefinition,
  validateDraft,
} from "./validate-definition";
