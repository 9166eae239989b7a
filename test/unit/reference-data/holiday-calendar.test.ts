import { describe, expect, it } from 'vitest';
import { FIXED_HOLIDAY_RULES } from '../../../functions/reference-data/data/demo-reference-data.ts';
import {
  estimateMovableHolidays,
  fixedHolidaysOf,
  holidaysOfYear,
  movableHolidaysOfYear,
  type MovableHolidayCode,
  type MovableHolidayDate,
} from '../../../functions/reference-data/domain/holiday-calendar.ts';
import { movableHolidayIssues } from '../../../functions/reference-data/domain/movable-holidays.rules.ts';
import type { FieldIssue } from '../../../functions/shared/errors/domain-errors.ts';
import type { Localized } from '../../../functions/shared/i18n/language.ts';

const issuesOf = (year: number, dates: readonly MovableHolidayDate[], movedToNeighbouringYear?: MovableHolidayCode[]) =>
  movableHolidayIssues(year, { dates, ...(movedToNeighbouringYear && { movedToNeighbouringYear }) });
/** An issue's detail, which these rules give in the three languages. */
function detailOf(issue: FieldIssue): Localized {
  expect(typeof issue.detail).toBe('object');
  return issue.detail as Localized;
}
const codesOf = (year: number) => fixedHolidaysOf(year, FIXED_HOLIDAY_RULES).map((holiday) => holiday.code);

describe('fixed holidays', () => {
  it('keeps Unity Day (31 October) from 2026 only', () => {
    expect(codesOf(2025)).not.toContain('unity-day');
    expect(fixedHolidaysOf(2026, FIXED_HOLIDAY_RULES).find((holiday) => holiday.code === 'unity-day')?.date).toBe('2026-10-31');
  });

  it('keeps the Amazigh New Year (14 January) from 2024 only', () => {
    expect(codesOf(2023)).not.toContain('amazigh-new-year');
    expect(codesOf(2024)).toContain('amazigh-new-year');
  });

  it('has the eleven fixed holidays of 2026', () => {
    expect(codesOf(2026)).toHaveLength(11);
  });
});

describe('movable holiday estimates (Umm al-Qura)', () => {
  it('estimates the 2026 dates', () => {
    expect(estimateMovableHolidays(2026)).toEqual([
      { code: 'eid-al-fitr', date: '2026-03-20' },
      { code: 'eid-al-fitr', date: '2026-03-21' },
      { code: 'eid-al-adha', date: '2026-05-27' },
      { code: 'eid-al-adha', date: '2026-05-28' },
      { code: 'hijri-new-year', date: '2026-06-16' },
      { code: 'mawlid', date: '2026-08-25' },
      { code: 'mawlid', date: '2026-08-26' },
    ]);
  });

  it('gives every year from 1950 to 2100 dates inside it that an administrator could save unchanged', () => {
    for (let year = 1950; year <= 2100; year++) {
      const estimates = estimateMovableHolidays(year);
      expect(estimates.every((entry) => entry.date.startsWith(`${year}-`)), String(year)).toBe(true);
      expect(issuesOf(year, estimates), String(year)).toEqual([]);
    }
  });
});

describe('holidaysOfYear', () => {
  it('merges fixed and movable holidays in date order and marks estimates', () => {
    const holidays = holidaysOfYear(2026, FIXED_HOLIDAY_RULES, movableHolidaysOfYear(2026, undefined));

    expect(holidays.map((holiday) => holiday.date)).toEqual([...holidays.map((holiday) => holiday.date)].sort());
    expect(holidays.filter((holiday) => holiday.kind === 'movable').every((holiday) => holiday.estimated)).toBe(true);
    expect(holidays.filter((holiday) => holiday.kind === 'fixed').every((holiday) => !holiday.estimated)).toBe(true);
  });
});

const ESTIMATES_2026 = estimateMovableHolidays(2026);
const without = (code: string, dates: readonly MovableHolidayDate[] = ESTIMATES_2026) => dates.filter((entry) => entry.code !== code);
const issueCodes = (year: number, dates: readonly MovableHolidayDate[], moved?: MovableHolidayCode[]) => issuesOf(year, dates, moved).map((issue) => issue.code);

