/** Calendar dates as "YYYY-MM-DD" strings, so that no time zone can shift a birthday. */

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const CHINA_STANDARD_TIME_OFFSET_MS = 8 * 60 * 60 * 1000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Whether the date exists in the Gregorian calendar (no 2023-02-29, no month 13). */
export function isExistingDate({ year, month, day }: CalendarDate): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

export function formatCalendarDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Parses "YYYY-MM-DD"; null when the text is malformed or the date does not exist. */
export function parseCalendarDate(text: string): CalendarDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return isExistingDate(date) ? date : null;
}

/**
 * The calendar date of an instant in China Standard Time (UTC+8, no daylight saving), the time zone of
 * every resident this system serves: a server running in UTC still ages people by the date in Shanghai.
 */
export function chinaCalendarDate(instant: Date): CalendarDate {
  const shifted = new Date(instant.getTime() + CHINA_STANDARD_TIME_OFFSET_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** Negative when a is earlier than b, zero when equal, positive when later. */
export function compareCalendarDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}
