import { describe, expect, it } from "vitest";
import { ageGroupLabel, ageGroupOf, ageGroups, ageOn } from "./age";

describe("ageOn", () => {
  it("counts the birthday itself as the day a year is completed", () => {
    expect(ageOn("2006-06-15", "2024-06-14")).toBe(17);
    expect(ageOn("2006-06-15", "2024-06-15")).toBe(18);
    expect(ageOn("2006-06-15", "2024-06-16")).toBe(18);
    expect(ageOn("2006-06-15", "2025-06-14")).toBe(18);
  });

  it("compares the day of month, not only the month", () => {
    expect(ageOn("2006-12-31", "2024-12-30")).toBe(17);
    expect(ageOn("2006-12-31", "2024-12-31")).toBe(18);
    expect(ageOn("2006-01-01", "2023-12-31")).toBe(17);
    expect(ageOn("2006-01-01", "2024-01-01")).toBe(18);
  });

  it("puts a leap-day birthday on 1 March in common years", () => {
    expect(ageOn("2004-02-29", "2022-02-28")).toBe(17);
    expect(ageOn("2004-02-29", "2022-03-01")).toBe(18);
    expect(ageOn("2004-02-29", "2024-02-28")).toBe(19);
    expect(ageOn("2004-02-29", "2024-02-29")).toBe(20);
    // 2100 is not a leap year.
    expect(ageOn("2096-02-29", "2100-02-28")).toBe(3);
    expect(ageOn("2096-02-29", "2100-03-01")).toBe(4);
  });

  it("gives 0 on the day of birth and a negative age for a future birth", () => {
    expect(ageOn("2024-06-15", "2024-06-15")).toBe(0);
    expect(ageOn("2024-06-16", "2024-06-15")).toBe(-1);
  });

  it("reads a Date as the calendar day in Shanghai", () => {
    expect(ageOn("2006-06-16", new Date("2024-06-15T15:59:59.999Z"))).toBe(17);
    expect(ageOn("2006-06-16", new Date("2024-06-15T16:00:00Z"))).toBe(18);
  });

  it("refuses malformed or non-existent dates", () => {
    expect(() => ageOn("2006-6-15", "2024-06-15")).toThrow(RangeError);
    expect(() => ageOn("2023-02-29", "2024-06-15")).toThrow(RangeError);
    expect(() => ageOn("2006-06-15", new Date("nonsense"))).toThrow(RangeError);
  });
});

describe("ageGroupOf", () => {
  it("puts each boundary age in the group that starts there", () => {
    const cases: [number, string][] = [
      [-1, "under-18"],
      [0, "under-18"],
      [17, "under-18"],
      [18, "18-29"],
      [29, "18-29"],
      [30, "30-39"],
      [39, "30-39"],
      [40, "40-49"],
      [49, "40-49"],
      [50, "50-59"],
      [59, "50-59"],
      [60, "60-69"],
      [69, "60-69"],
      [70, "70+"],
      [110, "70+"],
    ];
    for (const [age, group] of cases) expect(ageGroupOf(age), String(age)).toBe(group);
  });

  it("lists every group once, youngest first", () => {
    expect(new Set(ageGroups).size).toBe(7);
    expect(ageGroups[0]).toBe("under-18");
    expect(ageGroups.at(-1)).toBe("70+");
  });

  it("refuses NaN", () => {
    expect(() => ageGroupOf(Number.NaN)).toThrow(RangeError);
  });
});

describe("ageGroupLabel", () => {
  it("labels every group in the 18–29岁 style", () => {
    expect(ageGroups.map(ageGroupLabel)).toEqual([
      "18岁以下",
      "18–29岁",
      "30–39岁",
      "40–49岁",
      "50–59岁",
      "60–69岁",
      "70岁及以上",
    ]);
    expect(ageGroupLabel("unknown")).toBe("unknown");
  });
});