describe('movableHolidayIssues', () => {
  it('accepts every movable holiday of the year, one a day off its estimate', () => {
    const fitr = [{ code: 'eid-al-fitr', date: '2026-03-21' }, { code: 'eid-al-fitr', date: '2026-03-22' }] as const;
    expect(issuesOf(2026, [...without('eid-al-fitr'), ...fitr])).toEqual([]);
  });

  it("refuses the README's old example, Eid al-Fitr alone, naming the three holidays it left out", () => {
    const issues = issuesOf(2026, [{ code: 'eid-al-fitr', date: '2026-03-20' }, { code: 'eid-al-fitr', date: '2026-03-21' }]);
    expect(issues.map((issue) => issue.code)).toEqual(['missing_holiday', 'missing_holiday', 'missing_holiday']);
    expect(issues.map((issue) => detailOf(issue).en.split(' ')[0])).toEqual(['hijri-new-year', 'mawlid', 'eid-al-adha']);
    expect(detailOf(issues[0]!).en).toBe('hijri-new-year is missing (estimated 2026-06-16); give every movable holiday of 2026');
    expect(detailOf(issues[0]!).ar).toBe('فاتح محرم (hijri-new-year) غير مدرج (التاريخ التقديري: 2026-06-16)؛ يجب إدخال جميع الأعياد الدينية لسنة 2026');
    expect(detailOf(issues[0]!).fr).toBe("Nouvel An de l'Hégire (hijri-new-year) manque (date estimée : 2026-06-16) ; indiquez toutes les fêtes religieuses de 2026");
    expect(issues.map((issue) => [detailOf(issue).ar, detailOf(issue).fr])).toEqual([
      [expect.stringContaining('فاتح محرم'), expect.stringContaining("Nouvel An de l'Hégire")],
      [expect.stringContaining('عيد المولد النبوي'), expect.stringContaining('Aïd Al Mawlid')],
      [expect.stringContaining('عيد الأضحى'), expect.stringContaining('Aïd Al Adha')],
    ]);
  });

  it('refuses an empty set', () => {
    expect(issueCodes(2027, [])).toEqual(['missing_holiday', 'missing_holiday', 'missing_holiday', 'missing_holiday']);
  });

  it('refuses a two-day holiday given one day', () => {
    const issues = issuesOf(2026, [...without('eid-al-adha'), { code: 'eid-al-adha', date: '2026-05-27' }]);
    expect(issues.map((issue) => issue.code)).toEqual(['holiday_days']);
    expect(detailOf(issues[0]!)).toEqual({
      ar: 'مدة عيد الأضحى (eid-al-adha) يومان متتاليان؛ التواريخ المقدمة: 2026-05-27',
      fr: 'Aïd Al Adha (eid-al-adha) dure 2 jours consécutifs ; dates indiquées : 2026-05-27',
      en: 'eid-al-adha lasts 2 consecutive day(s); 2026-05-27 given',
    });
  });

  it('refuses days that are not consecutive', () => {
    const mawlid = [{ code: 'mawlid', date: '2026-08-25' }, { code: 'mawlid', date: '2026-08-27' }] as const;
    expect(issueCodes(2026, [...without('mawlid'), ...mawlid])).toEqual(['holiday_days', 'holiday_days']);
  });

  it('refuses a holiday far from any estimate of the year (a wrong month), and counts the real one as missing', () => {
    const mawlid = [{ code: 'mawlid', date: '2026-07-25' }, { code: 'mawlid', date: '2026-07-26' }] as const;
    expect(issueCodes(2026, [...without('mawlid'), ...mawlid])).toEqual(['far_from_estimate', 'missing_holiday']);
  });

  it('refuses a date outside the year and a date given twice', () => {
    const issues = issuesOf(2026, [
      { code: 'hijri-new-year', date: '2027-06-06' },
      { code: 'hijri-new-year', date: '2027-06-06' },
    ]);
    expect(issues.map((issue) => issue.pointer)).toContain('/body/holidays/0/date');
    expect(issues.map((issue) => issue.code)).toContain('duplicate_date');
    expect(issues.map((issue) => detailOf(issue).en)).toContain('The date must fall in 2026');
  });

  it('asks for both occurrences when a holiday falls twice in a year (1 Muharram in 2008)', () => {
    const estimates = estimateMovableHolidays(2008);
    expect(estimates.filter((entry) => entry.code === 'hijri-new-year')).toHaveLength(2);
    const secondDropped = estimates.filter((entry) => entry.date !== '2008-01-10');
    expect(issueCodes(2008, secondDropped)).toEqual(['missing_holiday']);
  });
});

describe('a holiday next to New Year', () => {
  // Mawlid falls twice in 2047, on 9-10 January and 29-30 December; moon sighting may move the second by a
  // day or two, across New Year.
  const estimates2047 = estimateMovableHolidays(2047);
  const withoutMawlid2047 = estimates2047.filter((entry) => !(entry.code === 'mawlid' && entry.date.startsWith('2047-12')));

  it('accepts a two-day holiday cut by New Year, its one day on 31 December', () => {
    expect(issuesOf(2047, [...withoutMawlid2047, { code: 'mawlid', date: '2047-12-31' }])).toEqual([]);
  });

  it('accepts its one day on 1 January of the next year', () => {
    const estimates2048 = estimateMovableHolidays(2048);
    expect(issuesOf(2048, [...estimates2048, { code: 'mawlid', date: '2048-01-01' }])).toEqual([]);
  });

  it('refuses to leave it out silently', () => {
    expect(issueCodes(2047, withoutMawlid2047)).toEqual(['missing_holiday']);
  });

  it('leaves it out when the administrator says it moved into the neighbouring year', () => {
    expect(issuesOf(2047, withoutMawlid2047, ['mawlid'])).toEqual([]);
    expect(movableHolidaysOfYear(2047, { dates: withoutMawlid2047, movedToNeighbouringYear: ['mawlid'] }).confirmed).toBe(true);
  });

  it('refuses to say so of a holiday estimated far from New Year', () => {
    expect(issueCodes(2026, without('eid-al-adha'), ['eid-al-adha'])).toEqual(['not_near_new_year']);
  });
});

describe('movableHolidaysOfYear', () => {
  it('is confirmed with every holiday of the year', () => {
    const movable = movableHolidaysOfYear(2026, { dates: ESTIMATES_2026 });
    expect(movable.confirmed).toBe(true);
    expect(movable.dates.every((entry) => !entry.estimated)).toBe(true);
  });

  it('keeps the estimates of the holidays an incomplete saved year leaves out, and is not confirmed', () => {
    const movable = movableHolidaysOfYear(2026, { dates: [{ code: 'eid-al-fitr', date: '2026-03-20' }, { code: 'eid-al-fitr', date: '2026-03-21' }] });
    expect(movable.confirmed).toBe(false);
    expect(movable.dates.filter((entry) => entry.estimated).map((entry) => entry.date).sort()).toEqual(['2026-05-27', '2026-05-28', '2026-06-16', '2026-08-25', '2026-08-26']);
    expect(movable.dates.filter((entry) => !entry.estimated).map((entry) => entry.code)).toEqual(['eid-al-fitr', 'eid-al-fitr']);
  });
});
