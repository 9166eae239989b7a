// The clock of an access-to-information request: 20 working days from the day after receipt (urgent: 3), one
// extension of the same kind only once its notice is recorded and before expiry, the implicit refusal at expiry
// with the requester told the recourse, and a recount when holidays change.
import { describe, expect, it } from 'vitest';
import { clockExplanation, ExtensionRefusedError } from '../../../functions/shared/case-clock/domain/case-clock.ts';
import { InvalidStateError } from '../../../functions/shared/errors/domain-errors.ts';
import { requestIndexAttributes } from '../../../functions/transparency/adapters/transparency-keys.ts';
import { noticeExtension, openRequest, type InformationRequest } from '../../../functions/transparency/domain/information-request.ts';
import {
  ExtensionNoticeRequiredError,
  answerPeriodOf,
  askClarification,
  recordClarification,
  ImplicitlyRefusedError,
  extendRequest,
  recordImplicitRefusal,
  recountRequestDeadline,
  requestClock,
  requireRunningClock,
} from '../../../functions/transparency/domain/request-clock.ts';
import { defaultTransparencySettings } from '../../../functions/transparency/domain/transparency-settings.ts';

const settings = defaultTransparencySettings('rabat');
const agent = { sub: 'agent-1', role: 'agent' } as const;
// Eid al-Fitr 2026 as estimated: Friday 20 and Saturday 21 March.
const eid = new Set(['2026-03-20', '2026-03-21']);
// Thursday 19 March 2026, 10:00 in Morocco (UTC+1).
const thursdayBeforeEid = new Date('2026-03-19T09:00:00Z');

function opened(fields: Partial<InformationRequest> & { urgent?: boolean } = {}, receivedAt = thursdayBeforeEid, holidays: ReadonlySet<string> = eid): InformationRequest {
  const { urgent = false, ...rest } = fields;
  const answerPeriod = answerPeriodOf(settings, urgent);
  const clock = requestClock(answerPeriod, receivedAt, holidays);
  return openRequest(
    { id: 'request-1', commune: 'rabat', channel: 'online', receivedAt: receivedAt.toISOString(), answerPeriod, recoursePeriods: settings.recourse, clarificationSuspendsClock: false, clock, filedBy: 'citizen-1', ...(urgent && { urgency: { justification: 'Danger' } }), ...rest },
    { sub: 'citizen-1', role: 'citizen' },
    receivedAt,
  ).request;
}

describe('the clock of a request', () => {
  it('counts 20 working days from the day after receipt, skipping the weekends and Eid', () => {
    // 20 March to 17 April: 21 weekdays, one of them Eid.
    expect(opened().clock).toMatchObject({ receiptDate: '2026-03-19', period: { days: 20, unit: 'working' }, dueDate: '2026-04-17', holidays: ['2026-03-20', '2026-03-21'] });
  });

  it('counts an urgent request in 3 working days across Eid and the weekend, and says so in its explanation', () => {
    const { clock } = opened({ urgent: true });

    expect(clock.dueDate).toBe('2026-03-25');
    const explanation = clockExplanation(clock);
    expect(explanation.find((step) => step.code === 'non-working-day')).toMatchObject({ from: '2026-03-20', to: '2026-03-22', days: 3 });
    expect(explanation.find((step) => step.code === 'non-working-day')?.text.fr).toMatch(/jour férié/);
  });

  it('refuses an extension whose notice was not recorded first, and writes nothing', () => {
    const request = opened();

    expect(() => extendRequest(request, eid, agent, new Date('2026-03-30T09:00:00Z'))).toThrow(ExtensionNoticeRequiredError);
  });

  it('extends once by 20 working days with the reason of its notice, watched afresh and told to the requester', () => {
    const noticed = noticeExtension(opened(), { reason: 'Volume', channel: 'platform' }, agent, new Date('2026-03-30T09:00:00Z')).request;

    const { request, event, outbox } = extendRequest(noticed, eid, agent, new Date('2026-03-30T10:00:00Z'));

    expect(request).toMatchObject({ status: 'extended', clock: { dueDate: '2026-05-15', extension: { days: 20, reason: 'Volume', grantedOn: '2026-03-30' } } });
    expect(event).toMatchObject({ type: 'extended', details: { reason: 'Volume', dueDateBefore: '2026-04-17', dueDateAfter: '2026-05-15' } });
    expect(outbox!.map((domainEvent) => domainEvent.type)).toEqual(['information-request.deadline-watched', 'notification.requested']);
    expect(() => extendRequest(request, eid, agent, new Date('2026-04-01T09:00:00Z'))).toThrow(ExtensionRefusedError);
  });

  it('extends an urgent request by 3 working days', () => {
    const noticed = noticeExtension(opened({ urgent: true }), { reason: 'Tiers consultés', channel: 'email' }, agent, new Date('2026-03-23T09:00:00Z')).request;

    expect(extendRequest(noticed, eid, agent, new Date('2026-03-23T10:00:00Z')).request.clock.dueDate).toBe('2026-03-30');
  });

  it('refuses an extension once the deadline has passed', () => {
    const noticed = noticeExtension(opened({ urgent: true }), { reason: 'Volume', channel: 'post' }, agent, new Date('2026-03-24T09:00:00Z')).request;

    expect(() => extendRequest(noticed, eid, agent, new Date('2026-03-26T09:00:00Z'))).toThrow(ExtensionRefusedError);
  });

  it('lets changes through until the last instant of the due day, and refuses them after it as an implicit refusal', () => {
    const request = opened({ urgent: true });

    expect(() => requireRunningClock(request, new Date('2026-03-25T22:59:59.999Z'))).not.toThrow();
    expect(() => requireRunningClock(request, new Date('2026-03-25T23:00:00Z'))).toThrow(ImplicitlyRefusedError);
  });
});

