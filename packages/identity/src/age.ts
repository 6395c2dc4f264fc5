import {
  type CalendarDate,
  chinaCalendarDate,
  compareCalendarDates,
  isLeapYear,
  parseCalendarDate,
} from "./calendar-date";

export type AgeGroup = "under-18" | "18-29" | "30-39" | "40-49" | "50-59" | "60-69" | "70+";

export const ageGroups: readonly AgeGroup[] = ["under-18", "18-29", "30-39", "40-49", "50-59", "60-69", "70+"];

/** The one label of each age group everywhere (console, exports, reports): "18–29岁" with an en dash. */
export function ageGroupLabel(group: string): string {
  if (group === "under-18") return "18岁以下";
  if (group === "70+") return "70岁及以上";
  const range = /^(\d+)-(\d+)$/.exec(group);
  return range ? `${range[1]}–${range[2]}岁` : group;
}

function toCalendarDate(value: string | Date, name: string): CalendarDate {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new RangeError(`${name} is an invalid Date`);
    return chinaCalendarDate(value);
  }
  const date = parseCalendarDate(value);
  if (!date) throw new RangeError(`${name} must be an existing date as YYYY-MM-DD, got "${value}"`);
  return date;
}

/**
 * Full years of age on `today`. The birthday itself counts: a person turns 18 on their 18th birthday.
 * Someone born on 29 February has the birthday on 1 March in a common year (still 17 on 28 February),
 * the reading that never makes a person older before the leap day's anniversary has passed.
 * A Date `today` is read as its calendar date in China Standard Time; a birth after `today` gives a
 * negative age (the caller decides whether that is an error).
 */
export function ageOn(birthDate: string | Date, today: string | Date): number {
  const birth = toCalendarDate(birthDate, "birthDate");
  const now = toCalendarDate(today, "today");
  const birthdayThisYear =
    birth.month === 2 && birth.day === 29 && !isLeapYear(now.year)
      ? { year: now.year, month: 3, day: 1 }
      : { year: now.year, month: birth.month, day: birth.day };
  const years = now.year - birth.year;
  return compareCalendarDates(now, birthdayThisYear) >= 0 ? years : years - 1;
}

export function ageGroupOf(age: number): AgeGroup {
  if (Number.isNaN(age)) throw new RangeError("age is NaN");
  if (age < 18) return "under-18";
  if (age < 30) return "18-29";
  if (age < 40) return "30-39";
  if (age < 50) return "40-49";
  if (age < 60) return "50-59";
  if (age < 70) return "60-69";
  return "70+";
}
