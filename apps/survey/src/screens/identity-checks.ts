import { idNumberProblemMessages, normalizePhone, parseIdNumber, phoneProblemMessage } from "@survey/identity";
import { strings } from "../strings";

/** The inline checks of the verification form; the server repeats them and has the last word. */
export function idNumberError(value: string, today = new Date()): string | null {
  const result = parseIdNumber(value, { today });
  return result.ok ? null : idNumberProblemMessages[result.reason];
}

export function normalizedIdNumber(value: string, today = new Date()): string | null {
  const result = parseIdNumber(value, { today });
  return result.ok ? result.value.normalized : null;
}

export function phoneError(value: string): string | null {
  if (value.trim() === "") return strings.verify.phoneEmpty;
  return normalizePhone(value) ? null : phoneProblemMessage;
}

export { normalizePhone };
