// Properties of the case clock for any receipt, period, holidays and story of suspensions and extension: its count
// is the statutory clock's on the facts it keeps, its explanation survives being recomputed from them, and a
// recount with a new calendar moves the deadline only through the years the clock says it depends on.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clockExplanation,
  clockStatusAt,
  extendClock,
  holidayYearsOf,
  isSuspended,
  recount,
  resumeClock,
  startClock,
  suspendClock,
  wakeAt,
  type CaseClock,
} from '../../../functions/shared/case-clock/domain/case-clock.ts';
import { computeDeadline, isWorkingDay, type StatutoryPeriod } from '../../../functions/shared/statutory-clock/statutory-clock.ts';

const DAY_MS = 86_400_000;
const NUM_RUNS = 200;

const isoDate = (dayNumber: number) => new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
const dayNumberOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
/** Noon UTC is inside the same Moroccan day whatever Morocco's offset. */
const noonOf = (dayNumber: number) => new Date(dayNumber * DAY_MS + 12 * 3_600_000);
const daysFrom = (first: number, last: number) => Array.from({ length: last - first + 1 }, (_, offset) => first + offset);

type Step = { readonly kind: 'suspend' | 'resume' | 'extend'; readonly afterDays: number; readonly days: number };

interface Story {
  readonly receipt: number;
  readonly period: StatutoryPeriod;
  readonly holidays: ReadonlySet<string>;
  readonly steps: readonly Step[];
}

const story: fc.Arbitrary<Story> = fc
  .integer({ min: dayNumberOf('2008-01-01'), max: dayNumberOf('2035-12-31') })
  .chain((receipt) =>
    fc.record({
      receipt: fc.constant(receipt),
      period: fc.record({ days: fc.integer({ min: 1, max: 60 }), unit: fc.constantFrom('calendar' as const, 'working' as const) }),
      // Dense holidays (up to one day in eight) make runs of holidays and weekends frequent.
      holidays: fc.uniqueArray(fc.integer({ min: -10, max: 400 }), { maxLength: 50 }).map((offsets) => new Set(offsets.map((offset) => isoDate(receipt + offset)))),
      steps: fc.array(
        fc.record({ kind: fc.constantFrom('suspend' as const, 'resume' as const, 'extend' as const), afterDays: fc.integer({ min: 0, max: 20 }), days: fc.integer({ min: 1, max: 60 }) }),
        { maxLength: 6 },
      ),
    }),
  );

/** The clock after the story's steps the clock accepts at their instants (each step `afterDays` after the one before). */
function played({ receipt, period, holidays, steps }: Story): { clock: CaseClock; lastDay: number } {
  let clock = startClock(period, noonOf(receipt), holidays);
  let day = receipt;
  for (const step of steps) {
    day += step.afterDays;
    const at = noonOf(day);
    const running = clockStatusAt(clock, 'open', at) === 'running';
    if (step.kind === 'suspend' && running) clock = suspendClock(clock, at, holidays);
    if (step.kind === 'resume' && isSuspended(clock)) clock = resumeClock(clock, at, holidays);
    if (step.kind === 'extend' && !clock.extension && clockStatusAt(clock, 'open', at) !== 'lapsed') clock = extendClock(clock, { days: step.days, reason: 'r' }, holidays, at);
  }
  return { clock, lastDay: day };
}

const statutoryCount = (clock: CaseClock, holidays: ReadonlySet<string>) =>
  computeDeadline({
    period: clock.period,
    receiptDate: clock.receiptDate,
    holidays,
    suspensions: clock.suspensions,
    ...(clock.extension && { extensionDays: clock.extension.days }),
    asOf: clock.countedOn,
  });

