import { describe, expect, it } from "vitest";
import { buildDefaultQuestionnaire } from "./default-questionnaire";
import { completeDefaultAnswers, EXPECTED_SATISFACTION_ITEMS } from "./default-questionnaire.fixture";
import { scoreResponse } from "./score-response";
import { buildScoringMap } from "./scoring-map";

const map = buildScoringMap(buildDefaultQuestionnaire());
const names = EXPECTED_SATISFACTION_ITEMS.map(([name]) => name);

describe("scoreResponse", () => {
  it("gives one row per answered satisfaction item with its area, domain, code and score", () => {
    const answers = { liv_income: 1, svc_hospital: 2, env_air: 3, gov_committee: 4, liv_pension: 5 };
    const { items } = scoreResponse(map, answers);
    expect(items).toEqual([
      { question: "liv_income", dimension: "living", domain: "employment_income", code: 1, score: 0 },
      { question: "liv_pension", dimension: "living", domain: "social_security", code: 5, score: 100 },
      { question: "svc_hospital", dimension: "public_services", domain: "health", code: 2, score: 25 },
      { question: "env_air", dimension: "environment", domain: "living_environment", code: 3, score: 50 },
      { question: "gov_committee", dimension: "governance", domain: "community_building", code: 4, score: 75 },
    ]);
  });

  it("keeps don't know and not applicable as rows with a missing score, and blanks as no row", () => {
    const { items } = scoreResponse(map, { liv_income: 8, liv_pension: 9, env_air: null, gov_committee: "" });
    expect(items).toEqual([
      { question: "liv_income", dimension: "living", domain: "employment_income", code: 8, score: null },
      { question: "liv_pension", dimension: "living", domain: "social_security", code: 9, score: null },
    ]);
  });

  it("ignores answers that are not satisfaction items", () => {
    const { items, overall } = scoreResponse(map, { education: 3, policy_family_doctor: 1, comment: "好", overall: 2 });
    expect(items).toEqual([]);
    expect(overall).toEqual({ code: 2, score: 25 });
  });

  it("averages the valid items when at least half of the items are valid", () => {
    const half = Math.ceil(names.length / 2);
    const answers: Record<string, number> = {};
    names.forEach((name, index) => {
      answers[name] = index < half ? (index % 2 === 0 ? 5 : 3) : 8;
    });
    const expectedScores = names.slice(0, half).map((_, index) => (index % 2 === 0 ? 100 : 50));
    const result = scoreResponse(map, answers);
    expect(result.validCount).toBe(half);
    expect(result.respondentScore).toBeCloseTo(expectedScores.reduce((a, b) => a + b, 0) / half, 10);
  });

  it("gives no respondent score when fewer than half of the items are valid", () => {
    const fewerThanHalf = Math.ceil(names.length / 2) - 1;
    const answers = Object.fromEntries(names.map((name, index) => [name, index < fewerThanHalf ? 4 : 9]));
    const result = scoreResponse(map, answers);
    expect(result.validCount).toBe(fewerThanHalf);
    expect(result.respondentScore).toBeNull();
    expect(result.items).toHaveLength(names.length);
  });

  it("scores a complete response and its overall item", () => {
    const result = scoreResponse(map, completeDefaultAnswers(2));
    expect(result.respondentScore).toBe(25);
    expect(result.overall).toEqual({ code: 4, score: 75 });
  });

  it("applies the 20-100 mapping", () => {
    const map20 = buildScoringMap({ ...buildDefaultQuestionnaire(), scoreMapping: "20-100" });
    const result = scoreResponse(map20, { liv_income: 1, liv_pension: 5, env_air: 8, overall: 3 });
    expect(result.items.map((item) => item.score)).toEqual([20, 100, null]);
    expect(result.overall).toEqual({ code: 3, score: 60 });
  });

  it("refuses a code that validation would have rejected instead of dropping it", () => {
    expect(() => scoreResponse(map, { liv_income: 7 })).toThrow(RangeError);
    expect(() => scoreResponse(map, { liv_income: "4" })).toThrow(/liv_income/);
  });
});
