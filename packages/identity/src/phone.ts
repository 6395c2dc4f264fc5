import { removeWhitespace, toHalfWidth } from "./normalize-text";

/** Mainland China mobile numbers: 11 digits, 13x–19x (12x and 10x/11x are not mobile ranges). */

const MOBILE = /^1[3-9]\d{9}$/;
/** ASCII hyphen and the dashes Chinese input methods produce (‐ ‑ ‒ – — ―). */
const DASHES = /[-\u2010-\u2015]/g;

/**
 * The 11 digits of a mainland mobile number, or null. Accepts a "+86", "0086" or "86" country prefix,
 * spaces, dashes and full-width digits; a landline or any other length is refused.
 */
export function normalizePhone(input: string): string | null {
  const compact = removeWhitespace(toHalfWidth(input)).replace(DASHES, "");
  let national = compact;
  if (compact.startsWith("+86")) national = compact.slice(3);
  else if (compact.startsWith("0086")) national = compact.slice(4);
  else if (compact.length === 13 && compact.startsWith("86")) national = compact.slice(2);
  return MOBILE.test(national) ? national : null;
}

/** "13812345678" → "138****5678". Input that is not a mobile number shows only its last 4 characters. */
export function maskPhone(phone: string): string {
  const normalized = normalizePhone(phone);
  if (normalized) return `${normalized.slice(0, 3)}****${normalized.slice(7)}`;
  const compact = removeWhitespace(phone);
  return "*".repeat(Math.max(0, compact.length - 4)) + compact.slice(-4);
}

/** The last 4 digits, the only part of a phone number that is kept for display. */
export function phoneLast4(normalizedPhone: string): string {
  return normalizedPhone.slice(-4);
}

export const phoneProblemMessage = "请输入11位中国大陆手机号码（以13至19开头），可以带+86，暂不支持固定电话。";
