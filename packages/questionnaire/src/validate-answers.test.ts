import { describe, expect, it, vi } from "vitest";
import { buildDefaultQuestionnaire } from "./default-questionnaire";
import { completeDefaultAnswers, EXPECTED_SATISFACTION_ITEMS } from "./default-questionnaire.fixture";
import { InvalidDefinitionError, loadQuestionnaire } from "./loaded-questionnaire";
import { ANSWERS_CLEARED_AFTER_MS, validateAnswers } from "./validate-answers";

const definition = buildDefaultQuestionnaire();
const complete = { complete: true };
const draft = { complete: false };

function questionsIn(problems: { question: string }[]): string[] {
  return problems.map((problem) => problem.question);
}

describe("validateAnswers on the default questionnaire", () => {
  it("accepts a complete response", () => {
    expect(validateAnswers(definition, completeDefaultAnswers(), complete)).toEqual([]);
  });

  it("accepts don't know and not applicable as answers to required items", () => {
    const answers = { ...completeDefaultAnswers(), liv_income: 8, liv_pension: 9 };
    expect(validateAnswers(definition, answers, complete)).toEqual([]);
  });

  it("accepts a complete response without the optional comment", () => {
    const { comment: _, ...answers } = completeDefaultAnswers();
    expect(validateAnswers(definition, answers, complete)).toEqual([]);
    expect(validateAnswers(definition, { ...answers, comment: "" }, complete)).toEqual([]);
  });

  it("reports every missing required answer on submission, and none for a draft", () => {
    const { liv_income: _a, education: _b, overall: _c, ...answers } = completeDefaultAnswers();
    const problems = validateAnswers(definition, answers, complete);
    expect(questionsIn(problems).sort()).toEqual(["education", "liv_income", "overall"]);
    expect(problems[0]?.message).toBe("这道题还没有回答");
    expect(validateAnswers(definition, answers, draft)).toEqual([]);
    expect(validateAnswers(definition, {}, draft)).toEqual([]);
  });

  it("reports all required questions of an empty submission", () => {
    const problems = validateAnswers(definition, {}, complete);
    const required = EXPECTED_SATISFACTION_ITEMS.length + 4 + 1 + 4;
    expect(problems).toHaveLength(required);
    expect(questionsIn(problems)).not.toContain("comment");
  });

  it("treats null and empty answers as no answer", () => {
    expect(validateAnswers(definition, { liv_income: null, comment: "" }, draft)).toEqual([]);
    expect(
      questionsIn(validateAnswers(definition, { ...completeDefaultAnswers(), liv_income: null }, complete)),
    ).toEqual(["liv_income"]);
  });

  it("refuses codes that are not among the choices, in drafts too", () => {
    for (const options of [draft, complete]) {
      const problems = validateAnswers(
        definition,
        { ...completeDefaultAnswers(), liv_income: 6, education: 0, overall: 8 },
        options,
      );
      expect(questionsIn(problems)).toEqual(["liv_income", "education", "overall"]);
      expect(problems[0]?.message).toMatch(/不在本题的选项中/);
    }
  });

  it("refuses answers of the wrong type", () => {
    const answers = { liv_income: "4", env_air: [4], gov_committee: true, comment: 42, education: { code: 1 } };
    const problems = validateAnswers(definition, answers, draft);
    expect(questionsIn(problems)).toEqual(["liv_income", "env_air", "gov_committee", "comment", "education"]);
    for (const problem of problems) expect(problem.message).toMatch(/答案类型不对/);
  });

  it("refuses names that are not questions, and comment keys of questions without a comment area", () => {
    const problems = validateAnswers(
      definition,
      { ...completeDefaultAnswers(), liv_incom: 4, "comment-Comment": "x" },
      complete,
    );
    expect(problems).toEqual([
      { question: "liv_incom", message: "问卷中没有这道题" },
      { question: "comment-Comment", message: "问卷中没有这道题" },
    ]);
  });

  it("refuses a comment longer than 1000 characters, counting Chinese characters and emoji as one", () => {
    expect(validateAnswers(definition, { comment: "好".repeat(1000) }, draft)).toEqual([]);
    expect(validateAnswers(definition, { comment: "😀".repeat(1000) }, draft)).toEqual([]);
    const problems = validateAnswers(definition, { comment: "好".repeat(1001) }, draft);
    expect(problems).toEqual([{ question: "comment", message: "内容太长：最多 1000 个字，现在有 1001 个字" }]);
  });

  it("reports a question once, for its shape, not again as unanswered", () => {
    const problems = validateAnswers(definition, { ...completeDefaultAnswers(), liv_income: 7 }, complete);
    expect(questionsIn(problems)).toEqual(["liv_income"]);
  });

  it("refuses answers that are not an object", () => {
    for (const answers of [null, [], "x", 3]) {
      expect(validateAnswers(definition, answers, draft)).toEqual([
        { question: "", message: "答案必须是一个 JSON 对象" },
      ]);
    }
  });

  it("does not carry answers or errors from one call into the next", () => {
    expect(validateAnswers(definition, {}, complete).length).toBeGreaterThan(30);
    expect(validateAnswers(definition, completeDefaultAnswers(), complete)).toEqual([]);
    const { overall: _, ...withoutOverall } = completeDefaultAnswers();
    expect(questionsIn(validateAnswers(definition, withoutOverall, complete))).toEqual(["overall"]);
  });

  it("never loads the answers into survey-core's model: the definition has no logic beyond required", () => {
    validateAnswers(definition, completeDefaultAnswers(), complete);
    expect(loadQuestionnaire(definition).model.data).toEqual({});
  });

  it("clears the answers out of the shared model shortly after the last check", () => {
    // With a condition in it, the definition is checked by survey-core with the answers loaded.
    const conditional = buildDefaultQuestionnaire() as { pages: { name: string; elements: { name: string }[] }[] };
    const overallPage = conditional.pages.find((page) => page.name === "overall");
    Object.assign(overallPage?.elements.find((element) => element.name === "comment") ?? {}, {
      visibleIf: "{overall} notempty",
    });
    const definition = conditional;
    vi.useFakeTimers();
    try {
      validateAnswers(definition, completeDefaultAnswers(), complete);
      const { model } = loadQuestionnaire(definition);
      expect(loadQuestionnaire(definition).staticRequired).toBeNull();
      expect(model.data).toMatchObject({ liv_income: 4 });
      vi.advanceTimersByTime(ANSWERS_CLEARED_AFTER_MS - 1);
      validateAnswers(definition, { ...completeDefaultAnswers(), liv_income: 2 }, complete);
      vi.advanceTimersByTime(ANSWERS_CLEARED_AFTER_MS - 1);
      expect(model.data).toMatchObject({ liv_income: 2 });
      vi.advanceTimersByTime(1);
      expect(model.data).toEqual({});
    } finally {
      vi.useRealTimers();
    }
  });

  it("refuses to work with a broken definition", () => {
    expect(() => validateAnswers({ pages: [] }, {}, draft)).toThrow(InvalidDefinitionError);
  });
});