describe('the case clock, for any story', () => {
  it('falls due where the statutory clock counts its facts with the whole calendar, on a working day after the receipt', () => {
    fc.assert(
      fc.property(story, (input) => {
        const { clock } = played(input);
        const deadline = statutoryCount(clock, input.holidays);

        expect({ dueDate: clock.dueDate, dueAt: clock.dueAt }).toEqual({ dueDate: deadline.dueDate, dueAt: deadline.dueAt });
        expect(isWorkingDay(clock.dueDate, input.holidays)).toBe(true);
        expect(clock.dueDate > clock.receiptDate).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('explains itself from its stored state exactly as the count with the whole calendar does', () => {
    fc.assert(
      fc.property(story, (input) => {
        const { clock } = played(input);

        expect(clockExplanation(clock)).toEqual(statutoryCount(clock, input.holidays).explanation);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('adds, on a calendar period without holidays, the period, every suspended day and the extension, then moves past a weekend', () => {
    const calendarStory = story.map((input) => ({ ...input, period: { ...input.period, unit: 'calendar' as const }, holidays: new Set<string>() }));
    fc.assert(
      fc.property(calendarStory, (input) => {
        const { clock } = played(input);
        if (isSuspended(clock)) return;
        // A day is suspended or not: two suspensions on the same day (one resumed the day it began, another begun
        // that day) hold it once.
        const suspendedDays = new Set(clock.suspensions.flatMap((suspension) => daysFrom(dayNumberOf(suspension.from), dayNumberOf(suspension.to!))));
        const suspended = suspendedDays.size;
        const last = input.receipt + input.period.days + suspended + (clock.extension?.days ?? 0);
        const weekday = new Date(last * DAY_MS).getUTCDay();
        const moved = weekday === 6 ? 2 : weekday === 0 ? 1 : 0;

        expect(clock.dueDate).toBe(isoDate(last + moved));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('keeps one suspension at most open, each one ending on or after the day it started', () => {
    fc.assert(
      fc.property(story, (input) => {
        const { clock } = played(input);

        expect(clock.suspensions.filter((suspension) => suspension.to === undefined).length).toBeLessThanOrEqual(1);
        for (const suspension of clock.suspensions) {
          if (suspension.to !== undefined) expect(suspension.to >= suspension.from).toBe(true);
          if (suspension.endedAt !== undefined) expect(suspension.endedAt >= suspension.startedAt).toBe(true);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('runs up to its due instant and has lapsed from the next millisecond, its wake-up instant; stopped or lapsed as the case says once closed', () => {
    fc.assert(
      fc.property(story, (input) => {
        const { clock } = played(input);
        const dueAt = new Date(clock.dueAt);
        if (isSuspended(clock)) {
          expect(clockStatusAt(clock, 'open', new Date(dueAt.getTime() + 365 * DAY_MS))).toBe('suspended');
        } else {
          expect(clockStatusAt(clock, 'open', dueAt)).toBe('running');
          expect(clockStatusAt(clock, 'open', new Date(wakeAt(clock)))).toBe('lapsed');
          expect(Date.parse(wakeAt(clock)) - dueAt.getTime()).toBe(1);
        }
        expect(clockStatusAt(clock, 'closed', dueAt)).toBe('stopped');
        expect(clockStatusAt(clock, 'lapsed', dueAt)).toBe('lapsed');
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('recount, for any story', () => {
  it('with the same calendar leaves the deadline where it was', () => {
    fc.assert(
      fc.property(story, (input) => {
        const { clock } = played(input);
        if (isSuspended(clock)) return;
        const recounted = recount(clock, input.holidays, noonOf(dayNumberOf(clock.countedOn)));

        expect(recounted.dueMoved).toBe(false);
        expect(recounted.clock).toEqual(clock);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('with a new calendar counts as if the calendar had always been the new one', () => {
    fc.assert(
      fc.property(story, fc.uniqueArray(fc.integer({ min: -10, max: 400 }), { maxLength: 20 }), (input, offsets) => {
        const newCalendar = new Set(offsets.map((offset) => isoDate(input.receipt + offset)));
        const { clock } = played(input);
        if (isSuspended(clock)) return;
        const recounted = recount(clock, newCalendar, noonOf(dayNumberOf(clock.countedOn)));

        expect(recounted.clock.dueAt).toBe(statutoryCount(clock, newCalendar).dueAt);
        expect(recounted.dueMoved).toBe(recounted.clock.dueAt !== clock.dueAt);
        expect(clockExplanation(recounted.clock)).toEqual(statutoryCount(clock, newCalendar).explanation);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('never moves the deadline for holidays added or removed outside the years the clock depends on', () => {
    fc.assert(
      fc.property(story, fc.uniqueArray(fc.integer({ min: 0, max: 365 }), { minLength: 1, maxLength: 30 }), fc.boolean(), (input, days, before) => {
        const { clock } = played(input);
        if (isSuspended(clock)) return;
        const years = holidayYearsOf(clock);
        const outsideYear = before ? years[0]! - 1 : years.at(-1)! + 1;
        const outside = days.map((day) => isoDate(dayNumberOf(`${outsideYear}-01-01`) + day)).filter((date) => date.startsWith(String(outsideYear)));
        const changed = new Set([...input.holidays].filter((holiday) => !holiday.startsWith(String(outsideYear))).concat(outside));

        expect(recount(clock, changed, noonOf(dayNumberOf(clock.countedOn))).dueMoved).toBe(false);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('depends on every year from the first counted day to the due date, and on those alone', () => {
    fc.assert(
      fc.property(story, (input) => {
        const { clock } = played(input);
        const years = holidayYearsOf(clock);

        expect(years[0]).toBe(Number(isoDate(dayNumberOf(clock.receiptDate) + 1).slice(0, 4)));
        expect(years.at(-1)).toBe(Number(clock.dueDate.slice(0, 4)));
        years.forEach((year, index) => index > 0 && expect(year - years[index - 1]!).toBe(1));
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
