import { type AgeGroup, ageGroupOf, ageOn } from "./age";
import { chinaCalendarDate, compareCalendarDates, formatCalendarDate, isExistingDate } from "./calendar-date";
import { removeWhitespace, toHalfWidth } from "./normalize-text";
import { isKnownProvinceCode } from "./region-codes";

/** Resident identity card number (居民身份证号码), GB 11643-1999. */

export type IdNumberProblem =
  | "empty"
  | "legacy_15_digit"
  | "wrong_length"
  | "bad_characters"
  | "unknown_region"
  | "bad_birth_date"
  | "future_birth_date"
  | "bad_check_digit";

export interface IdNumberInfo {
  /** The 18 characters, check character upper-case. Never store it: hash it (see "./pii-hash"). */
  normalized: string;
  sex: "male" | "female";
  birthDate: string;
  birthYear: number;
  age: number;
  ageGroup: AgeGroup;
  /** Issued in the district's own city (户籍): the number starts with `localPrefix`. */
  registered: boolean;
  provinceCode: string;
  /** The six-digit administrative division code at issue. */
  regionCode: string;
}

export type IdNumberResult = { ok: true; value: IdNumberInfo } | { ok: false; reason: IdNumberProblem };

export interface ParseIdNumberOptions {
  /** The day of verification; a Date is read as its calendar date in China Standard Time. */
  today: Date;
  /** Division code prefix of the district's city; "31" = Shanghai. */
  localPrefix?: string;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = "10X98765432";
/** Nobody alive was born earlier; an older year is a typo. */
const EARLIEST_BIRTH_YEAR = 1900;

/** Trim, drop inner spaces, full-width digits and letters to half-width, a lower-case x to X. */
export function normalizeIdNumber(input: string): string {
  return removeWhitespace(toHalfWidth(input)).replace(/x/g, "X");
}

/** The check character for the first 17 digits. */
export function idNumberCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError(`expected 17 digits, got "${first17}"`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS.charAt(sum % 11);
}

/** Appends the check character: builds valid numbers for tests and demonstration data. */
export function makeIdNumber(first17: string): string {
  return first17 + idNumberCheckChar(first17);
}

export function parseIdNumber(input: string, options: ParseIdNumberOptions): IdNumberResult {
  const normalized = normalizeIdNumber(input);
  const problem = findProblem(normalized, options.today);
  if (problem) return { ok: false, reason: problem };

  const birth = birthDateOf(normalized);
  const birthDate = formatCalendarDate(birth);
  const age = ageOn(birthDate, options.today);
  return {
    ok: true,
    value: {
      normalized,
      sex: Number(normalized[16]) % 2 === 1 ? "male" : "female",
      birthDate,
      birthYear: birth.year,
      age,
      ageGroup: ageGroupOf(age),
      registered: normalized.startsWith(options.localPrefix ?? "31"),
      provinceCode: normalized.slice(0, 2),
      regionCode: normalized.slice(0, 6),
    },
  };
}

function birthDateOf(normalized: string) {
  return {
    year: Number(normalized.slice(6, 10)),
    month: Number(normalized.slice(10, 12)),
    day: Number(normalized.slice(12, 14)),
  };
}

/** Checks in the order that tells the resident most precisely what to fix; the check digit comes last. */
function findProblem(normalized: string, today: Date): IdNumberProblem | null {
  if (normalized === "") return "empty";
  if (!/^\d*X?$/.test(normalized)) return "bad_characters";
  if (/^\d{15}$/.test(normalized)) return "legacy_15_digit";
  if (normalized.length !== 18) return "wrong_length";
  if (!isKnownProvinceCode(normalized.slice(0, 2))) return "unknown_region";
  const birth = birthDateOf(normalized);
  if (!isExistingDate(birth) || birth.year < EARLIEST_BIRTH_YEAR) return "bad_birth_date";
  if (compareCalendarDates(birth, chinaCalendarDate(today)) > 0) return "future_birth_date";
  if (idNumberCheckChar(normalized.slice(0, 17)) !== normalized[17]) return "bad_check_digit";
  return null;
}

export const idNumberProblemMessages: Record<IdNumberProblem, string> = {
  empty: "请输入您的18位居民身份证号码。",
  legacy_15_digit: "您输入的是15位旧版身份证号码，请输入18位的居民身份证号码。",
  wrong_length: "居民身份证号码应为18位，您输入的位数不对，请核对后重新输入。",
  bad_characters: "身份证号码只能由数字组成，最后一位可以是字母X，请核对后重新输入。",
  unknown_region: "身份证号码开头的地区代码不正确，请核对前6位后重新输入。",
  bad_birth_date: "身份证号码第7至14位的出生日期不存在，请核对后重新输入。",
  future_birth_date: "身份证号码第7至14位的出生日期晚于今天，请核对后重新输入。",
  bad_check_digit: "身份证号码校验不通过，可能有某一位输错了，请逐位核对后重新输入。",
};

/** What a resident below the wave's minimum age is told. */
export function underageMessage(minimumAge: number): string {
  return `本次调查邀请年满${minimumAge}周岁的居民参加，您目前未满${minimumAge}周岁，感谢您的关注。`;
}
