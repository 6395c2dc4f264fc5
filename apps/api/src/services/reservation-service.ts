import { communities, type Database, towns } from "@survey/db";
import { hashSecretToken } from "@survey/identity/pii-hash";
import { validateAnswers } from "@survey/questionnaire";
import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { completeHeldSlot, completeWithoutReservation } from "../data/quota";
import {
  findReservationByTokenHash,
  findResponseOfReservation,
  lockSubmissionOfToken,
  markReservationSubmitted,
  type ReservationRow,
  saveDraft,
} from "../data/respondents";
import { findWave } from "../data/waves";
import { AlreadyRespondedError, InvalidAnswersError, InvalidTokenError, UnknownWaveError } from "../platform/errors";
import { withTransactionRetry } from "../platform/transaction-retry";
import { loadQuestionnaireById, publicQuestionnaire, questionnaireOfWave } from "./questionnaire-service";
import { storeResponse } from "./response-store";

type App = Pick<FastifyInstance, "now"> & { database: { db: Database } };

/** Reads `Authorization: Bearer <reservationToken>`; anything else is an invalid token. */
export function bearerToken(header: string | undefined): string {
  const match = /^Bearer\s+([A-Za-z0-9_-]{20,200})\s*$/.exec(header ?? "");
  if (!match?.[1]) throw new InvalidTokenError();
  return match[1];
}

async function reservationOfToken(db: Database, token: string): Promise<ReservationRow> {
  const reservation = await findReservationByTokenHash(db, hashSecretToken(token));
  if (!reservation) throw new InvalidTokenError();
  return reservation;
}

function receiptOf(response: { id: string; receiptCode: string; counted: boolean }) {
  return { responseId: response.id, receiptCode: response.receiptCode, counted: response.counted };
}

/** `GET /api/reservation`: everything the resident app needs to resume after a reload. */
export async function resumeReservation(app: App, token: string) {
  const { db } = app.database;
  const reservation = await reservationOfToken(db, token);
  const wave = await findWave(db, reservation.waveId);
  if (!wave) throw new UnknownWaveError();
  const questionnaire = await questionnaireOfWave(db, wave);
  const [place] = await db
    .select({ code: communities.code, name: communities.name, townCode: towns.code, townName: towns.name })
    .from(communities)
    .innerJoin(towns, eq(towns.code, communities.townCode))
    .where(eq(communities.code, reservation.communityCode));
  const response = reservation.status === "submitted" ? await findResponseOfReservation(db, reservation.id) : undefined;
  const status = reservation.status === "active" && reservation.expiresAt <= app.now() ? "expired" : reservation.status;
  return {
    status,
    expiresAt: reservation.expiresAt.toISOString(),
    community: place ?? { code: reservation.communityCode, name: "", townCode: reservation.townCode, townName: "" },
    questionnaire: publicQuestionnaire(questionnaire),
    draft: reservation.draft as Record<string, unknown>,
    ...(response ? { response: receiptOf(response) } : {}),
  };
}

/** `PUT /api/reservation/draft`: partial answers, checked for shape only. Kept even after expiry. */
export async function saveReservationDraft(app: App, token: string, answers: Record<string, unknown>) {
  const { db } = app.database;
  const reservation = await reservationOfToken(db, token);
  if (reservation.status === "submitted") throw new AlreadyRespondedError();
  const wave = await findWave(db, reservation.waveId);
  if (!wave) throw new UnknownWaveError();
  const questionnaire = await questionnaireOfWave(db, wave);
  const problems = validateAnswers(questionnaire.definition, answers, { complete: false });
  if (problems.length > 0) throw new InvalidAnswersError({ details: problems });
  await saveDraft(db, reservation.id, answers, app.now());
}

/**
 * `POST /api/responses`: stores the answers with the quota completion in one transaction. The
 * reservation row is locked by the first read, so concurrent submits with one token store one response and
 * the others return it (idempotent). A late submission is stored and counted only if a slot is free.
 */
export async function submitResponse(app: App, token: string, answers: Record<string, unknown>) {
  const { db } = app.database;
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
      const now = app.now();
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
