import { randomUUID } from "node:crypto";
import { type Database, queryRows } from "@survey/db";
import { maskPhone } from "@survey/identity";
import {
  hashSecretToken,
  hashSmsCode,
  randomSmsCode,
  randomToken,
  timingSafeEqualHex,
} from "@survey/identity/pii-hash";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { claimSlot, releaseExpiredReservations } from "../data/quota";
import {
  countSmsSince,
  countWrongAttempt,
  findActiveReservationsOfPerson,
  findVerificationForUpdate,
  hasResponded,
  insertReservation,
  insertReservationToken,
  insertVerification,
  latestExpiredDraft,
  lockPhone,
  markVerificationConfirmed,
  type ReservationRow,
  recordSmsSend,
} from "../data/respondents";
import { pgErrorCode, withTransactionRetry } from "../data/retry";
import { findWave, findWaveCommunity, type WaveRow } from "../data/waves";
import {
  AlreadyRespondedError,
  InProgressError,
  QuotaFullError,
  ResendTooSoonError,
  SmsDailyLimitError,
  TooManyAttemptsError,
  UnknownCommunityError,
  UnknownWaveError,
  VerificationExpiredError,
  WaveClosedError,
  WrongCodeError,
} from "../errors";
import { parseId } from "../schemas/common";
import { identifyPerson, plainPhoneForSms } from "./person";
import { publicQuestionnaire, questionnaireOfWave } from "./questionnaire-service";
import { verificationText } from "./sms/sms-provider";

export const CODE_LIFETIME_MS = 5 * 60_000;
export const MAX_WRONG_CODES = 5;
export const RESEND_INTERVAL_MS = 60_000;
export const MAX_SMS_PER_PHONE_PER_DAY = 10;

type App = Pick<FastifyInstance, "config" | "sms" | "now"> & { database: { db: Database } };

export function isWaveAccepting(wave: WaveRow, now: Date): boolean {
  if (wave.status !== "open") return false;
  if (wave.opensAt && wave.opensAt > now) return false;
  if (wave.closesAt && wave.closesAt <= now) return false;
  return true;
}

async function quotaRoom(
  db: Database,
  waveId: number,
  communityCode: string,
  townCode: string,
): Promise<"community" | "town" | null> {
  const rows = await queryRows<{ community_room: boolean; town_room: boolean }>(
    db,
    sql`select wc.completed + wc.reserved < wc.cap as community_room, wt.completed + wt.reserved < wt.target as town_room
        from wave_communities wc join wave_towns wt on wt.wave_id = wc.wave_id and wt.town_code = wc.town_code
        where wc.wave_id = ${waveId} and wc.community_code = ${communityCode} and wt.town_code = ${townCode}`,
  );
  const row = rows[0];
  if (!row?.community_room) return "community";
  if (!row.town_room) return "town";
  return null;
}

/** Reservations of this person that block a new one: same person resumes, another phone is refused. */
function resumableReservation(held: ReservationRow[], idHash: string, phoneHash: string): ReservationRow | undefined {
  if (held.length === 0) return undefined;
  const own = held.find((reservation) => reservation.idHash === idHash && reservation.phoneHash === phoneHash);
  if (own && held.length === 1) return own;
  throw new InProgressError();
}

/**
 * `POST /api/waves/:waveId/verifications`: checks, in SPEC order, wave open, community known, ID valid,
 * phone valid, age, not already responded, quota room; then sends a 6-digit code. No slot is held yet.
 */
