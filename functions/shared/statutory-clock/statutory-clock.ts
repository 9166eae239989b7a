// The statutory clock: when a legal deadline (permit decision, complaint answer, access-to-information reply,
// council convocation) falls, counted by the platform's rule, with an explanation a citizen can read. Pure: no
// wall clock and no I/O, so every service computes the same deadline from the same facts.
import type { Localized } from '../i18n/language.ts';
import { FIRST_DAY, LAST_DAY, formatCalendarDate, isWeekend, parseCalendarDate } from './calendar-date.ts';
import {
  type NonWorkingReason,
  dueText,
  extensionText,
  movedDeadlineText,
  periodText,
  startText,
  suspensionText,
  uncountedDaysText,
} from './explanation-text.ts';
import { endOfMoroccanDay, formatMoroccanInstant } from './moroccan-day.ts';

export { endOfMoroccanDay } from './moroccan-day.ts';

export interface StatutoryPeriod {
  /** A whole number of days, at least 1. */
  readonly days: number;
  readonly unit: 'calendar' | 'working';
}

/**
 * A time during which the clock is stopped (documents requested from the applicant). Suspensions may overlap,
 * as when two participants each ask for documents: every suspended day is added once, however many
 * suspensions cover it.
 */
export interface Suspension {
  /** `YYYY-MM-DD`, first suspended day; not before the receipt date. */
  readonly from: string;
  /** `YYYY-MM-DD`, last suspended day, inclusive; absent while still suspended. */
  readonly to?: string;
}

export interface StatutoryClockInput {
  readonly period: StatutoryPeriod;
  /** `YYYY-MM-DD`, the Moroccan calendar date of receipt (filing). */
  readonly receiptDate: string;
  /** `YYYY-MM-DD` public holidays; the caller supplies every year the count can reach. */
  readonly holidays: ReadonlySet<string>;
  readonly suspensions?: readonly Suspension[];
  /**
   * Days of the one extension, in the period's unit: calendar days for a calendar period, working days for a
   * working period. The caller enforces that there is at most one and that the procedure allows its length.
   */
  readonly extensionDays?: number;
  /** `YYYY-MM-DD`, the date of the calculation; required when a suspension is open, which counts up to it inclusive. */
  readonly asOf?: string;
}

/**
 * One step of the count. `date` is the last day of the deadline as it stands after the step (for `start`, the
 * first counted day); `from`/`to` bound the days a `suspension` (up to `asOf` while open) or `non-working-day`
 * step is about; `days` is the length the step counts or adds. A `non-working-day` step either lists days passed over while counting
 * working days (no `date`) or moves the deadline past the non-working days that start with its last day.
 */
export interface ExplanationStep {
  readonly code: 'start' | 'period' | 'suspension' | 'extension' | 'non-working-day' | 'due';
  readonly date?: string;
  readonly from?: string;
  readonly to?: string;
  readonly days?: number;
  readonly text: Localized;
}

export interface StatutoryDeadline {
  /** `YYYY-MM-DD`, always a working day. */
  readonly dueDate: string;
  /** The end of `dueDate` in Africa/Casablanca with the local offset, e.g. `2026-12-15T23:59:59.999+00:00`. */
  readonly dueAt: string;
  /** True while a suspension is open: each further day of suspension moves the deadline one more day. */
  readonly provisional: boolean;
  readonly explanation: readonly ExplanationStep[];
}

/** Monday to Friday, and not a public holiday. */
export function isWorkingDay(date: string, holidays: ReadonlySet<string>): boolean {
  return !isWeekend(parseCalendarDate(date, 'date')) && !holidays.has(date);
}

interface Calendar {
  isWorking(day: number): boolean;
  isHoliday(day: number): boolean;
}

interface ResolvedSuspension {
  readonly from: number;
  readonly to: number;
  readonly open: boolean;
}

function calendarOf(holidays: ReadonlySet<string>): Calendar {
  const holidayDays = new Set([...holidays].map((holiday) => parseCalendarDate(holiday, 'every holiday')));
  return {
    isHoliday: (day) => holidayDays.has(day),
    isWorking: (day) => !isWeekend(day) && !holidayDays.has(day),
  };
}

function requireWholeDays(value: number, minimum: number, label: string): number {
  if (!Number.isSafeInteger(value) || value < minimum) {
    throw new RangeError(`${label} must be a whole number of days of at least ${minimum}, got ${String(value)}`);
  }
  return value;
}

/** Days past the last supported date would no longer write as `YYYY-MM-DD`; refusing them also bounds every loop. */
function requireSupported(day: number): number {
  if (day > LAST_DAY) throw new RangeError(`the deadline would fall after ${formatCalendarDate(LAST_DAY)}`);
  return day;
}

function resolveSuspensions(suspensions: readonly Suspension[], receipt: number, asOf: number | undefined): ResolvedSuspension[] {
  return suspensions
    .map((suspension, index) => {
      const label = `suspensions[${index}]`;
      const from = parseCalendarDate(suspension.from, `${label}.from`);
      if (from < receipt) {
        throw new RangeError(`${label} starts on ${suspension.from}, before the receipt date ${formatCalendarDate(receipt)}`);
      }
      if (suspension.to === undefined) {
        if (asOf === undefined) throw new RangeError(`${label} is still open, so asOf is required to know up to which day it counts`);
        if (asOf < from) throw new RangeError(`${label} starts on ${suspension.from}, after asOf ${formatCalendarDate(asOf)}`);
        return { from, to: asOf, open: true };
      }
      const to = parseCalendarDate(suspension.to, `${label}.to`);
      if (to < from) throw new RangeError(`${label} ends on ${suspension.to}, before it starts on ${suspension.from}`);
      return { from, to, open: false };
    })
    .sort((a, b) => a.from - b.from || a.to - b.to);
}

