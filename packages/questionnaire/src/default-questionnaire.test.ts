import { describe, expect, it } from "vitest";
import { DIMENSION_CODES, DOMAIN_CODES } from "./codes";
import { buildDefaultQuestionnaire, DEFAULT_QUESTIONNAIRE_TITLE } from "./default-questionnaire";
import { EXPECTED_SATISFACTION_ITEMS } from "./default-questionnaire.fixture";
import { createModel } from "./survey-properties";
import { validateDefinition } from "./validate-definition";

describe("default questionnaire", () => {
  const definition = buildDefaultQuestionnaire();
  const model = createModel(definition);
  const satisfaction = model.getAllQuestions().filter((q) => q.getPropertyValue("itemKind") === "satisfaction");

  it("passes its own validation and loads in survey-core without JSON errors", () => {
    expect(validateDefinition(definition)).toEqual({ ok: true });
    expect(model.jsonErrors ?? []).toEqual([]);
  });

  it("is a Chinese survey with the district title", () => {
    expect(definition.locale).toBe("zh-cn");
    expect(model.title).toBe(DEFAULT_QUESTIONNAIRE_TITLE);
    expect(DEFAULT_QUESTIONNAIRE_TITLE).toContain("松江区民生满意度调查");
  });

  it("has 30 to 40 satisfaction items", () => {
    expect(satisfaction.length).toBeGreaterThanOrEqual(30);
    expect(satisfaction.length).toBeLessThanOrEqual(40);
    expect(satisfaction.length).toBe(EXPECTED_SATISFACTION_ITEMS.length);
  });

  it("gives each of the four areas its own page, in order, with items on it", () => {
    expect(model.pages.slice(0, 4).map((page) => page.name)).toEqual([...DIMENSION_CODES]);
    expect(model.pages.slice(0, 4).map((page) => page.title)).toEqual([
      "一、生活条件",
      "二、公共服务",
      "三、综合环境",
      "四、社会治理",
    ]);
    for (const dimension of DIMENSION_CODES) {
      const items = satisfaction.filter((q) => q.getPropertyValue("dimension") === dimension);
      expect(items.length, dimension).toBeGreaterThanOrEqual(5);
      for (const item of items) expect(item.page?.name).toBe(dimension);
    }
  });

  it("speaks to every objective domain, so each can be compared with its index", () => {
    const domains = new Set(satisfaction.map((q) => q.getPropertyValue("domain")));
    expect([...domains].sort()).toEqual([...DOMAIN_CODES].sort());
  });

  it("asks every satisfaction item as a required one-column choice of codes 1–5, 8, 9", () => {
    for (const question of satisfaction) {
      expect(question.getType()).toBe("radiogroup");
      expect(question.isRequired).toBe(true);
      expect(question.getPropertyValue("colCount")).toBe(1);
      const choices = (question.toJSON().choices as { value: number; text: string }[]).map((c) => [c.value, c.text]);
      expect(choices).toEqual([
        [5, "非常满意"],
        [4, "比较满意"],
        [3, "一般"],
        [2, "不太满意"],
        [1, "非常不满意"],
        [8, "不了解"],
        [9, "不适用"],
      ]);
      expect(question.title).toMatch(/满意吗？$/);
    }
  });

  it("explains each policy before asking whether the resident knew it", () => {
    const policies = model.getAllQuestions().filter((q) => q.getPropertyValue("itemKind") === "policy");
    expect(policies.length).toBeGreaterThanOrEqual(3);
    expect(policies.length).toBeLessThanOrEqual(4);
    for (const policy of policies) {
      const sentences = policy.description.split("。").filter((s: string) => s.trim() !== "");
      expect(sentences.length, policy.name).toBe(2);
      expect(policy.toJSON().choices).toEqual([
        { value: 1, text: "知道" },
        { value: 2, text: "听说过，但不了解" },
        { value: 3, text: "不知道" },
      ]);
    }
  });

  it("has a required overall item, an optional comment of at most 1000 characters and required demographics", () => {
    const overall = model.getQuestionByName("overall");
    expect(overall.isRequired).toBe(true);
    expect(overall.getPropertyValue("itemKind")).toBe("overall");
    const comment = model.getQuestionByName("comment");
    expect(comment.getType()).toBe("comment");
    expect(comment.isRequired).toBe(false);
    expect(comment.getPropertyValue("maxLength")).toBe(1000);
    const demographics = model.getAllQuestions().filter((q) => q.getPropertyValue("itemKind") === "demographic");
    expect(demographics.map((q) => q.name)).toEqual(["education", "occupation", "years_resident", "housing"]);
    for (const question of demographics) expect(question.isRequired).toBe(true);
  });

  it("does not ask what the ID number already tells (sex, age, registration)", () => {
    const titles = model.getAllQuestions().map((q) => q.title);
    for (const title of titles) expect(title).not.toMatch(/性别|年龄|出生|户籍/);
  });

  it("keeps its custom properties through a survey-core round trip", () => {
    const roundTripped = createModel(model.toJSON()).toJSON();
    expect(roundTripped).toEqual(model.toJSON());
    const item = createModel(roundTripped).getQuestionByName("env_air");
    expect(item.getPropertyValue("dimension")).toBe("environment");
    expect(item.getPropertyValue("domain")).toBe("living_environment");
    expect(createModel(roundTripped).getPropertyValue("scoreMapping")).toBe("0-100");
  });

  it("returns a fresh object on every call", () => {
    const first = buildDefaultQuestionnaire();
    (first.pages as unknown[]).pop();
    expect((buildDefaultQuestionnaire().pages as unknown[]).length).toBe((definition.pages as unknown[]).length);
  });
});
