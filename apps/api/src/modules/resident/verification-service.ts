import { randomUUID } from "node:crypto";
import type { ChallengeSolution } from "@survey/contract";
import type { Database } from "@survey/db";
import { maskPhone } from "@survey/identity";
import {
  hashClientAddress,
  hashSecretToken,
  hashSmsCode,
  randomSmsCode,
  randomToken,
  timingSafeEqualHex,
} from "@survey/identity/pii-hash";
import type { Deps } from "../../platform/deps";
import {
  AlreadyRespondedError,
  CommunityBusyError,
  InProgressError,
  QuotaFullError,
  ResendTooSoonError,
  SmsBudgetExhaustedError,
  SmsDailyLimitError,
  TooManyAttemptsError,
  TooManyHeldError,
  UnknownCommunityError,
  UnknownWaveError,
  VerificationExpiredError,
  WaveClosedError,
  WrongCodeError,
} from "../../platform/errors";
import { pgErrorCode, withTransactionRetry } from "../../platform/transaction-retry";
import { publicQuestionnaireJson, questionnaireOfWave } from "../questionnaires";
import { isWaveAccepting } from "../waves";
import { requireChallengeIfBusy } from "./challenge-service";
import { claimSlot, type HeldReservation, releaseExpiredReservations } from "./data/quota";
import {
  communityClaimsSince,
  lockClientAddress,
  markConfirmingAddress,
  reservationsHeldFrom,
} from "./data/resident-limits";
import { countWrongAttempt, issueReservationToken } from "./data/respondents";
import { findConfirmContext, findStartContext, type PersonReservation } from "./data/verification-context";
import { phoneSendsSince, startVerificationIfAllowed, withdrawVerification } from "./data/verification-start";
import { examinePerson, plainPhoneForSms, requireAge } from "./person-service";

const CODE_LIFETIME_MS = 5 * 60_000;
const MAX_WRONG_CODES = 5;
const RESEND_INTERVAL_MS = 60_000;
const MAX_SMS_PER_PHONE_PER_DAY = 10;

type VerificationDeps = Pick<Deps, "db" | "now" | "sms"> & {
  config: Pick<Deps["config"], "piiSecret" | "localIdPrefix" | "residentLimits" | "challenge">;
};

/** The SMS a resident receives with the code. */
function verificationText(code: string): string {
  return `【居民满意度调查】您的验证码是${code}，5分钟内有效。请勿把验证码告诉他人。`;
}

/** Reservations of this person that block a new one: same person resumes, another phone is refused. */
function resumableReservation<T extends Pick<PersonReservation, "idHash" | "phoneHash">>(
  held: T[],
  idHash: string,
  phoneHash: string,
): T | undefined {
  if (held.length === 0) return undefined;
  const own = held.find((reservation) => reservation.idHash === idHash && reservation.phoneHash === phoneHash);
  if (own && held.length === 1) return own;
  throw new InProgressError();
}

function smsLimits(now: Date, servicePerMinute: number) {
  return {
    resendBlockedAfter: new Date(now.getTime() - RESEND_INTERVAL_MS),
    daySince: new Date(now.getTime() - 24 * 3600_000),
    maxPerDay: MAX_SMS_PER_PHONE_PER_DAY,
    servicePerMinute,
  };
}

/** Which of the phone's limits refused a code: the resend interval (with how long to wait) or the daily cap. */
async function smsLimitError(db: Database, phoneHash: string, now: Date): Promise<Error> {
  const limits = smsLimits(now, 0);
  const last = (await phoneSendsSince(db, phoneHash, limits.daySince)).at(-1);
  if (last && last > limits.resendBlockedAfter) {
    const retryAfterSeconds = Math.ceil((RESEND_INTERVAL_MS - (now.getTime() - last.getTime())) / 1000);
    return new ResendTooSoonError({ retryAfterSeconds });
  }
  return new SmsDailyLimitError();
}

/**
 * `POST /api/waves/:waveId/verifications`: checks, in SPEC order, wave open, community known, ID valid,
 * phone valid, age, quota room, the phone's send limits; then sends a 6-digit code. No slot is held yet, and
 * nothing answered depends on whether this person took part (that is confirm's, after the right code).
 */
