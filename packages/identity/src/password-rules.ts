import { COMMON_PASSWORDS } from "./common-passwords";

const COMMON = new Set(COMMON_PASSWORDS.map((password) => password.toLowerCase()));

export type PasswordProblem = "too_short" | "blank" | "too_simple" | "common";

/**
 * Why a new console password is refused, if it is: fewer than `minLength` characters, blank-ish (spaces or
 * invisible characters), one character or a short run repeated ("aaaaaaaaaa", "abcabcabca", "1212121212"), or
 * one of the most common passwords.
 */
export function passwordProblem(password: string, minLength: number): PasswordProblem | null {
  const visible = password.replace(/[\s\p{Cf}]/gu, "");
  if (visible.length === 0) return "blank";
  if ([...password].length < minLength) return "too_short";
  if ([...visible].length < minLength) return "blank";
  const characters = [...visible.toLowerCase()];
  for (let period = 1; period <= 3; period++) {
    if (characters.every((character, index) => character === characters[index % period])) return "too_simple";
  }
  if (COMMON.has(visible.toLowerCase())) return "common";
  return null;
}
