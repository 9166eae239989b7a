// The annual figures: what each counted change adds (requests, urgent, answers by outcome with the working days they
// took and the grounds they named, extensions, lapses, withdrawals), and the mean and median as published.
import { describe, expect, it } from 'vitest';
import { answerRequest, openRequest, withdrawRequest } from '../../../functions/transparency/domain/information-request.ts';
import { DEFAULT_RECOURSE_PERIODS } from '../../../functions/transparency/domain/recourse.ts';
import { medianOf, publishedFigures, requestCounted, workingDaysBetween, REQUEST_COUNTED } from '../../../functions/transparency/domain/request-figures.ts';
import { requestClock } from '../../../functions/transparency/domain/request-clock.ts';

const agent = { sub: 'agent-1', role: 'agent' } as const;
const citizen = { sub: 'citizen-1', role: 'citizen' } as const;
// Monday 1 June 2026, 10:00 in Morocco; a holiday on Friday 5 June.
const receivedAt = new Date('2026-06-01T09:00:00Z');
const holidays = new Set(['2026-06-05']);
const answerPeriod = { days: 20, extensionDays: 20 };
const opened = openRequest(
  { id: 'request-1', commune: 'rabat', channel: 'online', receivedAt: '2026-06-01T10:00:00+01:00', answerPeriod, recoursePeriods: DEFAULT_RECOURSE_PERIODS, clarificationSuspendsClock: false, clock: requestClock(answerPeriod, receivedAt, holidays), urgency: { justification: 'Santé' }, filedBy: citizen.sub },
  citizen,
  receivedAt,
);

describe('what a change adds to the figures', () => {
  it('counts a request, urgent, in the year of its receipt', () => {
    expect(requestCounted(opened)).toMatchObject({ type: REQUEST_COUNTED, data: { commune: 'rabat', year: 2026, counts: { requests: 1, urgent: 1 } } });
  });

  it('counts a partial answer, the working days it took (the holiday skipped) and each ground named once', () => {
    const at = new Date('2026-06-08T09:00:00Z');
    const withheld = [
      { part: 'A', grounds: [{ ground: 'article-7-exception', reason: 'x' }] },
      { part: 'B', grounds: [{ ground: 'article-7-exception', reason: 'y' }, { ground: 'being-prepared', reason: 'z' }] },
    ] as const;
    const answered = answerRequest(opened.request, { outcome: 'partial', summary: 's', format: 'electronic', withheld, at: at.toISOString(), by: agent }, agent, at);
    // Tuesday 2, Wednesday 3, Thursday 4, Monday 8 June: 4 working days.
    expect(requestCounted(answered)!.data.counts).toEqual({ answeredPartial: 1, answerWorkingDays: 4, 'days:4': 1, 'ground:article-7-exception': 1, 'ground:being-prepared': 1 });
  });

  it('counts a withdrawal, and nothing for a change the figures do not follow', () => {
    expect(requestCounted(withdrawRequest(opened.request, undefined, citizen, receivedAt))!.data.counts).toEqual({ withdrawn: 1 });
    const acknowledged = { ...opened, event: { ...opened.event, type: 'acknowledged' as const } };
    expect(requestCounted(acknowledged)).toBeUndefined();
  });
});

describe('the published figures', () => {
  it('give the mean and the median of the working days to answer, null before any answer', () => {
    expect(medianOf(new Map([[3, 2], [10, 1]]))).toBe(3);
    expect(medianOf(new Map([[3, 1], [10, 1]]))).toBe(6.5);
    expect(medianOf(new Map())).toBeNull();
    const figures = publishedFigures('rabat', 2026, { requests: 4, answeredFull: 2, refused: 1, answerWorkingDays: 16, 'days:3': 2, 'days:10': 1, 'ground:not-held': 1 });
    expect(figures).toMatchObject({ requests: 4, answers: { full: 2, partial: 0, refused: 1, total: 3 }, workingDaysToAnswer: { mean: 5.3, median: 3 }, groundsNamed: { 'not-held': 1, unclear: 0 } });
    expect(publishedFigures('rabat', 2026, {}).workingDaysToAnswer).toEqual({ mean: null, median: null });
  });

  it('count working days from the day after receipt, weekends and holidays skipped', () => {
    expect(workingDaysBetween('2026-06-01', '2026-06-01', holidays)).toBe(0);
    expect(workingDaysBetween('2026-06-01', '2026-06-07', holidays)).toBe(3);
  });
});
