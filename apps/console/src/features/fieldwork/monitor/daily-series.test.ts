import { describe, expect, it } from "vitest";
import { fillDays } from "./daily-series";

describe("fillDays", () => {
  it("is empty without completions", () => {
    expect(fillDays([])).toEqual([]);
  });

  it("fills quiet days with zero and sorts by date", () => {
    expect(
      fillDays([
        { date: "2026-11-03", count: 4 },
        { date: "2026-11-01", count: 2 },
      ]),
    ).toEqual([
      { date: "2026-11-01", count: 2 },
      { date: "2026-11-02", count: 0 },
      { date: "2026-11-03", count: 4 },
    ]);
  });

  it("crosses month and year ends", () => {
    const days = fillDays([
      { date: "2026-12-30", count: 1 },
      { date: "2027-01-02", count: 1 },
    ]);
    expect(days.map((day) => day.date)).toEqual(["2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02"]);
  });
});
