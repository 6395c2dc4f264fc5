import { describe, expect, it } from "vitest";
import { closingInstant, shanghaiDay } from "./wave-dates";

describe("closing date", () => {
  it("closes at the end of the picked day in Shanghai", () => {
    expect(closingInstant("2026-12-22")).toBe("2026-12-22T23:59:59+08:00");
    expect(new Date(closingInstant("2026-12-22") ?? "").toISOString()).toBe("2026-12-22T15:59:59.000Z");
  });

  it("has no closing date when none is picked", () => {
    expect(closingInstant("")).toBeNull();
    expect(shanghaiDay(null)).toBe("");
  });

  it("shows an instant as its Shanghai calendar day, also just after midnight there", () => {
    expect(shanghaiDay("2026-12-22T15:59:59.000Z")).toBe("2026-12-22");
    expect(shanghaiDay("2026-12-22T16:00:00.000Z")).toBe("2026-12-23");
  });

  it("round-trips a picked day", () => {
    for (const day of ["2026-01-01", "2026-02-28", "2028-02-29", "2026-12-31"]) {
      expect(shanghaiDay(closingInstant(day))).toBe(day);
    }
  });
});
