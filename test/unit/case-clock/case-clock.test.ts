// Examples of the case clock on Morocco's 2026 calendar: its lifecycle, the rules it enforces, the workflow's
// answer, and the recount when a movable holiday is confirmed on another day than estimated.
import { describe, expect, it } from 'vitest';
import {
  ExtensionRefusedError,
  clockExplanation,
  clockStatusAt,
  extendClock,
  holidayYearsOf,
  recount,
  resumeClock,
  startClock,
  suspendClock,
} from '../../../functions/shared/case-clock/domain/case-clock.ts';
import { deadlineCheck } from '../../../functions/shared/case-clock/domain/deadline-check.ts';

// Morocco is at UTC+0 in the winter of 2026-27 by the runtime's tz data; noon UTC is safely inside each day.
const at = (date: string) => new Date(`${date}T12:00:00Z`);
const NO_HOLIDAYS = new Set<string>();
const FIFTEEN_DAYS = { days: 15, unit: 'calendar' } as const;

describe('a case clock', () => {
  it('starts the count the day after receipt: 15 calendar days from Tuesday 1 December 2026 end on Wednesday 16 December', () => {
    const clock = startClock(FIFTEEN_DAYS, at('2026-12-01'), NO_HOLIDAYS);

    expect(clock).toEqual({
      receiptDate: '2026-12-01',
      period: FIFTEEN_DAYS,
      suspensions: [],
      dueDate: '2026-12-16',
      dueAt: '2026-12-16T23:59:59.999+00:00',
      holidays: [],
      countedOn: '2026-12-01',
    });
    expect(clockStatusAt(clock, 'open', new Date('2026-12-16T23:59:59.999Z'))).toBe('running');
    expect(clockStatusAt(clock, 'open', new Date('2026-12-17T00:00:00.000Z'))).toBe('lapsed');
  });

  it('keeps the instants a suspension started and ended, and counts its Moroccan days, both ends included', () => {
    const started = startClock(FIFTEEN_DAYS, at('2026-12-01'), NO_HOLIDAYS);
    const suspendedAt = new Date('2026-12-03T09:30:00.000Z');
    const resumedAt = new Date('2026-12-07T10:15:30.000Z');

    const suspended = suspendClock(started, suspendedAt, NO_HOLIDAYS);
    const resumed = resumeClock(suspended, resumedAt, NO_HOLIDAYS);

    expect(clockStatusAt(suspended, 'open', at('2027-06-01'))).toBe('suspended');
    expect(suspended.suspensions).toEqual([{ from: '2026-12-03', startedAt: suspendedAt.toISOString() }]);
    expect(resumed.suspensions).toEqual([{ from: '2026-12-03', to: '2026-12-07', startedAt: suspendedAt.toISOString(), endedAt: resumedAt.toISOString() }]);
    expect(resumed.dueDate).toBe('2026-12-21');
    expect(clockStatusAt(resumed, 'open', at('2026-12-21'))).toBe('running');
  });

  it('refuses what it cannot count: a second suspension at once, a resume while running, a suspension once lapsed', () => {
    const started = startClock(FIFTEEN_DAYS, at('2026-12-01'), NO_HOLIDAYS);
    const suspended = suspendClock(started, at('2026-12-03'), NO_HOLIDAYS);

    expect(() => suspendClock(suspended, at('2026-12-04'), NO_HOLIDAYS)).toThrow(RangeError);
    expect(() => resumeClock(started, at('2026-12-04'), NO_HOLIDAYS)).toThrow(RangeError);
    expect(() => suspendClock(started, at('2026-12-17'), NO_HOLIDAYS)).toThrow(RangeError);
  });

  it('is extended once, before its deadline, by the days the case grants', () => {
    const started = startClock(FIFTEEN_DAYS, at('2026-12-01'), NO_HOLIDAYS);

    const extended = extendClock(started, { days: 10, reason: 'public enquiry' }, NO_HOLIDAYS, at('2026-12-10'));

    expect(extended.extension).toEqual({ days: 10, reason: 'public enquiry', grantedOn: '2026-12-10' });
    expect(extended.dueDate).toBe('2026-12-28');
    expect(() => extendClock(extended, { days: 1, reason: 'again' }, NO_HOLIDAYS, at('2026-12-11'))).toThrow(ExtensionRefusedError);
    expect(() => extendClock(started, { days: 5, reason: 'late' }, NO_HOLIDAYS, at('2026-12-17'))).toThrow(/has passed/);
  });

  it('may be extended while suspended: its deadline is then still ahead', () => {
    const suspended = suspendClock(startClock(FIFTEEN_DAYS, at('2026-12-01'), NO_HOLIDAYS), at('2026-12-10'), NO_HOLIDAYS);

    expect(extendClock(suspended, { days: 5, reason: 'enquiry' }, NO_HOLIDAYS, at('2027-01-20')).extension?.days).toBe(5);
  });

  it('refuses an extension with a code every context maps, and a detail in Arabic, French and English', () => {
    const extended = extendClock(startClock(FIFTEEN_DAYS, at('2026-12-01'), NO_HOLIDAYS), { days: 1, reason: 'r' }, NO_HOLIDAYS, at('2026-12-02'));

    const refusal = (() => {
      try {
        extendClock(extended, { days: 1, reason: 'again' }, NO_HOLIDAYS, at('2026-12-03'));
      } catch (error) {
        return error as ExtensionRefusedError;
      }
    })();

    expect(refusal?.code).toBe('extension-refused');
    expect(Object.keys(refusal!.localizedDetail)).toEqual(['ar', 'fr', 'en']);
  });

  it('is stopped once the case is closed, and lapsed once the case recorded the lapse, whatever the instant', () => {
    const clock = startClock(FIFTEEN_DAYS, at('2026-12-01'), NO_HOLIDAYS);

    expect(clockStatusAt(clock, 'closed', at('2026-12-02'))).toBe('stopped');
    expect(clockStatusAt(clock, 'lapsed', at('2026-12-02'))).toBe('lapsed');
  });

  it('explains its count in Arabic, French and English, recomputed from the stored state', () => {
    const holidays = new Set(['2026-12-10']);
    const clock = startClock({ days: 10, unit: 'working' }, at('2026-12-01'), holidays);

    const explanation = clockExplanation(clock);

    expect(explanation.map((step) => step.code)).toEqual(['start', 'period', 'non-working-day', 'due']);
    expect(explanation.at(-1)).toMatchObject({ code: 'due', date: clock.dueDate });
    expect(explanation.at(-1)?.text.en).toContain('Moroccan time');
    expect(explanation.at(-1)?.text.fr).toContain('heure du Maroc');
    expect(explanation.at(-1)?.text.ar).toContain('بتوقيت المغرب');
  });
});