describe('a clarification', () => {
  const asked = new Date('2026-03-23T09:00:00Z');
  const replied = new Date('2026-03-26T09:00:00Z');

  it('leaves the clock running by default, and records the reply', () => {
    const question = askClarification(opened(), 'Quelle année ?', eid, agent, asked);

    expect(question.request.clock).toEqual(opened().clock);
    expect(question.event).toMatchObject({ type: 'clarification-asked', details: { question: 'Quelle année ?', suspendsClock: false } });
    expect(question.outbox?.map((domainEvent) => domainEvent.type)).toEqual(['notification.requested']);
    expect(() => askClarification(question.request, 'Et le format ?', eid, agent, asked)).toThrow(InvalidStateError);

    const reply = recordClarification(question.request, '2025', eid, { sub: 'citizen-1', role: 'citizen' }, replied);
    expect(reply.request.clarifications).toEqual([{ question: 'Quelle année ?', askedAt: asked.toISOString(), askedBy: agent, suspendsClock: false, reply: '2025', repliedAt: replied.toISOString(), repliedBy: { sub: 'citizen-1', role: 'citizen' } }]);
    expect(reply.request.clock.dueDate).toBe('2026-04-17');
    expect(reply.outbox).toBeUndefined();
  });

  it("suspends the clock where the commune's rule says so, and resumes it at the reply with the due date moved and watched again", () => {
    const suspending = { ...opened(), clarificationSuspendsClock: true };
    const question = askClarification(suspending, 'Quelle année ?', eid, agent, asked);
    expect(question.request.clock.suspensions).toEqual([{ from: '2026-03-23', startedAt: asked.toISOString() }]);

    const reply = recordClarification(question.request, '2025', eid, agent, replied);

    // Monday 23 to Thursday 26 March suspended, both ends included: the kit adds those 4 days to the last day
    // (Friday 17 April), and Tuesday 21 April is the first working day it reaches.
    expect(reply.request.clock.dueDate).toBe('2026-04-21');
    expect(reply.event.details).toEqual({ dueDateBefore: question.request.clock.dueDate, dueDateAfter: '2026-04-21' });
    expect(reply.outbox?.map((domainEvent) => domainEvent.type)).toEqual(['information-request.deadline-watched']);
  });

  it('refuses a reply when no question waits for one', () => {
    expect(() => recordClarification(opened(), '2025', eid, agent, replied)).toThrow(InvalidStateError);
  });
});

describe('the implicit refusal', () => {
  const lapsedAt = new Date('2026-03-25T23:00:00Z');

  it('closes the request, takes it off the queue and the deadline index, and tells its requester the recourse', () => {
    const { request, event, outbox } = recordImplicitRefusal(opened({ urgent: true }), lapsedAt);

    expect(request).toMatchObject({ status: 'implicitly-refused', lapsedAt: lapsedAt.toISOString() });
    expect(event).toMatchObject({ type: 'implicitly-refused', by: { role: 'system' }, statusBefore: 'received', statusAfter: 'implicitly-refused' });
    expect(outbox).toEqual([expect.objectContaining({ type: 'notification.requested', data: expect.objectContaining({ recipient: 'citizen-1', topic: 'implicitly-refused' }) })]);
    expect(String((outbox![0]!.data as { message: { fr: string } }).message.fr)).toContain('CDAI');
    expect(Object.keys(requestIndexAttributes(request)).sort()).toEqual(['priority', 'requesterPk', 'requesterSk']);
  });

  it('tells no one of a request an agent registered: it has no account to tell', () => {
    const { filedBy: _none, ...registered } = opened({ channel: 'post' });

    expect(recordImplicitRefusal(registered, lapsedAt).outbox).toBeUndefined();
  });
});

describe('the recount', () => {
  it('moves an open deadline when a holiday is added on a counted day, and watches the new one', () => {
    const request = opened({}, thursdayBeforeEid, new Set());

    const recounted = recountRequestDeadline(request, eid, 2026, new Date('2026-03-19T12:00:00Z'));

    expect(recounted?.request.clock.dueDate).toBe('2026-04-17');
    expect(request.clock.dueDate).toBe('2026-04-16');
    expect(recounted?.outbox?.map((domainEvent) => domainEvent.type)).toEqual(['information-request.deadline-watched']);
  });

  it('leaves a closed request alone', () => {
    const refused = recordImplicitRefusal(opened({ urgent: true }), new Date('2026-03-26T09:00:00Z')).request;

    expect(recountRequestDeadline(refused, new Set(), 2026, new Date('2026-03-26T10:00:00Z'))).toBeUndefined();
  });
});
