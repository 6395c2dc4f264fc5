import { describe, expect, it } from "vitest";
import { coarsenToK, type QuasiIdentifier, smallestGroup } from "./k-anonymity";

const WIDER: Record<string, string> = { "18-29": "18-44", "30-44": "18-44", "45-59": "45+", "60+": "45+" };
const IDENTIFIERS: QuasiIdentifier[] = [
  { name: "age", steps: [(value) => WIDER[value] ?? value, () => ""] },
  { name: "education", steps: [() => ""] },
  { name: "sex", steps: [() => ""] },
];
const NAMES = ["town", "age", "education", "sex"];

const row = (town: string, age: string, education: string, sex: string) => ({ town, age, education, sex });

describe("coarsenToK", () => {
  it("leaves rows alone when every combination already has k rows", () => {
    const rows = Array.from({ length: 5 }, () => row("A", "18-29", "大学", "男"));
    const result = coarsenToK(rows, IDENTIFIERS, 5);
    expect(result.rows).toEqual(rows);
    expect(result.coarsenedRows).toBe(0);
  });

  it("widens the age band first, and only for the rows of small groups", () => {
    const rows = [
      ...Array.from({ length: 5 }, () => row("A", "60+", "初中", "女")),
      ...Array.from({ length: 3 }, () => row("A", "18-29", "大学", "男")),
      ...Array.from({ length: 2 }, () => row("A", "30-44", "大学", "男")),
    ];
    const result = coarsenToK(rows, IDENTIFIERS, 5);
    expect(smallestGroup(result.rows, NAMES)).toBeGreaterThanOrEqual(5);
    expect(result.rows.filter((r) => r.age === "18-44")).toHaveLength(5);
    expect(result.rows.filter((r) => r.age === "60+")).toHaveLength(5);
    expect(result.coarsenedRows).toBe(5);
  });

  it("suppresses values step by step when widening is not enough; k-1 unique rows end blank", () => {
    const rows = [
      row("A", "18-29", "大学", "男"),
      row("A", "45-59", "小学", "女"),
      row("A", "60+", "初中", "男"),
      row("A", "30-44", "高中", "女"),
      row("A", "18-29", "硕士", "男"),
    ];
    const result = coarsenToK(rows, IDENTIFIERS, 5);
    expect(smallestGroup(result.rows, NAMES)).toBe(5);
    expect(result.rows.every((r) => r.age === "" && r.education === "" && r.sex === "" && r.town === "A")).toBe(true);
    expect(result.belowK).toBe(0);
  });

  it("fills a fully coarsened remainder under k with rows of other groups that coarsen to the same values", () => {
    const rows = [
      ...Array.from({ length: 7 }, () => row("A", "60+", "初中", "女")),
      row("A", "18-29", "大学", "男"),
      row("A", "45-59", "小学", "女"),
      row("A", "30-44", "硕士", "男"),
    ];
    const result = coarsenToK(rows, IDENTIFIERS, 5);
    expect(smallestGroup(result.rows, NAMES)).toBeGreaterThanOrEqual(5);
    expect(result.rows.filter((r) => r.age === "60+")).toHaveLength(5);
    expect(result.belowK).toBe(0);
  });

  it("reports rows that cannot reach k when the whole town has fewer than k", () => {
    const result = coarsenToK([row("A", "18-29", "大学", "男"), row("A", "60+", "初中", "女")], IDENTIFIERS, 5);
    expect(result.belowK).toBe(2);
    expect(coarsenToK([], IDENTIFIERS, 5).rows).toEqual([]);
    expect(() => coarsenToK([], IDENTIFIERS, 0)).toThrow(RangeError);
  });
});
