import type { Database } from "@survey/db";
import { hashSecretToken } from "@survey/identity/pii-hash";
import { validateAnswers } from "@survey/questionnaire";
import type { Deps } from "../../platform/deps";
import { AlreadyRespondedError, InvalidAnswersError, InvalidTokenError, UnknownWaveError } from "../../platform/errors";
import { publicQuestionnaire, questionnaireOfWave } from "../questionnaires";
import { findWave } from "../waves";
import {
  findPlace,
  findReservationByTokenHash,
  findResponseOfReservation,
  type ReservationRow,
  saveDraft,
} from "./data/respondents";

async function reservationOfToken(db: Database, token: string): Promise<ReservationRow> {
  const reservation = await findReservationByTokenHash(db, hashSecretToken(token));
  if (!reservation) throw new InvalidTokenError();
  return reservation;
}

export function receiptOf(response: { id: string; receiptCode: string; counted: boolean }) {
  return { responseId: response.id, receiptCode: response.receiptCode, counted: response.counted };
}

/** `GET /api/reservation`: everything the resident app needs to resume after a reload. */
export async function resumeReservation(deps: Pick<Deps, "db" | "now">, token: string) {
  const { db } = deps;
  const reservation = await reservationOfToken(db, token);
  const wave = await findWave(db, reservation.waveId);
  if (!wave) throw new UnknownWaveError();
  const questionnaire = await questionnaireOfWave(db, wave);
  const place = await findPlace(db, reservation.communityCode);
  const response = reservation.status === "submitted" ? await findResponseOfReservation(db, reservation.id) : undefined;
  const status =
    reservation.status === "active" && reservation.expiresAt <= deps.now() ? "expired" : reservation.status;
  return {
    status,
    expiresAt: reservation.expiresAt.toISOString(),
    community: place ?? { code: reservation.communityCode, name: "", townCode: reservation.townCode, townName: "" },
    questionnaire: publicQuestionnaire(questionnaire),
    draft: reservation.draft as Record<string, unknown>,
    ...(response ? { response: receiptOf(response) } : {}),
  };
}

/**
 * How long, counted from verification, autosaves may keep extending a hold: each save moves the expiry to
 * a full wave hold (default 30 min) from now, up to this many holds in all (90 min by default) — time enough
 * for a slow reader, never a slot kept for a whole day.
 */
export const MAX_HOLDS_PER_RESERVATION = 3;

/**
 * `PUT /api/reservation/draft`: partial answers, checked for shape only. Kept even after expiry. Saving is
 * activity: a slot still held is held for another wave hold (up to the bound above). Returns the expiry.
 */
export async function saveReservationDraft(
  deps: Pick<Deps, "db" | "now">,
  token: string,
  answers: Record<string, unknown>,
) {
  const { db } = deps;
  const reservation = await reservationOfToken(db, token);
  if (reservation.status === "submitted") throw new AlreadyRespondedError();
  const wave = await findWave(db, reservation.waveId);
  if (!wave) throw new UnknownWaveError();
  const questionnaire = await questionnaireOfWave(db, wave);
  const problems = validateAnswers(questionnaire.definition, answers, { complete: false });
  if (problems.length > 0) throw new InvalidAnswersError({ details: problems });
  const now = deps.now();
  const holdMs = wave.reservationMinutes * 60_000;
  const expiresAt = await saveDraft(db, reservation.id, answers, {
    at: now,
    extendTo: new Date(now.getTime() + holdMs),
    holdLimit: new Date(reservation.createdAt.getTime() + MAX_HOLDS_PER_RESERVATION * holdMs),
  });
  return { expiresAt: (expiresAt ?? reservation.expiresAt).toISOString() };
}