/** Counts `count` working days after `after`; lists the runs of non-working days that hold a weekday holiday. */
function countWorkingDays(after: number, count: number, calendar: Calendar): { last: number; uncounted: ExplanationStep[] } {
  const uncounted: ExplanationStep[] = [];
  let day = after;
  for (let counted = 0; counted < count; ) {
    day = requireSupported(day + 1);
    if (calendar.isWorking(day)) {
      counted++;
      continue;
    }
    const from = day;
    while (!calendar.isWorking(day + 1)) day = requireSupported(day + 1);
    // Weekends are already excluded by "working days"; a run is worth a step only when a holiday made a
    // weekday not count.
    if (hasWeekday(from, day)) {
      uncounted.push({
        code: 'non-working-day',
        from: formatCalendarDate(from),
        to: formatCalendarDate(day),
        days: day - from + 1,
        text: uncountedDaysText(from, day, reasonOf(from, day, calendar)),
      });
    }
  }
  return { last: day, uncounted };
}

/** Inside a run of non-working days, a weekday can only be a public holiday. */
function hasWeekday(from: number, to: number): boolean {
  for (let day = from; day <= to; day++) if (!isWeekend(day)) return true;
  return false;
}

function reasonOf(from: number, to: number, calendar: Calendar): NonWorkingReason {
  let holiday = false;
  let weekend = false;
  for (let day = from; day <= to; day++) {
    holiday ||= calendar.isHoliday(day);
    weekend ||= isWeekend(day);
  }
  if (holiday && weekend) return 'holiday-and-weekend';
  return holiday ? 'holiday' : 'weekend';
}

/**
 * The deadline by the platform's rule (DOMAIN.md, "How a deadline is counted"), applied in its order: the
 * period counted from the day after receipt, then every suspension, then the extension, then the move to the
 * next working day. Invalid input throws a RangeError naming the field.
 */
export function computeDeadline(input: StatutoryClockInput): StatutoryDeadline {
  const { unit } = input.period;
  if (unit !== 'calendar' && unit !== 'working') throw new RangeError(`period.unit must be "calendar" or "working", got "${String(unit)}"`);
  const periodDays = requireWholeDays(input.period.days, 1, 'period.days');
  const extensionDays = requireWholeDays(input.extensionDays ?? 0, 0, 'extensionDays');
  const receipt = parseCalendarDate(input.receiptDate, 'receiptDate');
  const asOf = input.asOf === undefined ? undefined : parseCalendarDate(input.asOf, 'asOf');
  const calendar = calendarOf(input.holidays);
  const suspensions = resolveSuspensions(input.suspensions ?? [], receipt, asOf);

  // 1. The day of receipt is not counted.
  const explanation: ExplanationStep[] = [{ code: 'start', date: formatCalendarDate(receipt + 1), text: startText(receipt) }];

  // 2. N calendar days, or N working days.
  const counted =
    unit === 'calendar' ? { last: requireSupported(receipt + periodDays), uncounted: [] } : countWorkingDays(receipt, periodDays, calendar);
  let last = counted.last;
  explanation.push({ code: 'period', date: formatCalendarDate(last), days: periodDays, text: periodText(unit, periodDays, last) });
  explanation.push(...counted.uncounted);

  // 3. Each suspension adds its calendar days, first and last included; a day several suspensions cover is added
  // once, by the earliest of them (they are sorted by first day).
  let suspendedUntil = FIRST_DAY - 1;
  for (const suspension of suspensions) {
    const added = Math.max(0, suspension.to - Math.max(suspension.from, suspendedUntil + 1) + 1);
    suspendedUntil = Math.max(suspendedUntil, suspension.to);
    last = requireSupported(last + added);
    explanation.push({
      code: 'suspension',
      date: formatCalendarDate(last),
      from: formatCalendarDate(suspension.from),
      to: formatCalendarDate(suspension.to),
      days: added,
      text: suspensionText({ ...suspension, added, deadline: last }),
    });
  }

  // 4. The extension, in the period's unit: working days are counted after the last day as it now stands.
  if (extensionDays > 0) {
    const extended =
      unit === 'calendar'
        ? { last: requireSupported(last + extensionDays), uncounted: [] }
        : countWorkingDays(last, extensionDays, calendar);
    last = extended.last;
    explanation.push({
      code: 'extension',
      date: formatCalendarDate(last),
      days: extensionDays,
      text: extensionText(unit, extensionDays, last),
    });
    explanation.push(...extended.uncounted);
  }

  // 5. A last day that is not a working day moves to the next working day.
  let due = last;
  while (!calendar.isWorking(due)) due = requireSupported(due + 1);
  if (due !== last) {
    explanation.push({
      code: 'non-working-day',
      date: formatCalendarDate(due),
      from: formatCalendarDate(last),
      to: formatCalendarDate(due - 1),
      days: due - last,
      text: movedDeadlineText(last, due - 1, reasonOf(last, due - 1, calendar), due),
    });
  }

  // 6. The end of that day in Africa/Casablanca.
  const dueDate = formatCalendarDate(due);
  const provisional = suspensions.some((suspension) => suspension.open);
  explanation.push({ code: 'due', date: dueDate, text: dueText(due, provisional) });
  return { dueDate, dueAt: formatMoroccanInstant(endOfMoroccanDay(dueDate)), provisional, explanation };
}
