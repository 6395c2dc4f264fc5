import { Type } from "typebox";

export const StartVerificationBody = Type.Object(
  {
    idNumber: Type.String({ maxLength: 64, description: "居民身份证号码（18位）" }),
    phone: Type.String({ maxLength: 32, description: "中国大陆手机号码" }),
    communityCode: Type.String({ maxLength: 40 }),
  },
  { additionalProperties: false },
);

export const StartVerificationReply = Type.Object({
  verificationId: Type.String(),
  expiresAt: Type.String({ format: "date-time" }),
  phoneMasked: Type.String(),
});

export const ConfirmBody = Type.Object({ code: Type.String({ maxLength: 16 }) }, { additionalProperties: false });

/** Answers keyed by question name; the questionnaire decides what each value may be. */
export const Answers = Type.Record(Type.String({ maxLength: 100 }), Type.Unknown(), { maxProperties: 500 });

export const PublicQuestionnaire = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  definition: Type.Record(Type.String(), Type.Unknown()),
});

export const ConfirmReply = Type.Object({
  reservationToken: Type.String(),
  expiresAt: Type.String({ format: "date-time" }),
  questionnaire: PublicQuestionnaire,
  draft: Answers,
});

/**
 * ConfirmReply as JSON text, with the questionnaire already serialised (publicQuestionnaireJson): the same
 * fields in the same order, so the token comes first.
 */
export function confirmReplyJson(reply: {
  reservationToken: string;
  expiresAt: string;
  questionnaireJson: string;
  draft: Record<string, unknown>;
}): string {
  return `{"reservationToken":${JSON.stringify(reply.reservationToken)},"expiresAt":${JSON.stringify(reply.expiresAt)},"questionnaire":${reply.questionnaireJson},"draft":${JSON.stringify(reply.draft)}}`;
}

export const Receipt = Type.Object({
  responseId: Type.String(),
  receiptCode: Type.String(),
  counted: Type.Boolean(),
});

export const ReservationReply = Type.Object({
  status: Type.Union([Type.Literal("active"), Type.Literal("expired"), Type.Literal("submitted")]),
  expiresAt: Type.String({ format: "date-time" }),
  community: Type.Object({
    code: Type.String(),
    name: Type.String(),
    townCode: Type.String(),
    townName: Type.String(),
  }),
  questionnaire: PublicQuestionnaire,
  draft: Answers,
  response: Type.Optional(Receipt),
});

export const AnswersBody = Type.Object({ answers: Answers }, { additionalProperties: false });

export const BearerHeaders = Type.Object({ authorization: Type.Optional(Type.String({ maxLength: 300 })) });

export const OutboxQuery = Type.Object({ phone: Type.String({ maxLength: 32 }) });
export const OutboxReply = Type.Array(
  Type.Object({ text: Type.String(), code: Type.String(), createdAt: Type.String({ format: "date-time" }) }),
);
