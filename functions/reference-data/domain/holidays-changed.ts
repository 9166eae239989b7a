// The event an administrator's change of a year's movable holidays emits: every context whose open deadlines
// count over that year recounts them (a permit whose last day became a holiday is due a day later).
import { domainEvent, type DomainEvent } from '../../shared/events/domain-event.ts';
import type { Holiday } from './holiday-calendar.ts';

export const HOLIDAYS_CHANGED = 'holidays.changed';

export interface HolidaysChanged extends Readonly<Record<string, unknown>> {
  readonly year: number;
  /** The version of the year's movable holidays this change made. */
  readonly version: number;
  /** Public holidays (`YYYY-MM-DD`) of the year that the change added, and those it removed. */
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

export function holidaysChanged(year: number, version: number, before: readonly Holiday[], after: readonly Holiday[], at: Date): DomainEvent<HolidaysChanged> {
  const beforeDates = new Set(before.map((holiday) => holiday.date));
  const afterDates = new Set(after.map((holiday) => holiday.date));
  return domainEvent<HolidaysChanged>({
    type: HOLIDAYS_CHANGED,
    source: 'reference-data',
    subject: `holidays-${year}`,
    version,
    occurredAt: at.toISOString(),
    data: {
      year,
      version,
      added: [...afterDates].filter((date) => !beforeDates.has(date)).sort(),
      removed: [...beforeDates].filter((date) => !afterDates.has(date)).sort(),
    },
  });
}