describe("validateAnswers on other question types", () => {
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
            isRequired: true,
          },
          { type: "rating", name: "stars", rateValues: [1, 2, 3, 4, 5], isRequired: true },
          { type: "boolean", name: "has_children", isRequired: true },
          {
            type: "radiogroup",
            name: "school",
            choices: ["public", "private"],
            isRequired: true,
            visibleIf: "{has_children} = true",
          },
          { type: "checkbox", name: "services", choices: [1, 2, 3], showOtherItem: true },
          {
            type: "text",
            name: "household",
            inputType: "number",
            validators: [{ type: "numeric", minValue: 1, maxValue: 20 }],
          },
        ],
      },
    ],
  };
  const base = { sat: 3, stars: 4, has_children: false };

  it("accepts valid answers and honours visibleIf for required questions", () => {
    expect(validateAnswers(custom, base, complete)).toEqual([]);
    expect(questionsIn(validateAnswers(custom, { ...base, has_children: true }, complete))).toEqual(["school"]);
    expect(validateAnswers(custom, { ...base, has_children: true, school: "public" }, complete)).toEqual([]);
  });

  it("checks rating values and types", () => {
    expect(validateAnswers(custom, { stars: 6 }, draft)[0]?.message).toMatch(/不在本题的选项中/);
    expect(validateAnswers(custom, { stars: "5" }, draft)[0]?.message).toMatch(/答案类型不对/);
  });

  it("checks string choices, booleans, multiple choices and their other text", () => {
    expect(validateAnswers(custom, { school: 1 }, draft)[0]?.message).toMatch(/答案类型不对/);
    expect(validateAnswers(custom, { has_children: "yes" }, draft)[0]?.message).toMatch(/答案类型不对/);
    expect(validateAnswers(custom, { services: [1, 3, "other"], "services-Comment": "社区食堂" }, draft)).toEqual([]);
    expect(questionsIn(validateAnswers(custom, { services: [1, 4] }, draft))).toEqual(["services"]);
    expect(questionsIn(validateAnswers(custom, { services: 1 }, draft))).toEqual(["services"]);
    expect(questionsIn(validateAnswers(custom, { services: [1, 1] }, draft))).toEqual(["services"]);
    expect(questionsIn(validateAnswers(custom, { "services-Comment": 5 }, draft))).toEqual(["services-Comment"]);
  });

  it("checks numeric text answers and runs the definition's own validators on submission", () => {
    expect(questionsIn(validateAnswers(custom, { household: "3" }, draft))).toEqual(["household"]);
    expect(validateAnswers(custom, { household: 30 }, draft)).toEqual([]);
    expect(questionsIn(validateAnswers(custom, { ...base, household: 30 }, complete))).toEqual(["household"]);
  });
});
