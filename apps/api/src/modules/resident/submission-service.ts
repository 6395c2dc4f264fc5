import { hashSecretToken } from "@survey/identity/pii-hash";
import { validateAnswers } from "@survey/questionnaire";
import type { Deps } from "../../platform/deps";
import { InvalidAnswersError, InvalidTokenError } from "../../platform/errors";
import { withTransactionRetry } from "../../platform/transaction-retry";
import { loadQuestionnaireById } from "../questionnaires";
import { completeHeldSlot, completeWithoutReservation } from "./data/quota";
import { findResponseOfReservation, lockSubmissionOfToken, markReservationSubmitted } from "./data/respondents";
import { storeResponse } from "./data/response-store";
import { receiptOf } from "./reservation-service";

/**
 * `POST /api/responses`: stores the answers with the quota completion in one transaction. The
 * reservation row is locked by the first read, so concurrent submits with one token store one response and
 * the others return it (idempotent). A late submission is stored and counted only if a slot is free.
 */
export async function submitResponse(deps: Pick<Deps, "db" | "now">, token: string, answers: Record<string, unknown>) {
  const { db } = deps;
  const tokenHash = hashSecretToken(token);
  return withTransactionRetry(() =>
    db.transaction(async (tx) => {
      const found = await lockSubmissionOfToken(tx, tokenHash);
      if (!found) throw new InvalidTokenError();
      // Already submitted (a retry): the stored response is the answer.
      if (found.response) return { created: false, body: receiptOf(found.response) };
      const { reservation } = found;
      // Submitted while this request waited for the lock: the read's snapshot predates that response, so it
      // is read again.
      if (reservation.status === "submitted") {
        const already = await findResponseOfReservation(tx, reservation.id);
        if (already) return { created: false, body: receiptOf(already) };
      }
      const questionnaire = await loadQuestionnaireById(tx, found.questionnaireId ?? -1);
      const problems = validateAnswers(questionnaire.definition, answers, { complete: true });
      if (problems.length > 0) throw new InvalidAnswersError({ details: problems });
      const now = deps.now();
      let counted: boolean;
      if (reservation.status === "active") {
        // Still holding its slot (even if past its time and not yet swept): the slot becomes a completion.
        await completeHeldSlot(tx, reservation, now);
        counted = true;
      } else {
        await markReservationSubmitted(tx, reservation.id, now);
        counted = (await completeWithoutReservation(tx, reservation)).ok;
      }
      const response = await storeResponse(tx, {
        waveId: reservation.waveId,
        questionnaire,
        reservationId: reservation.id,
        communityCode: reservation.communityCode,
        townCode: reservation.townCode,
        mode: "online",
        idHash: reservation.idHash,
        phoneHash: reservation.phoneHash,
        sex: reservation.sex,
        birthYear: reservation.birthYear,
        ageGroup: reservation.ageGroup,
        registered: reservation.registered,
        counted,
        answers,
        startedAt: reservation.createdAt,
        submittedAt: now,
      });
      return { created: true, body: receiptOf(response) };
    }),
  );
}
