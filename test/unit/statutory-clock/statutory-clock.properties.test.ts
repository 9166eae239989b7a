// Properties of the statutory clock that must hold for any receipt date, period, holidays, suspensions and extension.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MOROCCO_TIME_ZONE, moroccanDate } from '../../../functions/shared/time/morocco-time.ts';
import {
  computeDeadline,
  isWorkingDay,
  type StatutoryClockInput,
  type Suspension,
} from '../../../functions/shared/statutory-clock/statutory-clock.ts';

const MS_PER_DAY = 86_400_000;
const NUM_RUNS = 200;

const isoDate = (dayNumber: number) => new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
const dayNumberOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY;

// 2008 to 2035 holds Morocco's midnight transitions of 2008 to 2011, the 02:00 ones since, the Ramadan ones and
// the permanent UTC+0 from September 2026.
const receiptDay = fc.integer({ min: dayNumberOf('2008-01-01'), max: dayNumberOf('2035-12-31') });

const suspensionAfter = (receipt: number) =>
  fc
    .record({ start: fc.integer({ min: 0, max: 90 }), length: fc.integer({ min: 1, max: 30 }) })
    .map(({ start, length }): Suspension => ({ from: isoDate(receipt + start), to: isoDate(receipt + start + length - 1) }));

// Dense holidays (up to one day in eight) around the count make runs of holidays and weekends frequent.
const clockInput: fc.Arbitrary<StatutoryClockInput> = receiptDay.chain((receipt) =>
  fc.record({
    period: fc.record({ days: fc.integer({ min: 1, max: 60 }), unit: fc.constantFrom('calendar' as const, 'working' as const) }),
    receiptDate: fc.constant(isoDate(receipt)),
    holidays: fc.uniqueArray(fc.integer({ min: -10, max: 400 }), { maxLength: 50 }).map((offsets) => new Set(offsets.map((offset) => isoDate(receipt + offset)))),
    suspensions: fc.array(suspensionAfter(receipt), { maxLength: 3 }),
    extensionDays: fc.integer({ min: 0, max: 60 }),
  }),
);

const withExtraSuspension = clockInput.chain((input) =>
  suspensionAfter(dayNumberOf(input.receiptDate)).map((extra) => ({ input, extra })),
);

const moroccanWallClock = new Intl.DateTimeFormat('en-CA', {
  timeZone: MOROCCO_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  fractionalSecondDigits: 3,
});

describe('computeDeadline, for any input', () => {
  it('is never made earlier by one more suspension', () => {
    fc.assert(
      fc.property(withExtraSuspension, ({ input, extra }) => {
        const without = computeDeadline(input).dueDate;
        const withIt = computeDeadline({ ...input, suspensions: [...(input.suspensions ?? []), extra] }).dueDate;

        expect(withIt >= without).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('is never made earlier by an extension', () => {
    fc.assert(
      fc.property(clockInput, (input) => {
        const without = computeDeadline({ ...input, extensionDays: 0 }).dueDate;
        const extended = computeDeadline(input).dueDate;

        expect(extended >= without).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('falls due on a working day', () => {
    fc.assert(
      fc.property(clockInput, (input) => {
        expect(isWorkingDay(computeDeadline(input).dueDate, input.holidays)).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('falls due after the receipt date', () => {
    fc.assert(
      fc.property(clockInput, (input) => {
        expect(computeDeadline(input).dueDate > input.receiptDate).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('is never made earlier by a longer period', () => {
    fc.assert(
      fc.property(clockInput, fc.integer({ min: 1, max: 30 }), (input, more) => {
        const shorter = computeDeadline(input).dueDate;
        const longer = computeDeadline({ ...input, period: { ...input.period, days: input.period.days + more } }).dueDate;

        expect(longer >= shorter).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('never falls before the receipt date plus the period in calendar days', () => {
    fc.assert(
      fc.property(clockInput, (input) => {
        const earliest = isoDate(dayNumberOf(input.receiptDate) + input.period.days);

        expect(computeDeadline(input).dueDate >= earliest).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('has a dueAt that reads, in Africa/Casablanca, as the due date at 23:59:59.999', () => {
    fc.assert(
      fc.property(clockInput, (input) => {
        const { dueDate, dueAt } = computeDeadline(input);

        expect(moroccanWallClock.format(new Date(dueAt))).toBe(`${dueDate}, 23:59:59.999`);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('has a dueAt whose next millisecond is already another day in Morocco', () => {
    fc.assert(
      fc.property(clockInput, (input) => {
        const { dueDate, dueAt } = computeDeadline(input);

        expect(moroccanDate(new Date(Date.parse(dueAt) + 1)) > dueDate).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('ends its explanation with the due date', () => {
    fc.assert(
      fc.property(clockInput, (input) => {
        const deadline = computeDeadline(input);

        expect(deadline.explanation.at(-1)).toMatchObject({ code: 'due', date: deadline.dueDate });
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
