import { removeWhitespace, toHalfWidth } from "./normalize-text";

/**
 * What a field keeps of what was typed, pasted or autofilled, cleaned first and limited after: a browser
 * `maxLength` cuts " 453505 " to " 45350" before anything is cleaned, so the inputs have none and use these.
 */

/** ASCII hyphen, the dashes Chinese input methods produce (‐ ‑ ‒ – — ―), the minus sign and the katakana bar. */
const SEPARATORS = /[-\u2010-\u2015\u2212\u30FC\uFF70()（）.·]/g;

function compact(input: string): string {
  return removeWhitespace(toHalfWidth(input)).replace(SEPARATORS, "");
}

export const ID_NUMBER_LENGTH = 18;
export const PHONE_LENGTH = 11;
export const SMS_CODE_LENGTH = 6;

/** The ID number field: digits and the check character X (x made upper case), at most 18. */
export function cleanIdNumberInput(input: string): string {
  return compact(input)
    .toUpperCase()
    .replace(/[^0-9X]/g, "")
    .slice(0, ID_NUMBER_LENGTH);
}

/**
 * The phone field: the national number's digits, at most 11. A "+86" or "0086" prefix goes; so does a bare
 * "86" once the digits are more than 11 (no mainland mobile number starts with 86, but a half-typed one may).
 */
export function cleanPhoneInput(input: string): string {
  let digits = compact(input);
  if (digits.startsWith("+86")) digits = digits.slice(3);
  else if (digits.startsWith("0086")) digits = digits.slice(4);
  digits = digits.replace(/\D/g, "");
  if (digits.length > PHONE_LENGTH && digits.startsWith("86")) digits = digits.slice(2);
  return digits.slice(0, PHONE_LENGTH);
}

/**
 * The SMS code field: at most 6 digits. Text that is more than digits and separators (a pasted SMS,
 * "【某区】您的验证码为453505，5分钟内有效") gives its first group of exactly six digits.
 */
export function cleanSmsCodeInput(input: string): string {
  const text = compact(input);
  if (/^\d*$/.test(text)) return text.slice(0, SMS_CODE_LENGTH);
  const group = /(?<!\d)\d{6}(?!\d)/.exec(text);
  if (group) return group[0];
  return text.replace(/\D/g, "").slice(0, SMS_CODE_LENGTH);
}