export async function startVerification(
  app: App,
  rawWaveId: string,
  input: { idNumber: string; phone: string; communityCode: string },
) {
  const { db } = app.database;
  const now = app.now();
  const waveId = parseId(rawWaveId);
  const wave = waveId === undefined ? undefined : await findWave(db, waveId);
  if (!wave) throw new UnknownWaveError();
  if (!isWaveAccepting(wave, now)) throw new WaveClosedError();
  const community = await findWaveCommunity(db, wave.id, input.communityCode);
  if (!community) throw new UnknownCommunityError();
  const person = identifyPerson(app.config, input, { today: now, minAge: wave.minAge });
  if (await hasResponded(db, wave.id, person.idHash, person.phoneHash)) throw new AlreadyRespondedError();
  // An expired reservation no longer blocks anyone: confirm gives its slot back before claiming.
  const held = await findActiveReservationsOfPerson(db, wave.id, person.idHash, person.phoneHash);
  const resumable = resumableReservation(
    held.filter((reservation) => reservation.expiresAt > now),
    person.idHash,
    person.phoneHash,
  );
  if (!resumable) {
    const full = await quotaRoom(db, wave.id, community.code, community.townCode);
    if (full) throw new QuotaFullError({ scope: full });
  }

  const code = randomSmsCode();
  const phone = plainPhoneForSms(input.phone);
  const verification = await db.transaction(async (tx) => {
    await lockPhone(tx, person.phoneHash);
    const today = await countSmsSince(tx, person.phoneHash, new Date(now.getTime() - 24 * 3600_000));
    if (today.last && now.getTime() - today.last.getTime() < RESEND_INTERVAL_MS) {
      const retryAfterSeconds = Math.ceil((RESEND_INTERVAL_MS - (now.getTime() - today.last.getTime())) / 1000);
      throw new ResendTooSoonError({ retryAfterSeconds });
    }
    if (today.count >= MAX_SMS_PER_PHONE_PER_DAY) throw new SmsDailyLimitError();
    const id = randomUUID();
    const row = await insertVerification(tx, {
      id,
      waveId: wave.id,
      communityCode: community.code,
      townCode: community.townCode,
      idHash: person.idHash,
      phoneHash: person.phoneHash,
      phoneLast4: person.phoneLast4,
      sex: person.sex,
      birthYear: person.birthYear,
      ageGroup: person.ageGroup,
      registered: person.registered,
      codeHash: hashSmsCode(app.config.piiSecret, id, code),
      createdAt: now,
      expiresAt: new Date(now.getTime() + CODE_LIFETIME_MS),
    });
    await recordSmsSend(tx, person.phoneHash, now);
    // Sent inside the transaction: if the gateway refuses, nothing of this attempt remains.
    await app.sms.send({ phone, phoneHash: person.phoneHash, text: verificationText(code), code }, tx);
    return row;
  });
  return {
    verificationId: verification.id,
    expiresAt: verification.expiresAt.toISOString(),
    phoneMasked: maskPhone(phone),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `POST /api/verifications/:id/confirm`: checks the code, then holds a quota slot for the person in one
 * transaction. The partial unique indexes on active reservations make two confirms for the same person
 * collide; the loser retries and finds the winner's reservation (resume) instead of taking a second slot.
 */
export async function confirmVerification(app: App, verificationId: string, code: string) {
  const { db } = app.database;
  if (!UUID.test(verificationId)) throw new VerificationExpiredError();
  const now = app.now();

  const checked = await db.transaction(async (tx) => {
    const verification = await findVerificationForUpdate(tx, verificationId);
    if (!verification) return { outcome: "expired" as const };
    if (verification.attempts >= MAX_WRONG_CODES) return { outcome: "locked" as const };
    if (verification.expiresAt <= now) return { outcome: "expired" as const };
    const expected = verification.codeHash;
    const given = hashSmsCode(app.config.piiSecret, verification.id, code.trim());
    if (!timingSafeEqualHex(expected, given)) {
      const attempts = await countWrongAttempt(tx, verification.id);
      return { outcome: "wrong" as const, attemptsLeft: MAX_WRONG_CODES - attempts };
    }
    return { outcome: "ok" as const, verification };
  });
  if (checked.outcome === "expired") throw new VerificationExpiredError();
  if (checked.outcome === "locked") throw new TooManyAttemptsError();
  if (checked.outcome === "wrong") {
    if (checked.attemptsLeft <= 0) throw new TooManyAttemptsError();
    throw new WrongCodeError({ attemptsLeft: checked.attemptsLeft });
  }
  const { verification } = checked;
  const wave = await findWave(db, verification.waveId);
  if (!wave) throw new UnknownWaveError();
  if (!isWaveAccepting(wave, now)) throw new WaveClosedError();
  const questionnaire = await questionnaireOfWave(db, wave);

  const holdSlot = () =>
    db.transaction(async (tx) => {
      if (await hasResponded(tx, wave.id, verification.idHash, verification.phoneHash))
        throw new AlreadyRespondedError();
      // Expired reservations go back first: this person's own (in whatever town) and this town's.
      const person = { idHash: verification.idHash, phoneHash: verification.phoneHash };
      await releaseExpiredReservations(tx, { now, waveId: wave.id, person });
      await releaseExpiredReservations(tx, { now, waveId: wave.id, townCode: verification.townCode });
      let reservation = resumableReservation(
        await findActiveReservationsOfPerson(tx, wave.id, verification.idHash, verification.phoneHash),
        verification.idHash,
        verification.phoneHash,
      );
      if (!reservation) {
        // Answers typed under an earlier, expired reservation of this person carry over.
        const earlierDraft = await latestExpiredDraft(tx, wave.id, verification.idHash);
        reservation = await insertReservation(tx, {
          draft: earlierDraft ?? {},
          waveId: wave.id,
          communityCode: verification.communityCode,
          townCode: verification.townCode,
          idHash: verification.idHash,
          phoneHash: verification.phoneHash,
          sex: verification.sex,
          birthYear: verification.birthYear,
          ageGroup: verification.ageGroup,
          registered: verification.registered,
          createdAt: now,
          expiresAt: new Date(now.getTime() + wave.reservationMinutes * 60_000),
        });
        const claim = await claimSlot(tx, {
          waveId: wave.id,
          communityCode: verification.communityCode,
          townCode: verification.townCode,
        });
        if (!claim.ok) throw new QuotaFullError({ scope: claim.full });
      }
      const token = randomToken();
      await insertReservationToken(tx, hashSecretToken(token), reservation.id, now);
      await markVerificationConfirmed(tx, verification.id, reservation.id, now);
      return { reservation, token };
    });

  let held: Awaited<ReturnType<typeof holdSlot>>;
  try {
    held = await withTransactionRetry(holdSlot);
  } catch (error) {
    // A concurrent confirm for the same person won the unique index: run again to resume its reservation.
    if (pgErrorCode(error) !== "23505") throw error;
    try {
      held = await withTransactionRetry(holdSlot);
    } catch (again) {
      // Still colliding: another request holds this person's reservation right now.
      if (pgErrorCode(again) === "23505") throw new InProgressError();
      throw again;
    }
  }
  return {
    reservationToken: held.token,
    expiresAt: held.reservation.expiresAt.toISOString(),
    questionnaire: publicQuestionnaire(questionnaire),
    draft: held.reservation.draft as Record<string, unknown>,
  };
}