describe('the deadline workflow answer', () => {
  const clock = startClock(FIFTEEN_DAYS, at('2026-12-01'), NO_HOLIDAYS);

  it('asks a running clock to wake up at the first instant after its deadline', () => {
    expect(deadlineCheck('case-1', clock, 'open', at('2026-12-05'))).toEqual({ subject: 'case-1', state: 'running', wakeAt: '2026-12-17T00:00:00.000Z' });
  });

  it('ends on a suspended clock, a closed case and a lapse', () => {
    expect(deadlineCheck('case-1', suspendClock(clock, at('2026-12-05'), NO_HOLIDAYS), 'open', at('2026-12-06'))).toEqual({ subject: 'case-1', state: 'suspended' });
    expect(deadlineCheck('case-1', clock, 'closed', at('2026-12-06'))).toEqual({ subject: 'case-1', state: 'closed' });
    expect(deadlineCheck('case-1', clock, 'open', at('2026-12-17'))).toEqual({ subject: 'case-1', state: 'lapsed' });
    expect(deadlineCheck('case-1', clock, 'lapsed', at('2026-12-17'))).toEqual({ subject: 'case-1', state: 'lapsed' });
  });
});

describe('the recount when the holiday calendar changes', () => {
  // Eid al-Adha estimated on Wednesday 27 and Thursday 28 May 2026; confirmed a day later, 28 and 29 May.
  const estimated = new Set(['2026-05-01', '2026-05-27', '2026-05-28', '2026-06-16']);
  const confirmed = new Set(['2026-05-01', '2026-05-28', '2026-05-29', '2026-06-16']);

  it('moves a deadline whose day 15 fell on the estimated Eid, and says so', () => {
    const clock = startClock(FIFTEEN_DAYS, at('2026-05-12'), estimated);
    expect(clock.dueDate).toBe('2026-05-29');

    const { clock: recounted, dueMoved } = recount(clock, confirmed, at('2026-05-20'));

    expect(dueMoved).toBe(true);
    expect(recounted).toMatchObject({ dueDate: '2026-05-27', holidays: [], countedOn: '2026-05-20' });
    expect(clockExplanation(recounted).map((step) => step.code)).toEqual(['start', 'period', 'due']);
  });

  it('leaves a deadline the change does not reach where it was', () => {
    const clock = startClock(FIFTEEN_DAYS, at('2026-05-02'), estimated);

    expect(recount(clock, confirmed, at('2026-05-10')).dueMoved).toBe(false);
  });

  it('depends on the years from the day after receipt to the due date', () => {
    expect(holidayYearsOf(startClock(FIFTEEN_DAYS, at('2026-05-12'), estimated))).toEqual([2026]);
    expect(holidayYearsOf(startClock({ days: 30, unit: 'calendar' }, at('2026-12-20'), NO_HOLIDAYS))).toEqual([2026, 2027]);
    expect(holidayYearsOf(startClock(FIFTEEN_DAYS, at('2026-12-31'), NO_HOLIDAYS))).toEqual([2027]);
  });
});
