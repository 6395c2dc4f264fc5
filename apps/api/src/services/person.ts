import {
  idNumberProblemMessages,
  normalizePhone,
  parseIdNumber,
  phoneProblemMessage,
  underageMessage,
} from "@survey/identity";
import { hashPii } from "@survey/identity/pii-hash";
import type { Config } from "../config";
import { InvalidIdNumberError, InvalidPhoneError, UnderageError } from "../errors";

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

/** Checks an ID number (validity, then age) and turns it into its hash and derived facts. */
export function identifyById(
  config: Pick<Config, "piiSecret" | "localIdPrefix">,
  idNumber: string,
  options: { today: Date; minAge: number },
): IdFacts {
  const id = parseIdNumber(idNumber, { today: options.today, localPrefix: config.localIdPrefix });
  if (!id.ok) throw new InvalidIdNumberError({ reason: id.reason }, idNumberProblemMessages[id.reason]);
  if (id.value.age < options.minAge)
    throw new UnderageError({ minAge: options.minAge }, underageMessage(options.minAge));
  return {
    idHash: hashPii(config.piiSecret, "id", id.value.normalized),
    sex: id.value.sex,
    birthYear: id.value.birthYear,
    ageGroup: id.value.ageGroup,
    registered: id.value.registered,
  };
}

/**
 * Checks an ID number and phone in the order of SPEC §3 (ID valid, phone valid, age) and turns them
 * into hashes and derived facts. The plain values go no further than this function.
 */
export function identifyPerson(
  config: Pick<Config, "piiSecret" | "localIdPrefix">,
  input: { idNumber: string; phone: string },
  options: { today: Date; minAge: number },
): PersonFacts {
  // Validity of both comes before the age check, so parse the ID without the age limit first.
  const validity = parseIdNumber(input.idNumber, { today: options.today, localPrefix: config.localIdPrefix });
  if (!validity.ok)
    throw new InvalidIdNumberError({ reason: validity.reason }, idNumberProblemMessages[validity.reason]);
  const phone = normalizePhone(input.phone);
  if (!phone) throw new InvalidPhoneError({}, phoneProblemMessage);
  return {
    ...identifyById(config, input.idNumber, options),
    phoneHash: hashPii(config.piiSecret, "phone", phone),
    phoneLast4: phone.slice(-4),
  };
}

/** For the SMS gateway only: the normalised number, which must not be kept. */
export function plainPhoneForSms(phone: string): string {
  const normalized = normalizePhone(phone);
  if (!normalized) throw new InvalidPhoneError({}, phoneProblemMessage);
  return normalized;
}

/** Age in whole years on `today` by a valid ID number (undefined for an invalid one). */
export function ageByIdNumber(
  config: Pick<Config, "localIdPrefix">,
  idNumber: string,
  today: Date,
): number | undefined {
  const id = parseIdNumber(idNumber, { today, localPrefix: config.localIdPrefix });
  return id.ok ? id.value.age : undefined;
}
