import {
  type IdNumberInfo,
  idNumberProblemMessages,
  normalizePhone,
  parseIdNumber,
  phoneProblemMessage,
  underageMessage,
} from "@survey/identity";
import { hashPii } from "@survey/identity/pii-hash";
import type { Config } from "../../platform/config";
import { InvalidIdNumberError, InvalidPhoneError, UnderageError } from "../../platform/errors";

/** What a verified person leaves behind: hashes and derived facts, never the numbers themselves. */
export interface PersonFacts {
  idHash: string;
  phoneHash: string;
  phoneLast4: string;
  sex: "male" | "female";
  birthYear: number;
  ageGroup: string;
  registered: boolean;
}

export type IdFacts = Pick<PersonFacts, "idHash" | "sex" | "birthYear" | "ageGroup" | "registered">;

/** Refuses a person younger than the wave's minimum age. */
export function requireAge(age: number, minAge: number): void {
  if (age < minAge) throw new UnderageError({ minAge }, underageMessage(minAge));
}

/** A valid ID number's parts, or invalid_id_number with the reason. */
function validIdNumber(config: Pick<Config, "localIdPrefix">, idNumber: string, today: Date): IdNumberInfo {
  const id = parseIdNumber(idNumber, { today, localPrefix: config.localIdPrefix });
  if (!id.ok) throw new InvalidIdNumberError({ reason: id.reason }, idNumberProblemMessages[id.reason]);
  return id.value;
}

function idFactsOf(piiSecret: string, id: IdNumberInfo): IdFacts {
  return {
    idHash: hashPii(piiSecret, "id", id.normalized),
    sex: id.sex,
    birthYear: id.birthYear,
    ageGroup: id.ageGroup,
    registered: id.registered,
  };
}

/** Checks an ID number (validity, then age) and turns it into its hash and derived facts. */
export function identifyById(
  config: Pick<Config, "piiSecret" | "localIdPrefix">,
  idNumber: string,
  options: { today: Date; minAge: number },
): IdFacts {
  const id = validIdNumber(config, idNumber, options.today);
  requireAge(id.age, options.minAge);
  return idFactsOf(config.piiSecret, id);
}

/**
 * Checks an ID number and phone for validity in the order of SPEC §3 (ID valid, phone valid) and turns them
 * into hashes and derived facts, with the age the ID number gives on `today`; the age limit is left to
 * `requireAge`. The plain values go no further than this function.
 */
export function examinePerson(
  config: Pick<Config, "piiSecret" | "localIdPrefix">,
  input: { idNumber: string; phone: string },
  today: Date,
): { facts: PersonFacts; age: number } {
  const id = validIdNumber(config, input.idNumber, today);
  const phone = normalizePhone(input.phone);
  if (!phone) throw new InvalidPhoneError({}, phoneProblemMessage);
  const facts = {
    ...idFactsOf(config.piiSecret, id),
    phoneHash: hashPii(config.piiSecret, "phone", phone),
    phoneLast4: phone.slice(-4),
  };
  return { facts, age: id.age };
}

/** Checks an ID number and phone in the order of SPEC §3 (ID valid, phone valid, age); see examinePerson. */
export function identifyPerson(
  config: Pick<Config, "piiSecret" | "localIdPrefix">,
  input: { idNumber: string; phone: string },
  options: { today: Date; minAge: number },
): PersonFacts {
  const { facts, age } = examinePerson(config, input, options.today);
  requireAge(age, options.minAge);
  return facts;
}

/** For the SMS gateway only: the normalised number, which must not be kept. */
export function plainPhoneForSms(phone: string): string {
  const normalized = normalizePhone(phone);
  if (!normalized) throw new InvalidPhoneError({}, phoneProblemMessage);
  return normalized;
}
