// Morocco's public holidays for a year: fixed ones from rules kept as data, movable (Hijri) ones as
// dates set per year by an administrator, or estimated from the Umm al-Qura calendar until then.
import type { BilingualName } from '../../shared/i18n/language.ts';

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

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function fixedHolidaysOf(year: number, rules: readonly FixedHolidayRule[]): Holiday[] {
  return rules
    .filter((rule) => (rule.since === undefined || year >= rule.since) && (rule.until === undefined || year <= rule.until))
    .map((rule) => ({ date: isoDate(year, rule.month, rule.day), code: rule.code, names: rule.names, kind: 'fixed', estimated: false }));
}

const hijriFormat = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', {
  timeZone: 'UTC',
  month: 'numeric',
  day: 'numeric',
});

function hijriMonthAndDay(date: Date): { month: number; day: number } {
  const parts = hijriFormat.formatToParts(date);
  const read = (type: 'month' | 'day') => Number(parts.find((part) => part.type === type)?.value);
  return { month: read('month'), day: read('day') };
}

/**
 * The Umm al-Qura dates of the movable holidays falling in a Gregorian year. Morocco fixes them by moon
 * sighting, which can differ by a day, so these are only estimates until an administrator confirms them.
 */
export function estimateMovableHolidays(year: number): MovableHolidayDate[] {
  const estimates: MovableHolidayDate[] = [];
  for (let time = Date.UTC(year, 0, 1); time < Date.UTC(year + 1, 0, 1); time += 86_400_000) {
    const day = new Date(time);
    const hijri = hijriMonthAndDay(day);
    for (const code of MOVABLE_HOLIDAY_CODES) {
      const holiday = MOVABLE_HOLIDAYS[code];
      if (holiday.hijriMonth === hijri.month && (holiday.hijriDays as readonly number[]).includes(hijri.day)) {
        estimates.push({ code, date: day.toISOString().slice(0, 10) });
      }
    }
  }
  return estimates;
}

export function holidaysOfYear(
  year: number,
  rules: readonly FixedHolidayRule[],
  movable: { readonly dates: readonly MovableHolidayDate[]; readonly estimated: boolean },
): Holiday[] {
  const movableHolidays: Holiday[] = movable.dates.map((entry) => ({
    date: entry.date,
    code: entry.code,
    names: MOVABLE_HOLIDAYS[entry.code].names,
    kind: 'movable',
    estimated: movable.estimated,
  }));
  return [...fixedHolidaysOf(year, rules), ...movableHolidays].sort((a, b) => a.date.localeCompare(b.date) || a.code.localeCompare(b.code));
}
