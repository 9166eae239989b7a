// Recounting a context's running deadlines over a year whose holidays changed: only cases whose due instant can
// reach that year are read, each with the holidays of its receipt year and the next, a case received after the year
// is left alone, and only the changes of deadlines that moved are saved.
import { describe, expect, it } from 'vitest';
import { firstDueInstantOver, recountDeadlinesOverYear, type RecountableCases } from '../../../functions/shared/case-clock/application/recount-open-deadlines.use-case.ts';
import { startClock, type CaseClock } from '../../../functions/shared/case-clock/domain/case-clock.ts';

interface TestCase {
  readonly id: string;
  readonly clock?: CaseClock;
}

const clockReceived = (instant: string) => startClock({ days: 20, unit: 'working' }, new Date(instant), new Set());
const cases: Record<string, TestCase> = {
  moved: { id: 'moved', clock: clockReceived('2026-12-20T10:00:00Z') },
  unmoved: { id: 'unmoved', clock: clockReceived('2026-12-21T10:00:00Z') },
  later: { id: 'later', clock: clockReceived('2027-02-01T10:00:00Z') },
  clockless: { id: 'clockless' },
};

function storage(): RecountableCases<TestCase, string> & { readonly bounds: Date[]; readonly holidayYears: (readonly number[])[]; readonly saved: string[] } {
  const bounds: Date[] = [];
  const holidayYears: (readonly number[])[] = [];
  const saved: string[] = [];
  return {
    bounds,
    holidayYears,
    saved,
    openDueFrom: async (shard, instant) => {
      bounds.push(instant);
      return { items: shard === 0 ? Object.keys(cases) : [] };
    },
    get: async (subject) => cases[subject],
    holidays: async (years) => {
      holidayYears.push(years);
      return new Set(['2027-01-11']);
    },
    save: async (change) => {
      saved.push(change);
    },
  };
}

describe('recounting the deadlines over a changed year', () => {
  it('reads from the first instant of the year in Morocco, recounts each case with its receipt year and the next, and saves what moved', async () => {
    const cases = storage();

    const result = await recountDeadlinesOverYear(cases, (found) => found.clock, (found) => (found.id === 'moved' ? `recounted ${found.id}` : undefined), 2027);

    expect(result).toEqual({ examined: 4, moved: 1 });
    expect(cases.saved).toEqual(['recounted moved']);
    expect(cases.holidayYears).toEqual([
      [2026, 2027],
      [2026, 2027],
      [2027, 2028],
    ]);
    expect(new Set(cases.bounds.map((bound) => bound.toISOString()))).toEqual(new Set([firstDueInstantOver(2027).toISOString()]));
    expect(firstDueInstantOver(2027).toISOString()).toBe('2026-12-31T23:00:00.000Z');
  });

  it('leaves alone a case received after the changed year', async () => {
    const cases = storage();

    const result = await recountDeadlinesOverYear(cases, (found) => found.clock, () => 'recounted', 2026);

    expect(cases.saved).toHaveLength(2);
    expect(result.moved).toBe(2);
  });
});
