/**
 * Masks ID numbers, phone numbers and similar digit runs that residents type into free text (comments, "other"
 * answers), before anything is stored: the office reads comments, never who wrote them (SPEC §6). A run of
 * digits — half- or full-width, with single spaces, dashes or brackets between groups, an optional +86 in front
 * and an X at the end of an ID number — is replaced by a label that says what was there:
 * - 18 characters (17 digits + check digit or X) or 15 digits: an ID number (new or legacy);
 * - 11 digits from 13x–19x, with or without 86 / +86 / 0086: a mobile number;
 * - 10–12 digits starting with 0: a landline with its area code;
 * - any other run of 7 digits or more (a landline without area code, a bank card, a licence plate number…),
 *   except a date written with separators (2024-05-01).
 * The labels hold no digits, so masking is idempotent and nothing of the original survives.
 */

export const MASK_LABELS = {
  idNumber: "[身份证号已隐去]",
  mobile: "[手机号已隐去]",
  landline: "[电话号码已隐去]",
  number: "[号码已隐去]",
} as const;

export type MaskKind = keyof typeof MASK_LABELS;

const DIGIT = "[0-9\\uFF10-\\uFF19]";
/** Between digit groups: up to two of space, full-width space, dashes, dots and brackets ("(021) 5781-2345"). */
const SEPARATOR = "[ \\u3000\\-\\uFF0D\\u2010-\\u2015()\\uFF08\\uFF09.]";
const CHECK_X = "[xX\\uFF38\\uFF58]";
const RUN = new RegExp(`[+\\uFF0B]?${DIGIT}(?:${SEPARATOR}{0,2}${DIGIT})*(?:${SEPARATOR}?${CHECK_X})?`, "g");
const MINIMUM_DIGITS = 7;

const halfWidth = (text: string) =>
  text.replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** 2024-05-01, 2024.5.1, 2024 05 01: a date is not a number worth hiding. */
function looksLikeDate(run: string): boolean {
  const groups = halfWidth(run).split(/[^0-9]+/);
  if (groups.length !== 3) return false;
  const [year, month, day] = groups.map(Number) as [number, number, number];
  return /^(19|20)\d\d$/.test(groups[0] ?? "") && month >= 1 && month <= 12 && day >= 1 && day <= 31 && year > 0;
}

/** What a run of digits is, or null when it is left as it is. */
export function classifyDigitRun(run: string): MaskKind | null {
  const endsWithX = /[xX\uFF38\uFF58]$/.test(run);
  const digits = halfWidth(run).replace(/[^0-9]/g, "");
  if (endsWithX) return digits.length === 17 ? "idNumber" : null;
  const mobile = digits.replace(/^(?:00)?86(?=1[3-9]\d{9}$)/, "");
  if (/^1[3-9]\d{9}$/.test(mobile)) return "mobile";
  if (digits.length === 18 || digits.length === 15) return "idNumber";
  if (/^0\d{9,11}$/.test(digits)) return "landline";
  if (digits.length < MINIMUM_DIGITS) return null;
  const separated = /[^0-9+\uFF0B\uFF10-\uFF19]/.test(run);
  if (separated && looksLikeDate(run)) return null;
  return "number";
}

/** The text with every ID number, phone number and long digit run replaced by its label. */
export function maskFreeText(text: string): string {
  return text.replace(RUN, (run) => {
    const kind = classifyDigitRun(run);
    if (kind) return MASK_LABELS[kind];
    // An X that did not complete an ID number stays; the digits before it are judged alone.
    const x = /[xX\uFF38\uFF58]$/.exec(run);
    if (!x) return run;
    const digits = run.slice(0, x.index).replace(/[^0-9\uFF10-\uFF19]+$/, "");
    const rest = run.slice(digits.length);
    const digitsKind = classifyDigitRun(digits);
    return (digitsKind ? MASK_LABELS[digitsKind] : digits) + rest;
  });
}

/**
 * Every string in an answers object (a comment, the text beside "other", strings inside lists and matrices)
 * masked; numbers, booleans and the object's keys (question names) untouched.
 */
export function maskAnswers<T>(answers: T): T {
  return maskValue(answers) as T;
}

function maskValue(value: unknown): unknown {
  if (typeof value === "string") return maskFreeText(value);
  if (Array.isArray(value)) return value.map(maskValue);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, maskValue(inner)]));
  }
  return value;
}
