/** Questionnaires (SurveyJS JSON with scoring properties): the list, one definition, a new version. */
import { type Static, Type } from "typebox";

/** One element of `GET /api/admin/questionnaires`. */
export const QuestionnaireSummary = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  version: Type.Integer(),
  title: Type.String(),
  createdAt: Type.String({ format: "date-time" }),
});
export type QuestionnaireSummary = Static<typeof QuestionnaireSummary>;

export const QuestionnaireIdParams = Type.Object({ id: Type.String({ maxLength: 20 }) });

/** `GET /api/admin/questionnaires/:id` → 200. */
export const QuestionnaireDetail = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  version: Type.Integer(),
  title: Type.String(),
  definition: Type.Record(Type.String(), Type.Unknown()),
});
export type QuestionnaireDetail = Static<typeof QuestionnaireDetail>;

/** `POST /api/admin/questionnaires` → 201 `CreatedQuestionnaire`; 422 `invalid_questionnaire`. */
export const CreateQuestionnaireBody = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 60, pattern: "^[A-Za-z0-9_.-]+$" }),
    title: Type.String({ minLength: 1, maxLength: 200 }),
    definition: Type.Unknown(),
  },
  { additionalProperties: false },
);
export type CreateQuestionnaireBody = Static<typeof CreateQuestionnaireBody>;

export const CreatedQuestionnaire = Type.Object({ id: Type.Integer(), version: Type.Integer() });
export type CreatedQuestionnaire = Static<typeof CreatedQuestionnaire>;

/** A wave that uses a questionnaire version, as the studio lists it. */
export const QuestionnaireWaveUse = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  title: Type.String(),
  year: Type.Integer(),
  status: Type.Union([Type.Literal("draft"), Type.Literal("open"), Type.Literal("closed")]),
  hasResponses: Type.Boolean(),
});
export type QuestionnaireWaveUse = Static<typeof QuestionnaireWaveUse>;

/** One version in the studio's list: where it came from, which waves use it, whether it can still be edited. */
export const QuestionnaireVersion = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  version: Type.Integer(),
  title: Type.String(),
  sourceId: Type.Union([Type.Integer(), Type.Null()]),
  createdAt: Type.String({ format: "date-time" }),
  updatedAt: Type.String({ format: "date-time" }),
  waves: Type.Array(QuestionnaireWaveUse),
  /** No longer editable: a wave that uses it has a response or has been opened. */
  frozen: Type.Boolean(),
  questionCount: Type.Integer(),
});
export type QuestionnaireVersion = Static<typeof QuestionnaireVersion>;

/** `GET /api/admin/questionnaires` → 200: every version, newest version of each code first. */
export const QuestionnaireList = Type.Array(QuestionnaireVersion);
export type QuestionnaireList = Static<typeof QuestionnaireList>;

/** `GET /api/admin/questionnaires/:id` → 200: one version (`QuestionnaireDetail`) with what the studio needs. */
export const QuestionnaireDraft = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  version: Type.Integer(),
  title: Type.String(),
  definition: Type.Record(Type.String(), Type.Unknown()),
  sourceId: Type.Union([Type.Integer(), Type.Null()]),
  revision: Type.Integer(),
  updatedAt: Type.String({ format: "date-time" }),
  waves: Type.Array(QuestionnaireWaveUse),
  frozen: Type.Boolean(),
  /** Every question name any version of this questionnaire has used: a new item never takes one of them. */
  usedNames: Type.Array(Type.String()),
});
export type QuestionnaireDraft = Static<typeof QuestionnaireDraft>;

/** `PUT /api/admin/questionnaires/:id` → 200 `SavedQuestionnaire`; 409 `questionnaire_in_use`; 422 with details. */
export const UpdateQuestionnaireBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    definition: Type.Unknown(),
  },
  { additionalProperties: false },
);
export type UpdateQuestionnaireBody = Static<typeof UpdateQuestionnaireBody>;

export const SavedQuestionnaire = Type.Object({
  id: Type.Integer(),
  version: Type.Integer(),
  revision: Type.Integer(),
  updatedAt: Type.String({ format: "date-time" }),
});
export type SavedQuestionnaire = Static<typeof SavedQuestionnaire>;

/**
 * One entry of a 422 `invalid_questionnaire`'s `details`: the sentence, the path of the field in the definition
 * (`pages[0].elements[2].domain`; "" for the whole questionnaire) and the question's name when it is about one.
 */
export const QuestionnaireProblem = Type.Object({
  path: Type.String(),
  question: Type.Optional(Type.String()),
  message: Type.String(),
});
export type QuestionnaireProblem = Static<typeof QuestionnaireProblem>;
