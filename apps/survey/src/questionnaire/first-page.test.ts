import { buildDefaultQuestionnaire } from "@survey/questionnaire";
import { describe, expect, it } from "vitest";
import { firstPageOf } from "./first-page";

const SCALE = [5, 4, 3, 2, 1, 8, 9].map((value) => ({ value, text: `答案${value}` }));
const satisfaction = (name: string, extra: Record<string, unknown> = {}) => ({
  type: "radiogroup",
  name,
  title: `${name}满意吗？`,
  isRequired: true,
  colCount: 1,
  choices: SCALE,
  itemKind: "satisfaction",
  dimension: "living",
  domain: "employment_income",
  ...extra,
});
const definition = (pages: Record<string, unknown>[], extra: Record<string, unknown> = {}) => ({
  locale: "zh-cn",
  title: "问卷",
  showQuestionNumbers: "on",
  pages,
  ...extra,
});
const NEW = { answers: {}, pageNo: -1, submitting: false };
const page = (elements: unknown[], extra: Record<string, unknown> = {}) => ({
  name: "p1",
  title: "一、生活条件",
  elements,
  ...extra,
});

describe("the first page drawn before SurveyJS", () => {
  it("takes satisfaction scales (不了解/不适用 set aside), choices and comment boxes, numbered as SurveyJS numbers them", () => {
    const first = firstPageOf(
      definition([
        page([
          satisfaction("a"),
          { type: "radiogroup", name: "b", title: "性别", choices: ["男", "女"] },
          { type: "comment", name: "c", title: "意见", maxLength: 500, rows: 4 },
        ]),
        page([satisfaction("d")], { name: "p2" }),
      ]),
      NEW,
    );
    expect(first).toMatchObject({ title: "一、生活条件", description: null, pageCount: 2, numbered: true });
    expect(first?.questions.map((question) => [question.name, question.kind, question.required])).toEqual([
      ["a", "scale", true],
      ["b", "choice", false],
      ["c", "comment", false],
    ]);
    expect(first?.questions[0]?.choices.filter((choice) => choice.aside).map((choice) => choice.value)).toEqual([8, 9]);
    expect(first?.questions[1]?.choices).toEqual([
      { value: "男", text: "男", aside: false },
      { value: "女", text: "女", aside: false },
    ]);
    expect(first?.questions[2]?.maxLength).toBe(500);
  });

  it("draws the default questionnaire's first page: nine satisfaction scales of seven", () => {
    const first = firstPageOf(buildDefaultQuestionnaire(), NEW);
    expect(first?.numbered).toBe(true);
    expect(first?.questions.map((question) => [question.kind, question.choices.length])).toEqual(
      Array(9).fill(["scale", 7]),
    );
  });

  it("numbers questions only when the questionnaire asks (SurveyJS's default is off)", () => {
    for (const [setting, numbered] of [
      [undefined, false],
      ["off", false],
      [false, false],
      ["on", true],
      ["onPage", true],
      [true, true],
    ] as const) {
      const first = firstPageOf(definition([page([satisfaction("a")])], { showQuestionNumbers: setting }), NEW);
      expect(first?.numbered, String(setting)).toBe(numbered);
    }
  });

  it("is only for a new resident on the first page: answers, a later page or a submission wait for SurveyJS", () => {
    const questionnaire = definition([page([satisfaction("a")])]);
    expect(firstPageOf(questionnaire, NEW)).not.toBeNull();
    expect(firstPageOf(questionnaire, { ...NEW, pageNo: 0 })).not.toBeNull();
    expect(firstPageOf(questionnaire, { ...NEW, answers: { a: 4 } })).toBeNull();
    expect(firstPageOf(questionnaire, { ...NEW, pageNo: 1 })).toBeNull();
    expect(firstPageOf(questionnaire, { ...NEW, submitting: true })).toBeNull();
  });

  it("waits for SurveyJS whenever a condition, expression or other question type could change what it shows", () => {
    const cases: Record<string, ReturnType<typeof definition>> = {
      "condition on a question": definition([page([satisfaction("a", { visibleIf: "{x} = 1" })])]),
      "condition on a later page (the page count)": definition([
        page([satisfaction("a")]),
        page([satisfaction("b")], { visibleIf: "{a} = 1" }),
      ]),
      "multiple choice": definition([page([{ type: "checkbox", name: "a", choices: ["x"] }])]),
      "an unknown survey setting": definition([page([satisfaction("a")])], { questionsOrder: "random" }),
      "a title in several languages": definition([page([satisfaction("a", { title: { default: "x", en: "y" } })])]),
      "choices with their own condition": definition([
        page([satisfaction("a", { choices: [{ value: 1, text: "x", visibleIf: "{b} = 1" }] })]),
      ]),
      "no choices": definition([page([satisfaction("a", { choices: [] })])]),
      "no pages": definition([]),
      "an empty first page": definition([page([])]),
    };
    for (const [label, questionnaire] of Object.entries(cases))
      expect(firstPageOf(questionnaire, NEW), label).toBeNull();
  });
});
