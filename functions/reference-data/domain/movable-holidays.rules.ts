// What an administrator may set as a year's movable holidays: known holidays, dates inside the year,
// and each multi-day holiday as consecutive days.
import type { FieldIssue } from '../../shared/errors/domain-errors.ts';
import { MOVABLE_HOLIDAYS, type MovableHolidayDate } from './holiday-calendar.ts';

const DAY_MS = 86_400_000;

export function movableHolidayIssues(year: number, dates: readonly MovableHolidayDate[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  dates.forEach((entry, index) => {
    if (!entry.date.startsWith(`${year}-`)) {
      issues.push({ pointer: `/body/holidays/${index}/date`, code: 'outside_year', detail: `The date must fall in ${year}` });
    }
    if (seen.has(entry.date)) {
      issues.push({ pointer: `/body/holidays/${index}/date`, code: 'duplicate_date', detail: 'Each date may appear only once' });
    }
    seen.add(entry.date);
  });
  const firstDay = Date.UTC(year, 0, 1);
  const lastDay = Date.UTC(year, 11, 31);
  for (const [code, holiday] of Object.entries(MOVABLE_HOLIDAYS)) {
    const days = dates.filter((entry) => entry.code === code).map((entry) => Date.parse(`${entry.date}T00:00:00Z`)).sort((a, b) => a - b);
    const length = holiday.hijriDays.length;
    // A holiday may be cut by New Year: its days before 1 January belong to the previous year's calendar.
    const wellFormed = runsOfConsecutiveDays(days).every(
      (run) => run.length === length || (run.length < length && (run[0] === firstDay || run.at(-1) === lastDay)),
    );
    if (!wellFormed) {
      issues.push({
        pointer: '/body/holidays',
        code: 'holiday_days',
        detail: `${code} lasts ${length} consecutive day(s)`,
      });
    }
  }
  return issues;
}

function runsOfConsecutiveDays(sortedDays: readonly number[]): number[][] {
  const runs: number[][] = [];
  for (const day of sortedDays) {
    const run = runs.at(-1);
    if (run && day - run.at(-1)! === DAY_MS) run.push(day);
    else runs.push([day]);
  }
  return runs;
}
