/**
 * ConfirmReply as JSON text, with the questionnaire already serialised (publicQuestionnaireJson): the same
 * fields in the same order as the contract's ConfirmReply, so the token comes first.
 */
export function confirmReplyJson(reply: {
  reservationToken: string;
  expiresAt: string;
  questionnaireJson: string;
  draft: Record<string, unknown>;
}): string {
  return `{"reservationToken":${JSON.stringify(reply.reservationToken)},"expiresAt":${JSON.stringify(reply.expiresAt)},"questionnaire":${reply.questionnaireJson},"draft":${JSON.stringify(reply.draft)}}`;
}