export async function startVerification(
  deps: VerificationDeps,
  waveId: number,
  input: { idNumber: string; phone: string; communityCode: string; challenge?: ChallengeSolution },
  clientAddress: string,
) {
  const { db } = deps;
  const now = deps.now();
  await requireChallengeIfBusy(db, deps.config, { clientAddress, solution: input.challenge, now });
  const code = randomSmsCode();
  const verificationId = randomUUID();
  const expiresAt = new Date(now.getTime() + CODE_LIFETIME_MS);
  // The statement below needs the hashes; a bad ID number or phone is reported after the wave checks.
  let identified: ReturnType<typeof examinePerson> | undefined;
  try {
    identified = examinePerson(deps.config, input, now);
  } catch {
    identified = undefined;
  }
  // An identified person's verification is stored by the same statement that reads the checks' facts, if they
  // all pass and the phone may receive a code; the checks below then only say which one failed.
  const found = identified
    ? await startVerificationIfAllowed(
        db,
        {
          id: verificationId,
          waveId,
          communityCode: input.communityCode,
          idHash: identified.facts.idHash,
          phoneHash: identified.facts.phoneHash,
          phoneLast4: identified.facts.phoneLast4,
          sex: identified.facts.sex,
          birthYear: identified.facts.birthYear,
          ageGroup: identified.facts.ageGroup,
          registered: identified.facts.registered,
          codeHash: hashSmsCode(deps.config.piiSecret, verificationId, code),
          createdAt: now,
          expiresAt,
        },
        { age: identified.age },
        smsLimits(now, deps.config.residentLimits.smsPerMinute),
      )
    : await findStartContext(db, { waveId, communityCode: input.communityCode });
  if (!found) throw new UnknownWaveError();
  const { wave, community } = found;
  if (!isWaveAccepting(wave, now)) throw new WaveClosedError();
  if (!community) throw new UnknownCommunityError();
  // An invalid ID number or phone is reported here, after the wave checks, in SPEC order; then the age.
  const { facts: person, age } = identified ?? examinePerson(deps.config, input, now);
  requireAge(age, wave.minAge);
  // Whether this ID number or phone took part or holds a reservation is not looked at here: start answers
  // and sends a code alike for everyone (SPEC §6), and confirm says already_responded after the right code.
  if (!found.communityRoom) throw new QuotaFullError({ scope: "community" });
  if (!found.townRoom) throw new QuotaFullError({ scope: "town" });
  // Every check passed, so the statement took the same decision (it never ran for an unidentified person,
  // whom examinePerson above refused).
  if (!found.allowed) throw new Error("start: the statement refused what the checks allow");
  if (!found.budgetOk) throw new SmsBudgetExhaustedError({ retryAfterSeconds: 60 });
  if (!found.sent) throw await smsLimitError(db, person.phoneHash, now);

  const phone = plainPhoneForSms(input.phone);
  // Sent after the verification is stored, so no connection waits on the gateway; if the gateway refuses, the
  // attempt is withdrawn and does not count. (A process that dies in between leaves a verification whose
  // code never arrived: the resident asks again after the resend interval.)
  try {
    await deps.sms.send({ phone, phoneHash: person.phoneHash, text: verificationText(code), code }, db);
  } catch (sendError) {
    await withdrawVerification(db, { id: verificationId, phoneHash: person.phoneHash, createdAt: now });
    throw sendError;
  }
  return { verificationId, expiresAt: expiresAt.toISOString(), phoneMasked: maskPhone(phone) };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Thrown inside confirm's transaction when no slot is free, so the transaction rolls back whole. */
class NoSlot extends Error {
  constructor(
    readonly full: "community" | "town",
    readonly waveId: number,
    readonly townCode: string,
  ) {
    super(`quota full: ${full}`);
  }
}

/**
 * `POST /api/verifications/:id/confirm`: checks the code, then holds a quota slot for the person in one
 * transaction. The partial unique indexes on active reservations make two confirms for the same person
 * collide; the loser retries and finds the winner's reservation (resume) instead of taking a second slot.
 */
export async function confirmVerification(
  deps: Pick<VerificationDeps, "db" | "now" | "config">,
  verificationId: string,
  code: string,
  clientAddress: string,
) {
  const limits = deps.config.residentLimits;
  const clientHash = hashClientAddress(deps.config.piiSecret, clientAddress);
  const { db } = deps;
  if (!UUID.test(verificationId)) throw new VerificationExpiredError();
  const now = deps.now();

  const confirm = () =>
    db.transaction(async (tx) => {
      const found = await findConfirmContext(tx, verificationId);
      if (!found) throw new VerificationExpiredError();
      const { verification, wave } = found;
      if (verification.attempts >= MAX_WRONG_CODES) throw new TooManyAttemptsError();
      if (verification.expiresAt <= now) throw new VerificationExpiredError();
      // A verification confirms once: a replayed code holds nothing more and learns nothing.
      if (verification.confirmed) throw new VerificationExpiredError();
      const given = hashSmsCode(deps.config.piiSecret, verification.id, code.trim());
      if (!timingSafeEqualHex(verification.codeHash, given)) {
        // The wrong attempt must be kept: the transaction ends normally and the error is thrown after it.
        const attemptsLeft = MAX_WRONG_CODES - (await countWrongAttempt(tx, verification.id));
        return { outcome: "wrong" as const, attemptsLeft };
      }
      if (!wave) throw new UnknownWaveError();
      if (!isWaveAccepting(wave, now)) throw new WaveClosedError();
      if (found.responded) throw new AlreadyRespondedError();
      const person = { idHash: verification.idHash, phoneHash: verification.phoneHash };
      const expiredHeld = found.held.filter((reservation) => reservation.expiresAt <= now);
      if (expiredHeld.length > 0) {
        // This person's expired reservation (in whatever town) goes back before they take a new one.
        await releaseExpiredReservations(tx, { now, waveId: wave.id, person });
      }
      const held = found.held.filter((reservation) => reservation.expiresAt > now);
      // Answers typed under an earlier, expired reservation of this ID number carry over.
      const earlierDraft =
        expiredHeld.filter((own) => own.idHash === person.idHash).sort((a, b) => +b.expiresAt - +a.expiresAt)[0]
          ?.draft ?? found.expiredDraft;
      const token = randomToken();
      const tokenToIssue = { tokenHash: hashSecretToken(token), verificationId: verification.id };
      let reservation: HeldReservation | undefined = resumableReservation(held, person.idHash, person.phoneHash);
      // The squatting limits apply to new slots only: resuming one's own reservation takes nothing more.
      if (!reservation) {
        await lockClientAddress(tx, clientHash);
        if ((await reservationsHeldFrom(tx, clientHash, now)) >= limits.heldPerAddress) throw new TooManyHeldError();
      }
      await markConfirmingAddress(tx, verification.id, clientHash);
      if (reservation) {
        await issueReservationToken(tx, { ...tokenToIssue, reservationId: reservation.id, at: now });
      } else {
        const claim = await claimSlot(
          tx,
          {
            ...person,
            waveId: wave.id,
            communityCode: verification.communityCode,
            townCode: verification.townCode,
            sex: verification.sex,
            birthYear: verification.birthYear,
            ageGroup: verification.ageGroup,
            registered: verification.registered,
            draft: earlierDraft ?? {},
            createdAt: now,
            expiresAt: new Date(now.getTime() + wave.reservationMinutes * 60_000),
          },
          tokenToIssue,
        );
        if (!claim.ok) throw new NoSlot(claim.full, wave.id, verification.townCode);
        const community = { waveId: wave.id, communityCode: verification.communityCode };
        const claimsInMinute = await communityClaimsSince(tx, community, new Date(now.getTime() - 60_000));
        // Over the community's limit, the transaction (and this claim with it) rolls back.
        if (claimsInMinute > limits.communityClaimsPerMinute) throw new CommunityBusyError({ retryAfterSeconds: 60 });
        reservation = claim.reservation;
      }
      const questionnaire = await questionnaireOfWave(tx, wave);
      return { outcome: "held" as const, reservation, token, questionnaire };
    });

  const result = await confirmWithRetries(db, confirm, now);
  if (result.outcome === "wrong") {
    if (result.attemptsLeft <= 0) throw new TooManyAttemptsError();
    throw new WrongCodeError({ attemptsLeft: result.attemptsLeft });
  }
  return {
    reservationToken: result.token,
    expiresAt: result.reservation.expiresAt.toISOString(),
    questionnaireJson: publicQuestionnaireJson(result.questionnaire),
    draft: result.reservation.draft,
  };
}

/**
 * Runs confirm's transaction again where that can succeed: after a deadlock or serialization failure;
 * after losing the unique index to a concurrent confirm of the same person (the rerun resumes the
 * winner's reservation); and once after giving back the town's expired reservations when no slot was
 * free (the sweeper may not have run yet) — expired slots are only looked for when they are needed.
 */
async function confirmWithRetries<T>(db: Database, confirm: () => Promise<T>, now: Date): Promise<T> {
  let releasedExpired = false;
  let collisions = 0;
  for (;;) {
    try {
      return await withTransactionRetry(confirm);
    } catch (error) {
      if (error instanceof NoSlot) {
        if (!releasedExpired) {
          releasedExpired = true;
          const released = await releaseExpiredReservations(db, {
            now,
            waveId: error.waveId,
            townCode: error.townCode,
          });
          if (released > 0) continue;
        }
        throw new QuotaFullError({ scope: error.full });
      }
      if (pgErrorCode(error) === "23505") {
        // Still colliding after a rerun: another request holds this person's reservation right now.
        if (++collisions > 1) throw new InProgressError();
        continue;
      }
      throw error;
    }
  }
}
