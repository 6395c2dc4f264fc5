/** The closing date is picked as a calendar day and stored as the end of that day in Shanghai. */
export function closingInstant(day: string): string | null {
  return day ? `${day}T23:59:59+08:00` : null;
}

/** The calendar day (Asia/Shanghai) of an instant, for a date input. */
export function shanghaiDay(iso: string | null): string {
  if (!iso) return "";
  return new Date(new Date(iso).getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}
