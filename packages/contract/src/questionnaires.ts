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
export const QuestionnaireList = Type.Array(QuestionnaireSummary);

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
