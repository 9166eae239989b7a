// The recourse chain: the complaint to the head of the body within its filing period (unconfirmed 20 working days,
// kept by the request), the head's answer period (15), then the CDAI complaint pack with its 30-day deadline, from
// the head's answer or its deadline passing; issued once.
import { describe, expect, it } from 'vitest';
import { InvalidStateError } from '../../../functions/shared/errors/domain-errors.ts';
import { answerRequest, openRequest } from '../../../functions/transparency/domain/information-request.ts';
import {
  DEFAULT_RECOURSE_PERIODS,
  RecoursePeriodPassedError,
  answerInternalComplaint,
  cdaiPackOf,
  fileInternalComplaint,
  issueCdaiPack,
} from '../../../functions/transparency/domain/recourse.ts';
import { recordImplicitRefusal, requestClock } from '../../../functions/transparency/domain/request-clock.ts';
import { requestIndexAttributes } from '../../../functions/transparency/adapters/transparency-keys.ts';

const citizen = { sub: 'citizen-1', role: 'citizen' } as const;
const agent = { sub: 'agent-1', role: 'agent' } as const;
const president = { sub: 'president-1', role: 'president' } as const;
const none = new Set<string>();
// Monday 1 June 2026, 10:00 in Morocco.
const receivedAt = new Date('2026-06-01T09:00:00Z');
const answerPeriod = { days: 20, extensionDays: 20 };
const received = openRequest(
  { id: 'request-1', commune: 'rabat', channel: 'online', receivedAt: receivedAt.toISOString(), answerPeriod, recoursePeriods: DEFAULT_RECOURSE_PERIODS, clarificationSuspendsClock: false, clock: requestClock(answerPeriod, receivedAt, none), filedBy: citizen.sub },
  citizen,
  receivedAt,
).request;
const refusedAt = new Date('2026-06-03T09:00:00Z');
const refused = answerRequest(received, { outcome: 'refused', grounds: [{ ground: 'not-held', reason: 'Non détenu' }], at: refusedAt.toISOString(), by: agent }, agent, refusedAt).request;

describe('the complaint to the head of the body', () => {
  it('is filed within 20 working days of the refusal, with 15 working days for the head to answer', () => {
    const filedAt = new Date('2026-06-10T09:00:00Z');
    const { request, event } = fileInternalComplaint(refused, 'Je conteste', none, citizen, filedAt);

    expect(request.status).toBe('internal-complaint');
    expect(request.internalComplaint).toMatchObject({ reason: 'Je conteste', filedAt: filedAt.toISOString(), answerClock: { receiptDate: '2026-06-10', period: { days: 15, unit: 'working' }, dueDate: '2026-07-01' } });
    expect(event).toMatchObject({ type: 'internal-complaint-filed', statusBefore: 'refused', details: { filingDueDate: '2026-07-01', answerDueDate: '2026-07-01' } });
  });

  it('is refused once its filing period has passed, and for a request answered in full', () => {
    expect(() => fileInternalComplaint(refused, 'Trop tard', none, citizen, new Date('2026-07-02T09:00:00Z'))).toThrow(RecoursePeriodPassedError);
    const answered = answerRequest(received, { outcome: 'full', summary: 'Tout', format: 'electronic', at: refusedAt.toISOString(), by: agent }, agent, refusedAt).request;
    expect(() => fileInternalComplaint(answered, 'Pourquoi', none, citizen, refusedAt)).toThrow(InvalidStateError);
  });

  it('counts the filing period of the silence from the end of the answer period', () => {
    const silent = recordImplicitRefusal(received, new Date('2026-06-30T00:00:00Z')).request;

    // Due 29 June; 20 working days on: 27 July.
    expect(() => fileInternalComplaint(silent, 'Pas de réponse', none, citizen, new Date('2026-07-27T20:00:00Z'))).not.toThrow();
    expect(() => fileInternalComplaint(silent, 'Pas de réponse', none, citizen, new Date('2026-07-28T09:00:00Z'))).toThrow(RecoursePeriodPassedError);
  });
});

describe('the CDAI complaint pack', () => {
  const complained = fileInternalComplaint(refused, 'Je conteste', none, citizen, new Date('2026-06-10T09:00:00Z')).request;

  it('waits for the head to answer or let the answer period pass', () => {
    expect(() => issueCdaiPack(complained, none, citizen, new Date('2026-06-20T09:00:00Z'))).toThrow(InvalidStateError);
  });

  it("leaves the president's queue once answered, and runs 30 days from the answer, which the requester is told", () => {
    const answeredAt = new Date('2026-06-15T09:00:00Z');
    expect(requestIndexAttributes(complained)).toMatchObject({ complaintPk: 'COMPLAINTS#rabat', complaintSk: `${new Date(complained.internalComplaint!.answerClock.dueAt).toISOString()}#request-1` });
    const answered = answerInternalComplaint(complained, 'Rejetée', none, president, answeredAt);
    expect(answered.outbox?.[0]?.data).toMatchObject({ topic: 'internal-complaint-answered' });
    expect(requestIndexAttributes(answered.request).complaintPk).toBeUndefined();

    const issued = issueCdaiPack(answered.request, none, citizen, new Date('2026-06-16T09:00:00Z'))!;

    expect(issued.request).toMatchObject({ status: 'cdai-pack-issued', cdaiPack: { filingDeadline: { dueDate: '2026-07-15', days: 30 } } });
    expect(issueCdaiPack(issued.request, none, citizen, new Date('2026-06-17T09:00:00Z'))).toBeNull();
    expect(cdaiPackOf(issued.request, issued.request, [issued.event])).toMatchObject({ request: { id: 'request-1', status: 'cdai-pack-issued' }, timeline: [{ type: 'cdai-pack-issued' }] });
  });

  it('runs 30 days from the end of the head answer period when the head stayed silent', () => {
    const issued = issueCdaiPack(complained, none, citizen, new Date('2026-07-02T09:00:00Z'))!;

    // The head's period ended on 1 July: 30 days on, 31 July.
    expect(issued.request.cdaiPack?.filingDeadline.dueDate).toBe('2026-07-31');
  });
});

