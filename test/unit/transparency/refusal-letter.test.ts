// The refusal letter's content: drawn from a refused or partly answered request, each ground with the part it
// withholds, the recourse deadline counted in the request's own periods; the answer's change carries the event that
// has it issued only when it refuses or withholds.
import { describe, expect, it } from 'vitest';
import { answerRequest, openRequest } from '../../../functions/transparency/domain/information-request.ts';
import { DEFAULT_RECOURSE_PERIODS } from '../../../functions/transparency/domain/recourse.ts';
import { REFUSAL_DECIDED, refusalLetterClaims, refusalLetterNumber, refusalLetterOf, withRefusalLetterDue } from '../../../functions/transparency/domain/refusal-letter.ts';
import { requestClock } from '../../../functions/transparency/domain/request-clock.ts';

const agent = { sub: 'agent-1', role: 'agent' } as const;
// Monday 1 June 2026, 10:00 in Morocco.
const receivedAt = new Date('2026-06-01T09:00:00Z');
const answeredAt = new Date('2026-06-03T09:00:00Z');
const answerPeriod = { days: 20, extensionDays: 20 };
const received = openRequest(
  {
    id: '6f1c2a9e-0000-4000-8000-000000000001',
    commune: 'rabat',
    channel: 'counter',
    receivedAt: '2026-06-01T10:00:00+01:00',
    answerPeriod,
    recoursePeriods: { ...DEFAULT_RECOURSE_PERIODS, complaintFilingDays: 10 },
    clarificationSuspendsClock: false,
    clock: requestClock(answerPeriod, receivedAt, new Set()),
    requester: { name: 'Salma El Alaoui', address: 'Rabat', identityDocument: { kind: 'cnie', number: 'AB123456' } },
  },
  agent,
  receivedAt,
).request;
const commune = { code: 'rabat', names: { ar: 'الرباط', fr: 'Rabat' } };
const withheld = [
  { part: 'Les noms', grounds: [{ ground: 'article-7-exception', reason: 'Données personnelles' }] },
  { part: 'Le plan', grounds: [{ ground: 'being-prepared', reason: 'En cours' }, { ground: 'article-7-exception', reason: 'Sécurité' }] },
] as const;
const partial = answerRequest(received, { outcome: 'partial', summary: 'Le reste est joint', format: 'electronic', withheld, at: answeredAt.toISOString(), by: agent }, agent, answeredAt);

describe('the refusal letter', () => {
  it('lists each ground with the part it withholds and the recourse in the periods the request opened with', () => {
    const content = refusalLetterOf(partial.request, commune, new Set(['2026-06-05']), answeredAt);

    expect(content).toMatchObject({ number: 'RFL-6F1C2A9E000040008000000000000001', outcome: 'partial', requester: 'Salma El Alaoui', receivedAt: '2026-06-01T10:00:00+01:00' });
    expect(content.grounds.map(({ part, statement }) => `${part}:${statement.ground}`)).toEqual(['Les noms:article-7-exception', 'Le plan:being-prepared', 'Le plan:article-7-exception']);
    // 10 working days from Wednesday 3 June, the holiday on Friday 5 June skipped: Thursday 18 June.
    expect(content.recourse).toEqual({ complaintDueDate: '2026-06-18', complaintFilingDays: 10, complaintAnswerDays: 15, cdaiDays: 30 });
    expect(refusalLetterClaims(content)).toMatchObject({ rq: received.id, cm: 'rabat', oc: 'partial', gr: 'article-7-exception,being-prepared' });
    expect(refusalLetterNumber(received)).toBe(content.number);
  });

  it('is due with a refusal or a partial answer, not with a full one', () => {
    expect(withRefusalLetterDue(partial).outbox?.map((event) => event.type)).toEqual([REFUSAL_DECIDED]);
    const full = answerRequest(received, { outcome: 'full', summary: 'Tout', format: 'electronic', at: answeredAt.toISOString(), by: agent }, agent, answeredAt);
    expect(withRefusalLetterDue(full).outbox).toBeUndefined();
    expect(() => refusalLetterOf(full.request, commune, new Set(), answeredAt)).toThrow(RangeError);
  });
});
