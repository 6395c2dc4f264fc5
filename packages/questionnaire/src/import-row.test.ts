import { describe, expect, it } from "vitest";
import { buildDefaultQuestionnaire } from "./default-questionnaire";
import { completeDefaultAnswers } from "./default-questionnaire.fixture";
import { answersFromImportRow } from "./import-row";
import { validateAnswers } from "./validate-answers";

const definition = buildDefaultQuestionnaire();

function answersOf(row: Record<string, string>): Record<string, unknown> {
  const result = answersFromImportRow(definition, row);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.answers;
}

function problemsOf(row: Record<string, string>, options = {}) {
  const result = answersFromImportRow(definition, row, options);
  return result.ok ? [] : result.problems;
}

describe("answersFromImportRow", () => {
  it("reads satisfaction codes 1–5, 8 and 9 as numbers and leaves blanks out", () => {
    const row = {
      liv_income: "1",
      liv_pension: "5",
      env_air: "8",
      gov_committee: "9",
      svc_hospital: "",
      env_rivers: "  ",
    };
    expect(answersOf(row)).toEqual({ liv_income: 1, liv_pension: 5, env_air: 8, gov_committee: 9 });
  });

  it("reads the codes of other choice questions and keeps comments verbatim", () => {
    const row = {
      education: "6",
      housing: "3",
      policy_waste_sorting: "2",
      overall: "4",
      comment: "  路灯太暗，希望修一修！  ",
    };
    expect(answersOf(row)).toEqual({
      education: 6,
      housing: 3,
      policy_waste_sorting: 2,
      overall: 4,
      comment: "路灯太暗，希望修一修！",
    });
  });

  it("accepts full-width digits typed with a Chinese input method, and exact choice labels", () => {
    expect(answersOf({ liv_income: "４", education: "２" })).toEqual({ liv_income: 4, education: 2 });
    expect(answersOf({ liv_income: "非常满意", env_air: "不了解", policy_family_doctor: "听说过，但不了解" })).toEqual({
      liv_income: 5,
      env_air: 8,
      policy_family_doctor: 2,
    });
  });

  it("ignores the respondent columns of the import file and any the caller names", () => {
    const row = { community_code: "310117001001", id_number: "", phone: "", sex: "1", age_group: "3", liv_income: "3" };
    expect(answersOf(row)).toEqual({ liv_income: 3 });
    expect(problemsOf({ interviewer: "张三", liv_income: "3" }, { extraColumns: ["interviewer"] })).toEqual([]);
  });

  it("reports every bad cell by column", () => {
    const problems = problemsOf({
      liv_income: "6",
      env_air: "0",
      education: "7",
      overall: "8",
      gov_committee: "4.0",
      liv_pension: "满意",
    });
    expect(problems.map((problem) => problem.column)).toEqual([
      "liv_income",
      "env_air",
      "education",
      "overall",
      "gov_committee",
      "liv_pension",
    ]);
    expect(problems[0]?.message).toBe("“6”不是本题的有效代码，可填：5、4、3、2、1、8、9，不答请留空");
  });

  it("reports columns that are not questions", () => {
    expect(problemsOf({ liv_incme: "3" })).toEqual([
      { column: "liv_incme", message: "问卷中没有名为“liv_incme”的题目" },
    ]);
  });

  it("reports a comment that is too long", () => {
    expect(problemsOf({ comment: "长".repeat(1001) }).map((problem) => problem.column)).toEqual(["comment"]);
  });

  it("turns a full paper questionnaire into answers that pass submission validation", () => {
    const row = Object.fromEntries(
      Object.entries(completeDefaultAnswers()).map(([name, value]) => [name, String(value)]),
    );
    const answers = answersOf({ community_code: "X", ...row });
    expect(answers).toEqual(completeDefaultAnswers());
    expect(validateAnswers(definition, answers, { complete: true })).toEqual([]);
  });
});

describe("answersFromImportRow on other question types", () => {
  const custom = {
    pages: [
      {
        name: "p1",
        elements: [
          {
            type: "radiogroup",
            name: "sat",
            choices: [1, 2, 3, 4, 5],
            itemKind: "satisfaction",
            dimension: "living",
            domain: "health",
          },
          { type: "boolean", name: "has_children" },
          { type: "checkbox", name: "services", choices: [{ value: 1, text: "食堂" }, 2, 3] },
          { type: "text", name: "household", inputType: "number" },
          { type: "html", name: "note", html: "<p>说明</p>" },
          { type: "matrix", name: "grid", columns: [1, 2], rows: ["a"] },
        ],
      },
    ],
  };
  const read = (row: Record<string, string>) => answersFromImportRow(custom, row);

  it("reads booleans, lists of codes and numbers", () => {
    expect(read({ has_children: "是", services: "1、3", household: "３" })).toEqual({
      ok: true,
      answers: { has_children: true, services: [1, 3], household: 3 },
    });
    expect(read({ has_children: "0", services: "食堂，2" })).toEqual({
      ok: true,
      answers: { has_children: false, services: [1, 2] },
    });
  });

  it("refuses what it cannot read", () => {
    const result = read({ has_children: "也许", services: "1,9", household: "三口", note: "x", grid: "1" });
    expect(result.ok ? [] : result.problems.map((problem) => problem.column)).toEqual([
      "has_children",
      "services",
      "household",
      "note",
      "grid",
    ]);
  });
});
