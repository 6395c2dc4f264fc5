import { describe, expect, it } from "vitest";
import { isWorsening, type PlanTarget, shortfall, warningStatus } from "./early-warning";

const value = (v: number): PlanTarget => ({ kind: "value", value: v });
const band = (low: number, high: number): PlanTarget => ({ kind: "band", low, high });

describe("warningStatus (STATISTICS §8)", () => {
  it.each([
    // positive: met at T, near down to 95 % of T, missed below
    ["positive", value(100), 100, "met"],
    ["positive", value(100), 120, "met"],
    ["positive", value(100), 95, "near"],
    ["positive", value(100), 94.99, "missed"],
    // negative (less is better): met at or below T, near up to 105 % of T
    ["negative", value(4), 4, "met"],
    ["negative", value(4), 3, "met"],
    ["negative", value(4), 4.2, "near"],
    ["negative", value(4), 4.21, "missed"],
    // interval: met inside [70, 90]; near within 5 % outside the edge it is beyond
    ["interval", band(70, 90), 70, "met"],
    ["interval", band(70, 90), 90, "met"],
    ["interval", band(70, 90), 66.5, "near"],
    ["interval", band(70, 90), 66.4, "missed"],
    ["interval", band(70, 90), 94.5, "near"],
    ["interval", band(70, 90), 94.6, "missed"],
  ] as const)("%s target %j, value %d → %s", (direction, target, x, expected) => {
    expect(warningStatus(direction, target, x)).toBe(expected);
  });

  it("takes another tolerance", () => {
    expect(warningStatus("positive", value(100), 91, 0.1)).toBe("near");
    expect(warningStatus("positive", value(100), 99, 0)).toBe("missed");
  });

  it("refuses a band for a one-sided indicator and a value for an interval one", () => {
    expect(() => shortfall("positive", band(1, 2), 1)).toThrow();
    expect(() => shortfall("interval", value(1), 1)).toThrow();
  });
});

describe("isWorsening", () => {
  const series = (entries: [number, number][]) => new Map(entries);
  it("flags a shortfall that grew two years running", () => {
    expect(
      isWorsening(
        "positive",
        value(100),
        series([
          [2024, 96],
          [2025, 93],
          [2026, 90],
        ]),
        2026,
      ),
    ).toBe(true);
    expect(
      isWorsening(
        "negative",
        value(4),
        series([
          [2024, 4.1],
          [2025, 4.5],
          [2026, 5],
        ]),
        2026,
      ),
    ).toBe(true);
    expect(
      isWorsening(
        "interval",
        band(70, 90),
        series([
          [2024, 91],
          [2025, 95],
          [2026, 99],
        ]),
        2026,
      ),
    ).toBe(true);
  });
  it("does not flag one bad year, a recovery, a value still at target or a missing year", () => {
    expect(
      isWorsening(
        "positive",
        value(100),
        series([
          [2024, 90],
          [2025, 90],
          [2026, 85],
        ]),
        2026,
      ),
    ).toBe(false);
    expect(
      isWorsening(
        "positive",
        value(100),
        series([
          [2024, 96],
          [2025, 93],
          [2026, 94],
        ]),
        2026,
      ),
    ).toBe(false);
    expect(
      isWorsening(
        "positive",
        value(100),
        series([
          [2024, 120],
          [2025, 110],
          [2026, 100],
        ]),
        2026,
      ),
    ).toBe(false);
    expect(
      isWorsening(
        "positive",
        value(100),
        series([
          [2024, 96],
          [2026, 90],
        ]),
        2026,
      ),
    ).toBe(false);
  });
  it("counts a value that left the target: met, then short, then shorter", () => {
    expect(
      isWorsening(
        "positive",
        value(100),
        series([
          [2024, 100],
          [2025, 98],
          [2026, 90],
        ]),
        2026,
      ),
    ).toBe(true);
  });
});
