// Morocco's public holidays for a year: fixed ones from rules kept as data, movable (Hijri) ones as
// dates set per year by an administrator, or estimated from the Umm al-Qura calendar until then.
import type { BilingualName } from '../../shared/i18n/language.ts';
import { byCodePoints } from '../../shared/text/code-point-order.ts';
import { ummAlQuraMonthAndDay } from './umm-al-qura.ts';

export const MOVABLE_HOLIDAYS = {
  'hijri-new-year': { hijriMonth: 1, hijriDays: [1], names: { ar: 'فاتح محرم', fr: "Nouvel An de l'Hégire" } },
  mawlid: { hijriMonth: 3, hijriDays: [12, 13], names: { ar: 'عيد المولد النبوي', fr: 'Aïd Al Mawlid' } },
  'eid-al-fitr': { hijriMonth: 10, hijriDays: [1, 2], names: { ar: 'عيد الفطر', fr: 'Aïd Al Fitr' } },
  'eid-al-adha': { hijriMonth: 12, hijriDays: [10, 11], names: { ar: 'عيد الأضحى', fr: 'Aïd Al Adha' } },
} as const satisfies Record<string, { hijriMonth: number; hijriDays: readonly number[]; names: BilingualName }>;

export type MovableHolidayCode = keyof typeof MOVABLE_HOLIDAYS;

export const MOVABLE_HOLIDAY_CODES = Object.keys(MOVABLE_HOLIDAYS) as MovableHolidayCode[];

/** A holiday on the same Gregorian day every year, in force from `since` (and until `until`) when the law changed. */
export interface FixedHolidayRule {
  readonly code: string;
  readonly month: number;
  readonly day: number;
  readonly names: BilingualName;
  readonly since?: number;
  readonly until?: number;
}

export interface MovableHolidayDate {
  readonly code: MovableHolidayCode;
  /** `YYYY-MM-DD` */
  readonly date: string;
}

export interface Holiday {
  readonly date: string;
  readonly code: string;
  readonly names: BilingualName;
  readonly kind: 'fixed' | 'movable';
  /** True for a movable holiday computed from the Umm al-Qura calendar, not yet confirmed by an administrator. */
  readonly estimated: boolean;
}

const DAY_MS = 86_400_000;

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function fixedHolidaysOf(year: number, rules: readonly FixedHolidayRule[]): Holiday[] {
  return rules
    .filter((rule) => (rule.since === undefined || year >= rule.since) && (rule.until === undefined || year <= rule.until))
    .map((rule) => ({ date: isoDate(year, rule.month, rule.day), code: rule.code, names: rule.names, kind: 'fixed', estimated: false }));
}

/** Every read of a confirmed year compares it with the estimate: a year's 365 conversions are done once. */
const estimatesByYear = new Map<number, readonly MovableHolidayDate[]>();

/**
 * The Umm al-Qura dates of the movable holidays falling in a Gregorian year. Morocco fixes them by moon
 * sighting, which can differ by a day, so these are only estimates until an administrator confirms them.
 */
export function estimateMovableHolidays(year: number): readonly MovableHolidayDate[] {
  const known = estimatesByYear.get(year);
  if (known) return known;
  const estimates: MovableHolidayDate[] = [];
  for (let time = Date.UTC(year, 0, 1); time < Date.UTC(year + 1, 0, 1); time += DAY_MS) {
    const day = new Date(time);
    const hijri = ummAlQuraMonthAndDay(time / DAY_MS);
    for (const code of MOVABLE_HOLIDAY_CODES) {
      const holiday = MOVABLE_HOLIDAYS[code];
      if (holiday.hijriMonth === hijri.month && (holiday.hijriDays as readonly number[]).includes(hijri.day)) {
        estimates.push({ code, date: day.toISOString().slice(0, 10) });
      }
    }
  }
  estimatesByYear.set(year, estimates);
  return estimates;
}

/** One holiday's consecutive days (one or two), as an announcement or an estimate gives them. */
export interface MovableHolidayOccurrence {
  readonly code: MovableHolidayCode;
  /** `YYYY-MM-DD`, consecutive, in order. */
  readonly dates: readonly string[];
}

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

/** Groups dates into occurrences: the consecutive days of each holiday. */
export function occurrencesOf(dates: readonly MovableHolidayDate[]): MovableHolidayOccurrence[] {
  const occurrences: { code: MovableHolidayCode; dates: string[] }[] = [];
  for (const code of MOVABLE_HOLIDAY_CODES) {
    const days = dates.filter((entry) => entry.code === code).map((entry) => entry.date).sort();
    for (const date of days) {
      const last = occurrences.at(-1);
      if (last?.code === code && dayNumber(date) - dayNumber(last.dates.at(-1)!) === 1) last.dates.push(date);
      else occurrences.push({ code, dates: [date] });
    }
  }
  return occurrences;
}

