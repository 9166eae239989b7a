// Where a Moroccan calendar day ends, as an instant and as an ISO 8601 string with Morocco's offset. The offset
// comes from the IANA data for Africa/Casablanca (../time/morocco-time.ts): it changed around Ramadan and tz
// releases have revised it, so no constant offset is ever right.
import { moroccoOffsetAt as offsetAt } from '../time/morocco-time.ts';
import { parseCalendarDate, wallClockMidnightOf } from './calendar-date.ts';

const MS_PER_DAY = 86_400_000;

/**
 * The first instant of a Moroccan day. The offsets a day before and a day after the local midnight bracket any
 * transition near it (Morocco never had two within two days); when they agree there is none. Otherwise the
 * earliest instant that either offset maps to midnight is the start of the day; when neither does, midnight
 * was skipped by a spring-forward (as on 3 April 2011) and the day starts at that transition, which the
 * earlier offset still maps to midnight.
 */
function startOfMoroccanDay(dayNumber: number): number {
  const midnight = wallClockMidnightOf(dayNumber);
  const offsetBefore = offsetAt(midnight - MS_PER_DAY);
  const offsetAfter = offsetAt(midnight + MS_PER_DAY);
  if (offsetBefore === offsetAfter) return midnight - offsetBefore;
  const candidates = [midnight - offsetBefore, midnight - offsetAfter].filter((instant) => instant + offsetAt(instant) === midnight);
  return candidates.length > 0 ? Math.min(...candidates) : midnight - offsetBefore;
}

/** The last millisecond of a calendar day in Africa/Casablanca: the instant just before the next local midnight. */
export function endOfMoroccanDay(date: string): Date {
  return new Date(startOfMoroccanDay(parseCalendarDate(date, 'date') + 1) - 1);
}

/**
 * An instant written in Moroccan local time with its offset, e.g. `2026-06-15T23:59:59.999+01:00`. Before 1913
 * Morocco kept local mean time (-00:30:20), which ISO 8601 cannot write, so those instants are refused.
 */
export function formatMoroccanInstant(instant: Date): string {
  const offset = offsetAt(instant.getTime());
  if (offset % 60_000 !== 0) {
    throw new RangeError(`Morocco's UTC offset at ${instant.toISOString()} is not a whole number of minutes, so ISO 8601 cannot write it`);
  }
  const minutes = Math.abs(offset) / 60_000;
  const sign = offset < 0 ? '-' : '+';
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${new Date(instant.getTime() + offset).toISOString().slice(0, 23)}${sign}${hh}:${mm}`;
}

/**
 * A receipt instant as evidence is written: to the second (the fraction dropped, never rounded up past the
 * instant), in Moroccan time with its offset, e.g. `2027-03-01T10:15:42+01:00`. Other legal clocks start from it.
 */
export function moroccanReceiptInstant(at: Date): string {
  const toTheSecond = new Date(Math.floor(at.getTime() / 1000) * 1000);
  return formatMoroccanInstant(toTheSecond).replace(/\.000(?=[+-])/, '');
}

/** The first instant of a calendar day in Africa/Casablanca: when something set for that day (an embargo's end) begins. */
export function startOfMoroccanDate(date: string): Date {
  return new Date(startOfMoroccanDay(parseCalendarDate(date, 'date')));
}
