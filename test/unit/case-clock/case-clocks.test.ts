// Several named clocks on one case: which lapses the case must record, which clock the index sorts it by, and what
// the deadline workflow is told while one clock runs, one is suspended, or none is left.
import { describe, expect, it } from 'vitest';
import { startClock, suspendClock } from '../../../functions/shared/case-clock/domain/case-clock.ts';
import { deadlineCheckOfClocks, runningClocks, soonestOpenDue, unrecordedLapses } from '../../../functions/shared/case-clock/domain/case-clocks.ts';

const NO_HOLIDAYS = new Set<string>();
const received = new Date('2027-03-01T09:00:00Z');
const short = startClock({ days: 15, unit: 'calendar' }, received, NO_HOLIDAYS);
const long = startClock({ days: 60, unit: 'calendar' }, received, NO_HOLIDAYS);
const afterShort = new Date(Date.parse(short.dueAt) + 1000);

describe('several clocks on one case', () => {
  it('lists the open clocks whose deadline has passed, and only those, as lapses to record', () => {
    const clocks = { acknowledgment: { clock: short, standing: 'open' as const }, answer: { clock: long, standing: 'open' as const } };

    expect(unrecordedLapses(clocks, received)).toEqual([]);
    expect(unrecordedLapses(clocks, afterShort)).toEqual(['acknowledgment']);
    expect(unrecordedLapses({ ...clocks, acknowledgment: { clock: short, standing: 'lapsed' } }, afterShort)).toEqual([]);
  });

  it('keeps the workflow running, woken after the soonest running deadline, while any clock runs', () => {
    const clocks = { acknowledgment: { clock: short, standing: 'open' as const }, answer: { clock: long, standing: 'open' as const } };

    expect(runningClocks(clocks, received)).toEqual(['acknowledgment', 'answer']);
    expect(deadlineCheckOfClocks('c-1', clocks, received)).toEqual({ subject: 'c-1', state: 'running', wakeAt: new Date(Date.parse(short.dueAt) + 1).toISOString() });
    const acknowledgmentLapsed = { ...clocks, acknowledgment: { clock: short, standing: 'lapsed' as const } };
    expect(deadlineCheckOfClocks('c-1', acknowledgmentLapsed, afterShort)).toEqual({ subject: 'c-1', state: 'running', wakeAt: new Date(Date.parse(long.dueAt) + 1).toISOString() });
  });

  it('wakes earlier when the case has something to do before its soonest deadline, never later', () => {
    const clocks = { answer: { clock: long, standing: 'open' as const } };
    const reminder = '2027-04-15T09:00:00.000Z';

    expect(deadlineCheckOfClocks('c-1', clocks, received, reminder)).toMatchObject({ state: 'running', wakeAt: reminder });
    expect(deadlineCheckOfClocks('c-1', clocks, received, '2027-12-31T00:00:00.000Z')).toMatchObject({ wakeAt: new Date(Date.parse(long.dueAt) + 1).toISOString() });
  });

  it('ends the workflow as suspended when no clock runs and one is suspended, lapsed when one lapsed, closed otherwise', () => {
    const suspended = suspendClock(long, new Date('2027-03-05T10:00:00Z'), NO_HOLIDAYS);

    expect(deadlineCheckOfClocks('c-1', { acknowledgment: { clock: short, standing: 'closed' }, answer: { clock: suspended, standing: 'open' } }, afterShort)).toEqual({ subject: 'c-1', state: 'suspended' });
    expect(deadlineCheckOfClocks('c-1', { acknowledgment: { clock: short, standing: 'lapsed' }, answer: { clock: long, standing: 'closed' } }, afterShort)).toEqual({ subject: 'c-1', state: 'lapsed' });
    expect(deadlineCheckOfClocks('c-1', { acknowledgment: { clock: short, standing: 'closed' }, answer: { clock: long, standing: 'closed' } }, afterShort)).toEqual({ subject: 'c-1', state: 'closed' });
  });

  it('sorts the case in the open-deadline index by its soonest open clock that is not suspended', () => {
    const suspended = suspendClock(short, new Date('2027-03-05T10:00:00Z'), NO_HOLIDAYS);

    expect(soonestOpenDue({ acknowledgment: { clock: short, standing: 'open' }, answer: { clock: long, standing: 'open' } })).toBe(short.dueAt);
    expect(soonestOpenDue({ acknowledgment: { clock: suspended, standing: 'open' }, answer: { clock: long, standing: 'open' } })).toBe(long.dueAt);
    expect(soonestOpenDue({ acknowledgment: { clock: short, standing: 'lapsed' }, answer: { clock: long, standing: 'closed' } })).toBeUndefined();
  });
});
