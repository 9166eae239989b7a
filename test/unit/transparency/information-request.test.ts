// The lifecycle of an access-to-information request: received, acknowledged, in progress, answered in full, in part
// (withheld parts with their grounds) or refused on the law's grounds, withdrawn by its requester; each change one
// event with who, when and why, and the recourse shown once refused.
import { describe, expect, it } from 'vitest';
import { InvalidStateError } from '../../../functions/shared/errors/domain-errors.ts';
import { startClock } from '../../../functions/shared/case-clock/domain/case-clock.ts';
import { DEFAULT_RECOURSE_PERIODS } from '../../../functions/transparency/domain/recourse.ts';
import { requestIndexAttributes } from '../../../functions/transparency/adapters/transparency-keys.ts';
import {
  acknowledgeRequest,
  answerRequest,
  openRequest,
  recourseOf,
  startProcessing,
  withdrawRequest,
} from '../../../functions/transparency/domain/information-request.ts';

const agent = { sub: 'agent-1', role: 'agent' } as const;
const citizen = { sub: 'citizen-1', role: 'citizen' } as const;
const receivedAt = new Date('2026-06-01T09:00:00Z');
const at = (hours: number) => new Date(receivedAt.getTime() + hours * 3_600_000);
const received = openRequest(
  { id: 'request-1', commune: 'rabat', channel: 'online', receivedAt: '2026-06-01T10:00:00+01:00', answerPeriod: { days: 20, extensionDays: 20 }, clarificationSuspendsClock: false, recoursePeriods: DEFAULT_RECOURSE_PERIODS, clock: startClock({ days: 20, unit: 'working' }, receivedAt, new Set()), filedBy: citizen.sub, information: 'Budget', format: 'electronic' },
  citizen,
  receivedAt,
);

describe('an information request', () => {
  it('opens as received at version 1, its first event saying how and when it came and its due date', () => {
    expect(received.request).toMatchObject({ status: 'received', version: 1, openedBy: citizen });
    expect(received.event).toEqual({
      requestId: 'request-1',
      version: 1,
      type: 'received',
      at: receivedAt.toISOString(),
      by: citizen,
      statusAfter: 'received',
      details: { channel: 'online', receivedAt: '2026-06-01T10:00:00+01:00', dueDate: '2026-06-29' },
    });
  });

  it('is listed in its commune queue and its requester list while open', () => {
    expect(requestIndexAttributes(received.request)).toMatchObject({ priority: 'normal', queuePk: 'QUEUE#rabat', requesterPk: 'REQUESTER#citizen-1', openPk: expect.stringMatching(/^OPEN#/) });
  });

  it('moves received → acknowledged → in-progress, each change one event over the version before', () => {
    const acknowledged = acknowledgeRequest(received.request, agent, at(1));
    const processing = startProcessing(acknowledged.request, agent, at(2));

    expect(acknowledged.event).toMatchObject({ version: 2, type: 'acknowledged', statusBefore: 'received', statusAfter: 'acknowledged', by: agent });
    expect(processing.request).toMatchObject({ status: 'in-progress', version: 3 });
    expect(() => acknowledgeRequest(processing.request, agent, at(3))).toThrow(InvalidStateError);
  });

  it('is answered in part with each withheld part and its grounds, which the event lists once each', () => {
    const withheld = [
      { part: 'Noms des fournisseurs', grounds: [{ ground: 'article-7-exception' as const, reason: 'Données personnelles' }] },
      { part: 'Annexe 3', grounds: [{ ground: 'article-7-exception' as const, reason: 'Vie privée' }, { ground: 'being-prepared' as const, reason: 'En cours' }] },
    ];
    const { request, event } = answerRequest(received.request, { outcome: 'partial', summary: 'Budget joint', format: 'electronic', withheld, at: at(4).toISOString(), by: agent }, agent, at(4));

    expect(request.status).toBe('answered-partial');
    expect(event.details).toEqual({ outcome: 'partial', grounds: ['article-7-exception', 'being-prepared'] });
    expect(recourseOf(request)?.fr).toContain('CDAI');
  });

  it('is refused with the link to what is already published, and cannot be answered again', () => {
    const grounds = [{ ground: 'already-published' as const, reason: 'Publié', link: 'https://rabat.ma/budget.pdf' }];
    const { request } = answerRequest(received.request, { outcome: 'refused', grounds, at: at(5).toISOString(), by: agent }, agent, at(5));

    expect(request).toMatchObject({ status: 'refused', answer: { grounds } });
    expect(() => answerRequest(request, { outcome: 'full', summary: 'x', format: 'electronic', at: at(6).toISOString(), by: agent }, agent, at(6))).toThrow(InvalidStateError);
  });

  it('is answered in full with no recourse to offer', () => {
    const { request } = answerRequest(received.request, { outcome: 'full', summary: 'Budget joint', format: 'paper-copy', at: at(5).toISOString(), by: agent }, agent, at(5));

    expect(request.status).toBe('answered-full');
    expect(recourseOf(request)).toBeUndefined();
    expect(requestIndexAttributes(request).queuePk).toBeUndefined();
  });

  it('is withdrawn by its requester while open, with the reason', () => {
    const { request, event } = withdrawRequest(received.request, 'Trouvé ailleurs', citizen, at(1));

    expect(request).toMatchObject({ status: 'withdrawn', withdrawal: { at: at(1).toISOString(), reason: 'Trouvé ailleurs' } });
    expect(event).toMatchObject({ type: 'withdrawn', details: { reason: 'Trouvé ailleurs' } });
    expect(() => withdrawRequest(request, undefined, citizen, at(2))).toThrow(InvalidStateError);
  });
});
