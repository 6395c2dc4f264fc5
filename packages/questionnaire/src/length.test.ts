import { describe, expect, it } from "vitest";
import { buildDefaultQuestionnaire } from "./default-questionnaire";
import { estimatedMinutes, questionnaireLength } from "./length";

describe("questionnaireLength", () => {
  it("counts every question of the default questionnaire, on every page", () => {
    const definition = buildDefaultQuestionnaire();
    const pages = (definition as { pages: { elements: unknown[] }[] }).pages;
    const listed = pages.reduce((sum, page) => sum + page.elements.length, 0);
    const length = questionnaireLength(definition);
    expect(length.questionCount).toBe(listed);
    expect(length.estimatedMinutes).toBe(estimatedMinutes(listed));
  });

  it("estimates about ten seconds a question, at least a minute", () => {
    expect(estimatedMinutes(47)).toBe(8);
    expect(estimatedMinutes(1)).toBe(1);
    expect(estimatedMinutes(0)).toBe(1);
    expect(estimatedMinutes(60)).toBe(10);
  });
});
