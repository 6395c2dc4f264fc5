import { describe, expect, it } from "vitest";
import {
  isSatisfied,
  itemMissingShare,
  itemScore,
  itemScores,
  missingShare,
  respondentScore,
  type ScoreScale,
  satisfiedFlags,
} from "./scoring";

describe("item scores", () => {
  it("maps codes 1–5 to 0/25/50/75/100 by default", () => {
    expect(itemScores([1, 2, 3, 4, 5])).toEqual([0, 25, 50, 75, 100]);
  });

  it("treats don't know, not applicable and blank as missing", () => {
    expect(itemScores(["dont_know", "not_applicable", null, undefined])).toEqual([null, null, null, null]);
    expect(satisfiedFlags(["dont_know", null, 3, 4])).toEqual([null, null, false, true]);
  });

  it("uses a configured mapping and satisfaction threshold", () => {
    const scale: ScoreScale = { scores: [20, 40, 60, 80, 100], satisfiedFrom: 4 };
    expect(itemScore(1, scale)).toBe(20);
    expect(itemScore(5, scale)).toBe(100);
    const sevenPoint: ScoreScale = { scores: [0, 1, 2, 3, 4, 5, 6].map((c) => (100 * c) / 6), satisfiedFrom: 6 };
    expect(itemScore(7, sevenPoint)).toBe(100);
    expect(isSatisfied(5, sevenPoint)).toBe(false);
    expect(isSatisfied(6, sevenPoint)).toBe(true);
  });

  it("rejects codes outside the scale", () => {
    for (const bad of [0, 6, 2.5, Number.NaN]) expect(() => itemScore(bad)).toThrow(RangeError);
  });
});

describe("missing share", () => {
  it("counts don't know, not applicable and blank; flags above 20 %", () => {
    expect(itemMissingShare([1, 2, "dont_know", 4, 5])).toEqual({ missing: 1, total: 5, share: 0.2, flagged: false });
    expect(itemMissingShare([1, null, "not_applicable", 4, 5])).toEqual({
      missing: 2,
      total: 5,
      share: 0.4,
      flagged: true,
    });
    expect(missingShare(0, 0)).toEqual({ missing: 0, total: 0, share: 0, flagged: false });
  });
});

describe("respondentScore", () => {
  it("is the mean of valid items when at least half are valid", () => {
    expect(respondentScore([5, 4, "dont_know", null])).toBe(87.5);
    expect(respondentScore([1, 3, 5])).toBe(50);
  });

  it("is null when fewer than half are valid or nothing is", () => {
    expect(respondentScore([5, null, "dont_know"])).toBeNull();
    expect(respondentScore([])).toBeNull();
    expect(respondentScore([null, null])).toBeNull();
  });
});
