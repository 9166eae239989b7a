// Calendar dates (`YYYY-MM-DD`) as whole day numbers, so a statutory count is integer arithmetic that no
// clock, time zone or daylight-saving change can disturb.
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** The UTC midnight of a calendar day; Date rolls an impossible day over (2026-02-30 becomes 2026-03-02). */
function dateAtUtcMidnight(year: number, month: number, day: number): Date {
  // setUTCFullYear, because Date.UTC reads years 0 to 99 as 1900 to 1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date;
}

/** Day number of a UTC calendar day (days since 1970-01-01, proleptic Gregorian). */
function dayNumberOf(year: number, month: number, day: number): number {
  return dateAtUtcMidnight(year, month, day).getTime() / MS_PER_DAY;
}

/** The first and last dates the engine accepts or produces: four-digit years, so every date writes back as `YYYY-MM-DD`. */
export const FIRST_DAY = dayNumberOf(1, 1, 1);
export const LAST_DAY = dayNumberOf(9999, 12, 31);

/** Reads a `YYYY-MM-DD` date; `label` names the input in the error, which is a RangeError for a malformed or impossible date. */
export function parseCalendarDate(value: string, label: string): number {
  const match = DATE_PATTERN.exec(String(value));
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = dateAtUtcMidnight(year, month, day);
    // A date Date had to roll over did not exist.
    if (year >= 1 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) {
      return date.getTime() / MS_PER_DAY;
    }
  }
  throw new RangeError(`${label} must be a real calendar date written YYYY-MM-DD (years 0001 to 9999), got "${String(value)}"`);
}

export function formatCalendarDate(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Midnight starting the day, written as milliseconds as if the wall clock were UTC. */
export function wallClockMidnightOf(dayNumber: number): number {
  return dayNumber * MS_PER_DAY;
}

export function isWeekend(dayNumber: number): boolean {
  // 1970-01-01 was a Thursday, so day 0 has weekday 4 (Sunday = 0).
  const weekday = (((dayNumber + 4) % 7) + 7) % 7;
  return weekday === 0 || weekday === 6;
}
