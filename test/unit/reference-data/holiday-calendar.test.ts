import { describe, expect, it } from 'vitest';
import { FIXED_HOLIDAY_RULES } from '../../../functions/reference-data/data/demo-reference-data.ts';
import { estimateMovableHolidays, fixedHolidaysOf, holidaysOfYear } from '../../../functions/reference-data/domain/holiday-calendar.ts';
import { movableHolidayIssues } from '../../../functions/reference-data/domain/movable-holidays.rules.ts';

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
      expect(movableHolidayIssues(year, estimates), String(year)).toEqual([]);
    }
  });
});

describe('holidaysOfYear', () => {
  it('merges fixed and movable holidays in date order and marks estimates', () => {
    const holidays = holidaysOfYear(2026, FIXED_HOLIDAY_RULES, { dates: estimateMovableHolidays(2026), estimated: true });

    expect(holidays.map((holiday) => holiday.date)).toEqual([...holidays.map((holiday) => holiday.date)].sort());
    expect(holidays.filter((holiday) => holiday.kind === 'movable').every((holiday) => holiday.estimated)).toBe(true);
    expect(holidays.filter((holiday) => holiday.kind === 'fixed').every((holiday) => !holiday.estimated)).toBe(true);
  });
});

describe('movableHolidayIssues', () => {
  it('accepts consecutive days for a two-day holiday', () => {
    expect(movableHolidayIssues(2026, [{ code: 'eid-al-fitr', date: '2026-03-21' }, { code: 'eid-al-fitr', date: '2026-03-22' }])).toEqual([]);
  });

  it('refuses a two-day holiday given one day', () => {
    expect(movableHolidayIssues(2026, [{ code: 'eid-al-adha', date: '2026-05-27' }]).map((issue) => issue.code)).toEqual(['holiday_days']);
  });

  it('refuses days that are not consecutive', () => {
    const issues = movableHolidayIssues(2026, [{ code: 'mawlid', date: '2026-08-25' }, { code: 'mawlid', date: '2026-08-27' }]);
    expect(issues.map((issue) => issue.code)).toEqual(['holiday_days']);
  });

  it('refuses a date outside the year and a date given twice', () => {
    const issues = movableHolidayIssues(2026, [
      { code: 'hijri-new-year', date: '2027-06-06' },
      { code: 'hijri-new-year', date: '2027-06-06' },
    ]);
    expect(issues.map((issue) => issue.pointer)).toContain('/body/holidays/0/date');
    expect(issues.map((issue) => issue.code)).toContain('duplicate_date');
  });
});

describe('a two-day holiday cut by New Year', () => {
  it('accepts its one day on 31 December', () => {
    expect(movableHolidayIssues(2030, [{ code: 'mawlid', date: '2030-12-31' }])).toEqual([]);
  });

  it('accepts its one day on 1 January', () => {
    expect(movableHolidayIssues(2031, [{ code: 'mawlid', date: '2031-01-01' }])).toEqual([]);
  });
});
