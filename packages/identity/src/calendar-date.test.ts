import { describe, expect, it } from "vitest";
import { chinaCalendarDate, formatCalendarDate, isLeapYear, parseCalendarDate } from "./calendar-date";

describe("calendar dates", () => {
  it("knows the Gregorian leap years", () => {
    expect([1900, 2000, 2004, 2023, 2024, 2100].map(isLeapYear)).toEqual([false, true, true, false, true, false]);
  });

  it("parses existing dates only", () => {
    expect(parseCalendarDate("2024-02-29")).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseCalendarDate("2023-02-29")).toBeNull();
    expect(parseCalendarDate("2024-04-31")).toBeNull();
    expect(parseCalendarDate("2024-4-1")).toBeNull();
  });

  it("formats with leading zeros", () => {
    expect(formatCalendarDate({ year: 2006, month: 6, day: 5 })).toBe("2006-06-05");
  });

  it("takes the date in China Standard Time", () => {
    expect(chinaCalendarDate(new Date("2024-12-31T15:59:59Z"))).toEqual({ year: 2024, month: 12, day: 31 });
    expect(chinaCalendarDate(new Date("2024-12-31T16:00:00Z"))).toEqual({ year: 2025, month: 1, day: 1 });
  });
});
