// Where a deadline day ends in Africa/Casablanca, across Morocco's offset changes.
import { describe, expect, it } from 'vitest';
import { computeDeadline, endOfMoroccanDay } from '../../../functions/shared/statutory-clock/statutory-clock.ts';

// Expectations follow the tz database the runtime ships (2026c on Node 24), read beforehand with
// Intl.DateTimeFormat('en-GB', { timeZone: 'Africa/Casablanca', timeStyle: 'long' }):
// - 2026 starts at UTC+1, drops to UTC+0 for Ramadan on 15 February (03:00 -> 02:00) and returns to UTC+1 on
//   22 March (02:00 -> 03:00);
// - from 20 September 2026 (02:00 -> 01:00) Morocco stays at UTC+0, winters and summers alike;
// - in 2011 the changes happened at midnight: on 3 April 00:00 was skipped, and 30 July lasted until 24:00 at
//   UTC+1 which became 23:00 at UTC+0 again.
// A later tz release that moves these transitions changes these expectations, not the engine.
const HOURS = 3_600_000;

const dueAtOf = (receiptDate: string, days: number) =>
  computeDeadline({ period: { days, unit: 'calendar' }, receiptDate, holidays: new Set() }).dueAt;

describe('dueAt', () => {
  it('is at UTC+1 in January 2026, before Ramadan', () => {
    expect(dueAtOf('2026-01-05', 15)).toBe('2026-01-20T23:59:59.999+01:00');
  });

  it('is at UTC+0 during Ramadan 2026', () => {
    expect(dueAtOf('2026-02-10', 30)).toBe('2026-03-12T23:59:59.999+00:00');
  });

  it('is at UTC+1 in summer 2026', () => {
    expect(dueAtOf('2026-05-31', 15)).toBe('2026-06-15T23:59:59.999+01:00');
  });

  it('is at UTC+0 after 20 September 2026, including the following summer', () => {
    expect(dueAtOf('2027-06-01', 15)).toBe('2027-06-16T23:59:59.999+00:00');
  });

  it('is the end of a deadline counted across the return to UTC+1 on 22 March 2026', () => {
    expect(dueAtOf('2026-03-16', 15)).toBe('2026-03-31T23:59:59.999+01:00');
  });
});

describe('endOfMoroccanDay', () => {
  it('is 22:59:59.999 UTC on a UTC+1 day', () => {
    expect(endOfMoroccanDay('2026-02-14').toISOString()).toBe('2026-02-14T22:59:59.999Z');
  });

  it('ends the day Ramadan time starts (15 February 2026) at UTC+0, making it 25 hours long', () => {
    const length = endOfMoroccanDay('2026-02-15').getTime() - endOfMoroccanDay('2026-02-14').getTime();

    expect(length).toBe(25 * HOURS);
  });

  it('ends the day summer time returns (22 March 2026) at UTC+1, making it 23 hours long', () => {
    const length = endOfMoroccanDay('2026-03-22').getTime() - endOfMoroccanDay('2026-03-21').getTime();

    expect(length).toBe(23 * HOURS);
  });

  it('ends 20 September 2026, when Morocco moves to UTC+0 for good, at 23:59:59.999 UTC', () => {
    expect(endOfMoroccanDay('2026-09-20').toISOString()).toBe('2026-09-20T23:59:59.999Z');
  });

  it('ends a day whose next midnight was skipped (2 April 2011) just before the jump to 01:00', () => {
    expect(endOfMoroccanDay('2011-04-02').toISOString()).toBe('2011-04-02T23:59:59.999Z');
  });

  it('ends a day whose clocks went back at midnight (30 July 2011) at the second midnight, 25 hours long', () => {
    const length = endOfMoroccanDay('2011-07-30').getTime() - endOfMoroccanDay('2011-07-29').getTime();

    expect(length).toBe(25 * HOURS);
  });

  it('refuses an impossible date', () => {
    expect(() => endOfMoroccanDay('2026-02-29')).toThrow(RangeError);
  });
});

describe('dueAt before 1913', () => {
  it('is refused, as local mean time (UTC-00:30:20) has no ISO 8601 offset', () => {
    expect(() => dueAtOf('1910-01-03', 15)).toThrow(RangeError);
  });
});
