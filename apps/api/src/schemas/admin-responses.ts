import { Type } from "typebox";
import { Answers, Receipt } from "./resident";

export const InterviewBody = Type.Object(
  {
    communityCode: Type.String({ maxLength: 40 }),
    idNumber: Type.Optional(Type.String({ maxLength: 64 })),
    phone: Type.Optional(Type.String({ maxLength: 32 })),
    sex: Type.Optional(Type.Union([Type.Literal("male"), Type.Literal("female")])),
    ageGroup: Type.Optional(Type.String({ maxLength: 10 })),
    answers: Answers,
  },
  { additionalProperties: false },
);

export const InterviewReply = Receipt;

export const ImportReply = Type.Object({ imported: Type.Integer(), counted: Type.Integer() });

export const QuestionnaireSummary = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  version: Type.Integer(),
  title: Type.String(),
  createdAt: Type.String({ format: "date-time" }),
});

export const QuestionnaireDetail = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  version: Type.Integer(),
  title: Type.String(),
  definition: Type.Record(Type.String(), Type.Unknown()),
});

export const CreateQuestionnaireBody = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 60, pattern: "^[A-Za-z0-9_.-]+$" }),
    title: Type.String({ minLength: 1, maxLength: 200 }),
    definition: Type.Unknown(),
  },
  { additionalProperties: false },
);
