import { describe, expect, it } from "vitest";
import { competitionRanks, hasTies, midRanks } from "./ranks";

describe('midRanks (R rank(), ties.method = "average")', () => {
  it("averages tied positions", () => {
    // R: rank(c(10, 20, 20, 5, 30, 20)) → 2 4 4 1 6 4
    expect(midRanks([10, 20, 20, 5, 30, 20])).toEqual([2, 4, 4, 1, 6, 4]);
    // R: rank(c(3, 3, 1, 1)) → 3.5 3.5 1.5 1.5
    expect(midRanks([3, 3, 1, 1])).toEqual([3.5, 3.5, 1.5, 1.5]);
    expect(midRanks([])).toEqual([]);
  });
});

describe("competitionRanks", () => {
  it("1 = highest, ties share the best place, next place skipped", () => {
    expect(competitionRanks([80, 90, 90, 70])).toEqual([3, 1, 1, 4]);
  });
});

it("hasTies", () => {
  expect(hasTies([1, 2, 3])).toBe(false);
  expect(hasTies([1, 2, 1])).toBe(true);
});
