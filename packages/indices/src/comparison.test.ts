import { describe, expect, it } from "vitest";
import { bottomGroup, bottomOverlap, compareSubjectiveObjective, QUADRANT_LABELS, rankTable } from "./comparison";
import { OBJECTIVE, relativeError, SATISFACTION } from "./rank-test-data";

const CODES = SATISFACTION.map((_, i) => `T${String(i + 1).padStart(2, "0")}`);

describe("compareSubjectiveObjective", () => {
  const towns = CODES.map((townCode, i) => ({
    townCode,
    satisfaction: SATISFACTION[i] as number,
    objective: OBJECTIVE[i] as number,
  }));

  it("reports ρ and τ_b as R does for 17 towns", () => {
    const c = compareSubjectiveObjective(towns);
    expect(c.n).toBe(17);
    // R: cor.test(SATISFACTION, OBJECTIVE, method="spearman")$estimate → 0.88480392156862753
    expect(relativeError(c.spearman.rho, 0.88480392156862753)).toBeLessThan(1e-14);
    // R: cor.test(SATISFACTION, OBJECTIVE, method="kendall")$estimate → 0.73529411764705888
    expect(relativeError(c.kendall.tau, 0.73529411764705888)).toBeLessThan(1e-14);
  });

  it("leaves out towns missing a figure and lists them", () => {
    const c = compareSubjectiveObjective([
      ...towns.slice(0, 5),
      { townCode: "X", satisfaction: null, objective: 50 },
      { townCode: "Y", satisfaction: 60, objective: null },
    ]);
    expect(c.n).toBe(5);
    expect(c.excluded).toEqual(["X", "Y"]);
  });

  it("quadrants split at the town means, with Chinese labels", () => {
    const c = compareSubjectiveObjective([
      { townCode: "a", satisfaction: 90, objective: 90 },
      { townCode: "b", satisfaction: 90, objective: 10 },
      { townCode: "c", satisfaction: 10, objective: 90 },
      { townCode: "d", satisfaction: 10, objective: 10 },
      { townCode: "e", satisfaction: 50, objective: 50 }, // exactly at both means: counts as high
    ]);
    expect(c.means).toEqual({ satisfaction: 50, objective: 50 });
    expect(c.quadrants.map((q) => q.quadrant)).toEqual([
      "strength",
      "satisfaction_high_objective_low",
      "objective_high_satisfaction_low",
      "shared_weakness",
      "strength",
    ]);
    expect(c.quadrants[3]?.label).toBe(QUADRANT_LABELS.shared_weakness);
    expect(QUADRANT_LABELS.shared_weakness).toContain("共同短板");
    expect(QUADRANT_LABELS.objective_high_satisfaction_low).toContain("服务或沟通");
  });

  it("needs three complete towns and unique codes", () => {
    expect(() => compareSubjectiveObjective(towns.slice(0, 2))).toThrow(RangeError);
    expect(() => compareSubjectiveObjective([...towns.slice(0, 3), towns[0] as (typeof towns)[number]])).toThrow(
      /duplicate/,
    );
  });
});

describe("rankTable", () => {
  it("ranks both ways, differences, and flags |difference| ≥ 5", () => {
    const sat = [90, 80, 70, 60, 50, 40];
    const obj = [40, 85, 75, 65, 55, 95];
    const rows = rankTable(["a", "b", "c", "d", "e", "f"], sat, obj);
    const a = rows.find((r) => r.townCode === "a");
    expect(a).toMatchObject({ satisfactionRank: 1, objectiveRank: 6, difference: -5, flagged: true });
    const f = rows.find((r) => r.townCode === "f");
    expect(f).toMatchObject({ satisfactionRank: 6, objectiveRank: 1, difference: 5, flagged: true });
    const b = rows.find((r) => r.townCode === "b");
    expect(b).toMatchObject({ satisfactionRank: 2, objectiveRank: 2, difference: 0, flagged: false });
    expect(rows.map((r) => r.townCode)).toEqual(["a", "b", "c", "d", "e", "f"]);
    expect(rankTable(["a", "b"], [1, 2], [2, 1], 1).every((r) => r.flagged)).toBe(true);
  });

  it("ties share the best place", () => {
    const rows = rankTable(["a", "b", "c"], [70, 70, 60], [1, 2, 3]);
    expect(rows.map((r) => r.satisfactionRank)).toEqual([1, 1, 3]);
  });
});

describe("bottom-k overlap", () => {
  it("hand-worked: 17 towns, 3 of the bottom 5 shared → P = 721/6188", () => {
    const codes = CODES;
    const sat = codes.map((_, i) => i); // T01..T05 lowest
    const obj = codes.map((_, i) => (i < 3 ? i : i >= 12 ? i - 12 + 3 : 100 + i)); // T01..T03 and T13, T14 lowest
    const o = bottomOverlap(codes, sat, obj, 5);
    expect(o.satisfactionBottom).toEqual(["T01", "T02", "T03", "T04", "T05"]);
    expect(o.objectiveBottom).toEqual(["T01", "T02", "T03", "T13", "T14"]);
    expect(o.overlap).toEqual(["T01", "T02", "T03"]);
    // [C(5,3)C(12,2) + C(5,4)C(12,1) + C(5,5)] / C(17,5)
    expect(o.probability).toBeCloseTo(721 / 6188, 14);
    expect(o.expectedByChance).toBeCloseTo(25 / 17, 14);
  });

  it("towns tied with the k-th lowest value all join the bottom group", () => {
    expect(bottomGroup(["a", "b", "c", "d"], [1, 2, 2, 3], 2)).toEqual(["a", "b", "c"]);
    expect(bottomGroup(["a", "b"], [1, 2], 5)).toEqual(["a", "b"]);
    expect(() => bottomGroup(["a"], [1], 0)).toThrow(RangeError);
  });

  it("uses the actual group sizes in the hypergeometric tail", () => {
    // sat bottom-2 with a tie → {a, b, c}; obj bottom-2 → {a, d}; overlap 1 of N = 5, K = 3, n = 2
    const o = bottomOverlap(["a", "b", "c", "d", "e"], [1, 2, 2, 3, 4], [1, 5, 6, 2, 7], 2);
    expect(o.overlap).toEqual(["a"]);
    // P(X ≥ 1) = 1 − C(2,2)/C(5,2) = 1 − 1/10
    expect(o.probability).toBeCloseTo(0.9, 14);
  });
});
