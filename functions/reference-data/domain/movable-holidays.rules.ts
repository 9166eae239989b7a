// What an administrator may set as a year's movable holidays: every movable holiday of the year (none may be
// left out, or deadlines would count it as a working day), each with its number of days, on dates inside the
// year and near its Umm al-Qura estimate; one estimated next to New Year may be said to have moved across it.
import type { FieldIssue } from '../../shared/errors/domain-errors.ts';
import {
  MOVABLE_HOLIDAYS,
  SIGHTING_MARGIN_DAYS,
  estimatedOccurrences,
  missingOccurrences,
  nearNewYear,
  occurrencesOf,
  unexpectedOccurrences,
  type MovableHolidaySet,
} from './holiday-calendar.ts';

export function movableHolidayIssues(year: number, set: MovableHolidaySet): FieldIssue[] {
  const { dates } = set;
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
  (set.movedToNeighbouringYear ?? []).forEach((code, index) => {
    if (!estimatedOccurrences(year).some((estimate) => estimate.code === code && nearNewYear(year, estimate))) {
      issues.push({
        pointer: `/body/movedToNeighbouringYear/${index}`,
        code: 'not_near_new_year',
        detail: `No estimate of ${code} in ${year} falls within ${SIGHTING_MARGIN_DAYS} days of New Year`,
      });
    }
  });
  if (issues.length > 0) return issues;

  const firstDay = `${year}-01-01`;
  const lastDay = `${year}-12-31`;
  for (const occurrence of occurrencesOf(dates)) {
    const length = MOVABLE_HOLIDAYS[occurrence.code].hijriDays.length;
    // A holiday may be cut by New Year: its days on the other side belong to the neighbouring year's calendar.
    const cutByNewYear = occurrence.dates.length < length && (occurrence.dates[0] === firstDay || occurrence.dates.at(-1) === lastDay);
    if (occurrence.dates.length !== length && !cutByNewYear) {
      issues.push({
        pointer: '/body/holidays',
        code: 'holiday_days',
        detail: `${occurrence.code} lasts ${length} consecutive day(s); ${occurrence.dates.join(', ')} given`,
      });
    }
  }
  for (const occurrence of unexpectedOccurrences(year, dates)) {
    issues.push({
      pointer: '/body/holidays',
      code: 'far_from_estimate',
      detail: `${occurrence.code} on ${occurrence.dates[0]} is more than ${SIGHTING_MARGIN_DAYS} days from any Umm al-Qura estimate of ${year}`,
    });
  }
  for (const occurrence of missingOccurrences(year, set)) {
    issues.push({
      pointer: '/body/holidays',
      code: 'missing_holiday',
      detail: nearNewYear(year, occurrence)
        ? `${occurrence.code} is missing (estimated ${occurrence.dates.join(', ')}); give its dates, or name it in movedToNeighbouringYear`
        : `${occurrence.code} is missing (estimated ${occurrence.dates.join(', ')}); give every movable holiday of ${year}`,
    });
  }
  return issues;
}
