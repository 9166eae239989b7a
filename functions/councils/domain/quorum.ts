// Article 42's quorum and the dates of the meetings that follow a sitting without it. More than half of the members
// in office must be present at the opening; if not, a second meeting is held between 3 and 5 days after the first
// with the same quorum; if still not, a third after the third following working day, valid whatever the number
// present. Dates are Moroccan calendar dates (`YYYY-MM-DD`). Pure.
import { formatCalendarDate, parseCalendarDate } from '../../shared/statutory-clock/calendar-date.ts';
import { isWorkingDay } from '../../shared/statutory-clock/statutory-clock.ts';
import { quorumOf } from './council-body.ts';

export type Round = 1 | 2 | 3;

export interface QuorumCount {
  readonly round: Round;
  readonly inOffice: number;
  readonly required: number;
  /** Members counted: those present, and those represented by a proxy when the settings count proxies. */
  readonly counted: number;
  readonly met: boolean;
  /** Whether the sitting may deliberate: the quorum is met, or this is the third meeting. */
  readonly mayDeliberate: boolean;
}

export function countQuorum(round: Round, inOffice: number, present: number, proxies: number, proxiesCount: boolean): QuorumCount {
  const required = quorumOf(inOffice);
  const counted = present + (proxiesCount ? proxies : 0);
  const met = counted >= required;
  return { round, inOffice, required, counted, met, mayDeliberate: met || round === 3 };
}

export function addDays(date: string, days: number): string {
  return formatCalendarDate(parseCalendarDate(date, 'date') + days);
}

/** The window of the second meeting: 3 to 5 calendar days after the first meeting's day, both ends included. */
export function secondMeetingWindow(firstMeetingDate: string): { readonly earliest: string; readonly latest: string } {
  return { earliest: addDays(firstMeetingDate, 3), latest: addDays(firstMeetingDate, 5) };
}

/** The `n`-th working day after `date` (weekends and `holidays` skipped). */
export function workingDayAfter(date: string, n: number, holidays: ReadonlySet<string>): string {
  let day = date;
  for (let counted = 0; counted < n; ) {
    day = addDays(day, 1);
    if (isWorkingDay(day, holidays)) counted += 1;
  }
  return day;
}

/**
 * The earliest day of the third meeting: the first working day after the third working day that follows the
 * second meeting's day (the law says "after the third following working day"; a weekend meeting is not proposed).
 */
export function thirdMeetingEarliest(secondMeetingDate: string, holidays: ReadonlySet<string>): string {
  return workingDayAfter(workingDayAfter(secondMeetingDate, 3, holidays), 1, holidays);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return parseCalendarDate(to, 'date') - parseCalendarDate(from, 'date');
}
