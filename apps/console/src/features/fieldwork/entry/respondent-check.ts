import {
  idNumberProblemMessages,
  normalizePhone,
  parseIdNumber,
  phoneProblemMessage,
  underageMessage,
} from "@survey/identity";

export interface RespondentFields {
  idNumber: string;
  phone: string;
}

export interface RespondentProblems {
  idNumber?: string;
  phone?: string;
}

/**
 * Both fields are optional on paper; what is filled in must be valid, with the same rules and
 * messages as the resident flow (the server checks again).
 */
export function checkRespondent(fields: RespondentFields, minAge: number, today: Date): RespondentProblems {
  const problems: RespondentProblems = {};
  if (fields.idNumber.trim()) {
    const parsed = parseIdNumber(fields.idNumber, { today });
    if (!parsed.ok) problems.idNumber = idNumberProblemMessages[parsed.reason];
    else if (parsed.value.age < minAge) problems.idNumber = underageMessage(minAge);
  }
  if (fields.phone.trim() && normalizePhone(fields.phone) === null) problems.phone = phoneProblemMessage;
  return problems;
}
