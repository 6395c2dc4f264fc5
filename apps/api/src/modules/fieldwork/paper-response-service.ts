import type { InterviewBody, SessionUser } from "@survey/contract";
import type { Database } from "@survey/db";
import { normalizePhone, phoneProblemMessage } from "@survey/identity";
import { hashPii } from "@survey/identity/pii-hash";
import { validateAnswers } from "@survey/questionnaire";
import { assertTownAccess } from "../../platform/auth/scopes";
import type { Deps } from "../../platform/deps";
import {
  AlreadyRespondedError,
  InProgressError,
  InvalidAnswersError,
  InvalidPhoneError,
  QuotaFullError,
  UnknownCommunityError,
  WaveClosedError,
} from "../../platform/errors";
import { withTransactionRetry } from "../../platform/transaction-retry";
import { questionnaireOfWave } from "../questionnaires";
import {
  completeWithoutReservation,
  findPersonStanding,
  identifyById,
  identifyPerson,
  type PersonFacts,
  storeResponse,
} from "../resident";
import { findWaveCommunity, isWaveAccepting, requireWave, type WaveRow } from "../waves";

export type PaperDeps = Pick<Deps, "db" | "now"> & { config: Pick<Deps["config"], "piiSecret" | "localIdPrefix"> };

/** The wave paper questionnaires are entered into: it must take responses now, as online. */
export async function requireOpenWave(db: Database, waveId: number, now: Date): Promise<WaveRow> {
  const wave = await requireWave(db, waveId);
  if (!isWaveAccepting(wave, now)) throw new WaveClosedError();
  return wave;
}

/** What is known of a paper respondent: hashes when the ID or phone was written down, else stated facts. */
export type OfflinePerson = Partial<Omit<PersonFacts, "sex" | "ageGroup">> & {
  sex?: "male" | "female" | null;
  ageGroup?: string | null;
};

function offlinePerson(
  deps: PaperDeps,
  wave: WaveRow,
  input: { idNumber?: string; phone?: string; sex?: "male" | "female"; ageGroup?: string },
): OfflinePerson {
  const today = deps.now();
  if (input.idNumber && input.phone)
    return identifyPerson(
      deps.config,
      { idNumber: input.idNumber, phone: input.phone },
      { today, minAge: wave.minAge },
    );
  if (input.idNumber) return identifyById(deps.config, input.idNumber, { today, minAge: wave.minAge });
  const phone = input.phone ? normalizePhone(input.phone) : null;
  if (input.phone && !phone) throw new InvalidPhoneError({}, phoneProblemMessage);
  return {
    phoneHash: phone ? hashPii(deps.config.piiSecret, "phone", phone) : undefined,
    sex: input.sex ?? null,
    ageGroup: input.ageGroup ?? null,
  };
}

/**
 * Paper questionnaire entered by survey staff (mode `interviewer`): the same validation, one response
 * per person, and quota rule as online — a full community or town refuses the entry.
 */
export async function enterInterview(deps: PaperDeps, user: SessionUser, waveId: number, input: InterviewBody) {
  const { db } = deps;
  const wave = await requireOpenWave(db, waveId, deps.now());
  const community = await findWaveCommunity(db, wave.id, input.communityCode);
  if (!community) throw new UnknownCommunityError();
  assertTownAccess(user, community.townCode);
  const person = offlinePerson(deps, wave, input);
  const questionnaire = await questionnaireOfWave(db, wave);
  const problems = validateAnswers(questionnaire.definition, input.answers, { complete: true });
  if (problems.length > 0) throw new InvalidAnswersError({ details: problems });

  return withTransactionRetry(() =>
    db.transaction(async (tx) => {
      if (person.idHash || person.phoneHash) {
        const idHash = person.idHash ?? "-";
        const phoneHash = person.phoneHash ?? "-";
        const standing = await findPersonStanding(tx, wave.id, idHash, phoneHash);
        if (standing.responded) throw new AlreadyRespondedError();
        if (standing.holding) throw new InProgressError();
      }
      const target = { waveId: wave.id, communityCode: community.code, townCode: community.townCode };
      const claim = await completeWithoutReservation(tx, target);
      if (!claim.ok) throw new QuotaFullError({ scope: claim.full });
      const now = deps.now();
      const response = await storeResponse(tx, {
        waveId: wave.id,
        questionnaire,
        communityCode: community.code,
        townCode: community.townCode,
        mode: "interviewer",
        idHash: person.idHash ?? null,
        phoneHash: person.phoneHash ?? null,
        sex: person.sex ?? null,
        birthYear: person.birthYear ?? null,
        ageGroup: person.ageGroup ?? null,
        registered: person.registered ?? null,
        counted: true,
        answers: input.answers,
        submittedAt: now,
        enteredBy: user.id,
      });
      return { responseId: response.id, receiptCode: response.receiptCode, counted: response.counted };
    }),
  );
}
