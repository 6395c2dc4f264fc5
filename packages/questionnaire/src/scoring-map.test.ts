import { describe, expect, it } from "vitest";
import { buildDefaultQuestionnaire } from "./default-questionnaire";
import {
  EXPECTED_DEMOGRAPHIC_ITEMS,
  EXPECTED_POLICY_ITEMS,
  EXPECTED_SATISFACTION_ITEMS,
} from "./default-questionnaire.fixture";
import { InvalidDefinitionError } from "./loaded-questionnaire";
import { buildScoringMap } from "./scoring-map";

function withScoreMapping(scoreMapping: string) {
  return { ...buildDefaultQuestionnaire(), scoreMapping };
}

describe("buildScoringMap on the default questionnaire", () => {
  const map = buildScoringMap(buildDefaultQuestionnaire());

  it("pins every satisfaction item to its area and objective domain, in questionnaire order", () => {
    expect(map.items.map((item) => [item.name, item.dimension, item.domain])).toEqual(EXPECTED_SATISFACTION_ITEMS);
  });

  it("puts each item on the page of its area and indexes it by name", () => {
    for (const item of map.items) {
      expect(item.page).toBe(item.dimension);
      expect(map.byName.get(item.name)).toBe(item);
      expect(item.title).toMatch(/满意吗？$/);
    }
    expect(map.byName.size).toBe(map.items.length);
  });

  it("describes the answer codes of every item", () => {
    for (const item of map.items) {
      expect(item.scale).toEqual([1, 2, 3, 4, 5]);
      expect(item.dontKnowCode).toBe(8);
      expect(item.notApplicableCode).toBe(9);
    }
  });

  it("scores 1–5 as 0, 25, 50, 75, 100 by default and 8, 9 as missing", () => {
    expect(map.scoreMapping).toBe("0-100");
    const item = map.byName.get("env_air");
    expect([1, 2, 3, 4, 5, 8, 9].map((code) => item?.scoreOf(code))).toEqual([0, 25, 50, 75, 100, null, null]);
    expect(item?.scoreOf(0)).toBeNull();
    expect(item?.scoreOf(6)).toBeNull();
    expect(item?.scoreOf(2.5)).toBeNull();
  });

  it("lists the overall item apart from the satisfaction items", () => {
    expect(map.overall?.name).toBe("overall");
    expect(map.overall?.page).toBe("overall");
    expect(map.overall?.scoreOf(5)).toBe(100);
    expect(map.byName.has("overall")).toBe(false);
  });

  it("lists policy and demographic items with their coded choices", () => {
    expect(map.policyItems.map((item) => item.name)).toEqual(EXPECTED_POLICY_ITEMS);
    expect(map.policyItems[0]?.choices.map((choice) => choice.value)).toEqual([1, 2, 3]);
    expect(map.demographicItems.map((item) => [item.name, item.choices.length])).toEqual(EXPECTED_DEMOGRAPHIC_ITEMS);
    for (const item of map.demographicItems) {
      expect(item.choices.map((choice) => choice.value)).toEqual(item.choices.map((_, index) => index + 1));
      expect(item.page).toBe("about_you");
    }
    expect(map.demographicItems[0]?.choices[0]).toEqual({ value: 1, text: "小学及以下" });
  });
});

describe("buildScoringMap options and refusals", () => {
  it("uses 20/40/60/80/100 when the questionnaire asks for it", () => {
    const map = buildScoringMap(withScoreMapping("20-100"));
    expect(map.scoreMapping).toBe("20-100");
    const item = map.byName.get("liv_income");
    expect([1, 2, 3, 4, 5, 8, 9].map((code) => item?.scoreOf(code))).toEqual([20, 40, 60, 80, 100, null, null]);
    expect(map.overall?.scoreOf(1)).toBe(20);
  });

  it("defaults to 0-100 when the questionnaire does not say", () => {
    const definition: Record<string, unknown> = buildDefaultQuestionnaire();
    delete definition.scoreMapping;
    expect(buildScoringMap(definition).scoreMapping).toBe("0-100");
  });

  it("refuses a definition that fails validation, with the problems attached", () => {
    expect(() => buildScoringMap(withScoreMapping("1-10"))).toThrow(InvalidDefinitionError);
    try {
      buildScoringMap({ pages: [] });
    } catch (error) {
      expect((error as InvalidDefinitionError).problems.length).toBeGreaterThan(0);
    }
    expect.assertions(2);
  });

  it("does not serve a stale map after the same definition object is changed in place", () => {
    const definition: Record<string, unknown> = buildDefaultQuestionnaire();
    expect(buildScoringMap(definition).scoreMapping).toBe("0-100");
    definition.scoreMapping = "20-100";
    expect(buildScoringMap(definition).scoreMapping).toBe("20-100");
  });
});