/**
 * How far moon sighting may move a holiday from its Umm al-Qura estimate, in days. An estimate this close to
 * New Year may have moved into the neighbouring year: the administrator then says so, holiday by holiday.
 */
export const SIGHTING_MARGIN_DAYS = 3;

/** A year's movable holidays as an administrator sets them. */
export interface MovableHolidaySet {
  readonly dates: readonly MovableHolidayDate[];
  /** Holidays estimated near New Year that moon sighting put in the neighbouring year: left out on purpose. */
  readonly movedToNeighbouringYear?: readonly MovableHolidayCode[];
}

function daysApart(a: MovableHolidayOccurrence, b: MovableHolidayOccurrence): number {
  return Math.abs(dayNumber(a.dates[0]!) - dayNumber(b.dates[0]!));
}

export function nearNewYear(year: number, occurrence: MovableHolidayOccurrence): boolean {
  const first = dayNumber(occurrence.dates[0]!);
  const last = dayNumber(occurrence.dates.at(-1)!);
  return first - dayNumber(`${year}-01-01`) < SIGHTING_MARGIN_DAYS || dayNumber(`${year}-12-31`) - last < SIGHTING_MARGIN_DAYS;
}

export function estimatedOccurrences(year: number): MovableHolidayOccurrence[] {
  return occurrencesOf(estimateMovableHolidays(year));
}

/** The estimated occurrences of the year that the set leaves out without saying so: it is complete when there are none. */
export function missingOccurrences(year: number, set: MovableHolidaySet): MovableHolidayOccurrence[] {
  const given = occurrencesOf(set.dates);
  const moved = new Set(set.movedToNeighbouringYear ?? []);
  return estimatedOccurrences(year).filter(
    (estimate) =>
      !(moved.has(estimate.code) && nearNewYear(year, estimate)) &&
      !given.some((occurrence) => occurrence.code === estimate.code && daysApart(occurrence, estimate) <= SIGHTING_MARGIN_DAYS),
  );
}

/** Given occurrences that no estimate of the year comes near: a wrong month or year, or a holiday given twice. */
export function unexpectedOccurrences(year: number, dates: readonly MovableHolidayDate[]): MovableHolidayOccurrence[] {
  const estimates = estimatedOccurrences(year);
  return occurrencesOf(dates).filter(
    (occurrence) =>
      !nearNewYear(year, occurrence) &&
      !estimates.some((estimate) => estimate.code === occurrence.code && daysApart(occurrence, estimate) <= SIGHTING_MARGIN_DAYS),
  );
}

export interface MovableHolidaysOfYear {
  readonly dates: readonly (MovableHolidayDate & { readonly estimated: boolean })[];
  /** True when an administrator confirmed every movable holiday of the year. */
  readonly confirmed: boolean;
}

/**
 * The movable holidays a year counts: the confirmed dates, and the estimate of any holiday they leave out,
 * so no holiday vanishes from the working-day count (a year saved incomplete before the check existed
 * still counts its missing holidays, marked estimated).
 */
export function movableHolidaysOfYear(year: number, confirmed: MovableHolidaySet | undefined): MovableHolidaysOfYear {
  if (!confirmed) return { dates: estimateMovableHolidays(year).map((entry) => ({ ...entry, estimated: true })), confirmed: false };
  const missing = missingOccurrences(year, confirmed);
  return {
    dates: [
      ...confirmed.dates.map((entry) => ({ ...entry, estimated: false })),
      ...missing.flatMap((occurrence) => occurrence.dates.map((date) => ({ code: occurrence.code, date, estimated: true }))),
    ],
    confirmed: missing.length === 0,
  };
}

export function holidaysOfYear(year: number, rules: readonly FixedHolidayRule[], movable: MovableHolidaysOfYear): Holiday[] {
  const movableHolidays: Holiday[] = movable.dates.map((entry) => ({
    date: entry.date,
    code: entry.code,
    names: MOVABLE_HOLIDAYS[entry.code].names,
    kind: 'movable',
    estimated: entry.estimated,
  }));
  return [...fixedHolidaysOf(year, rules), ...movableHolidays].sort((a, b) => byCodePoints(a.date, b.date) || byCodePoints(a.code, b.code));
}
