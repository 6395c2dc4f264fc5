import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-rules";

describe("passwordProblem", () => {
  it.each([
    ["          ", "blank"],
    ["\t\t\t\t\t\u200b\u200b\u200b\u200b\u200b", "blank"],
    ["ab   c    d", "blank"],
    ["short", "too_short"],
    ["aaaaaaaaaaaa", "too_simple"],
    ["1212121212", "too_simple"],
    ["abcabcabcabc", "too_simple"],
    ["1234567890", "common"],
    ["Password123", "common"],
    ["QWERTYUIOP", "common"],
    ["woaini1314", "common"],
  ])("refuses %j as %s", (password, problem) => {
    expect(passwordProblem(password, 10)).toBe(problem);
  });

  it.each(["Correct-Horse-42", "松江区调查2026年冬", "tq9 vz7 kp3 m"])("accepts %j", (password) => {
    expect(passwordProblem(password, 10)).toBeNull();
  });
});
