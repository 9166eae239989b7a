// The end of the recourse chain: the CDAI's decision recorded with its dates checked and the appeal period counted
// (unconfirmed defaults kept by the request), the court appeal within it, the closure after the judgment or once the
// appeal period passed; and the head of the body's reminder a few working days before the answer period ends.
import { describe, expect, it } from 'vitest';
import { InvalidStateError } from '../../../functions/shared/errors/domain-errors.ts';
import { answerRequest, openRequest, type InformationRequest } from '../../../functions/transparency/domain/information-request.ts';
import { DEFAULT_RECOURSE_PERIODS, RecoursePeriodPassedError, answerInternalComplaint, fileInternalComplaint, issueCdaiPack } from '../../../functions/transparency/domain/recourse.ts';
import {
  COMPLAINT_REMINDER_WATCHED,
  closeRequest,
  complaintReminderDue,
  recordCdaiDecision,
  recordCourtAppeal,
  remindHeadOfBody,
  withComplaintReminder,
} from '../../../functions/transparency/domain/recourse-end.ts';
import { requestClock } from '../../../functions/transparency/domain/request-clock.ts';

const citizen = { sub: 'citizen-1', role: 'citizen' } as const;
const agent = { sub: 'agent-1', role: 'agent' } as const;
const president = { sub: 'president-1', role: 'president' } as const;
const none = new Set<string>();
const at = (iso: string) => new Date(iso);
const answerPeriod = { days: 20, extensionDays: 20 };
const receivedAt = at('2026-06-01T09:00:00Z');
const received = openRequest(
  { id: 'request-1', commune: 'rabat', channel: 'online', receivedAt: receivedAt.toISOString(), answerPeriod, recoursePeriods: { complaintFilingDays: 20, complaintAnswerDays: 15 }, clarificationSuspendsClock: false, clock: requestClock(answerPeriod, receivedAt, none), filedBy: citizen.sub },
  citizen,
  receivedAt,
).request;
const refused = answerRequest(received, { outcome: 'refused', grounds: [{ ground: 'not-held', reason: 'Non détenu' }], at: '2026-06-03T09:00:00.000Z', by: agent }, agent, at('2026-06-03T09:00:00Z')).request;
// Filed Wednesday 10 June: the head answers by Wednesday 1 July (15 working days).
const complained = fileInternalComplaint(refused, 'Je conteste', none, citizen, at('2026-06-10T09:00:00Z'));
const answered = answerInternalComplaint(complained.request, 'Rejetée', none, president, at('2026-06-20T09:00:00Z')).request;
const packed = issueCdaiPack(answered, none, citizen, at('2026-06-22T09:00:00Z'))!.request;
const decision = { outcome: 'dismissed', summary: 'Rejet', complaintFiledOn: '2026-06-25', decidedOn: '2026-08-10' } as const;
const decided = recordCdaiDecision(packed, decision, none, agent, at('2026-08-12T09:00:00Z')).request;

describe("the CDAI's decision", () => {
  it('records the decision, whether it came after its period, and the appeal period, the defaults of a request that kept none', () => {
    expect(decided.status).toBe('cdai-decided');
    // 30 days from 25 June: Saturday 25 July, carried to Monday 27 July as the case clock carries a calendar period
    // ending on a day off; decided 10 August, late. 60 days from 10 August: Friday 9 October.
    expect(decided.cdaiDecision).toMatchObject({ outcome: 'dismissed', decisionDueDate: '2026-07-27', late: true, appealClock: { dueDate: '2026-10-09' } });
  });

  it('is refused before the pack, and with dates in the future or before the pack', () => {
    expect(() => recordCdaiDecision(answered, decision, none, agent, at('2026-08-12T09:00:00Z'))).toThrow(InvalidStateError);
    expect(() => recordCdaiDecision(packed, { ...decision, decidedOn: '2026-08-13' }, none, agent, at('2026-08-12T09:00:00Z'))).toThrow(InvalidStateError);
    expect(() => recordCdaiDecision(packed, { ...decision, complaintFiledOn: '2026-06-21' }, none, agent, at('2026-08-12T09:00:00Z'))).toThrow(InvalidStateError);
  });

  it("counts in the commune's own periods kept by the request", () => {
    const shorter: InformationRequest = { ...packed, recoursePeriods: { ...DEFAULT_RECOURSE_PERIODS, courtAppealDays: 10 } };
    expect(recordCdaiDecision(shorter, decision, none, agent, at('2026-08-12T09:00:00Z')).request.cdaiDecision!.appealClock.dueDate).toBe('2026-08-20');
  });
});

describe('the court and the closure', () => {
  it('records an appeal within its period, refuses one after, and closes after the judgment', () => {
    expect(() => recordCourtAppeal(decided, { court: 'TA Rabat', filedOn: '2026-10-10' }, citizen, at('2026-10-12T09:00:00Z'))).toThrow(RecoursePeriodPassedError);
    const appealed = recordCourtAppeal(decided, { court: 'TA Rabat', filedOn: '2026-09-01' }, citizen, at('2026-09-02T09:00:00Z')).request;
    expect(appealed.status).toBe('court-appeal');
    expect(() => closeRequest(appealed, { reason: 'no-appeal' }, agent, at('2026-12-02T09:00:00Z'))).toThrow(InvalidStateError);
    const closed = closeRequest(appealed, { reason: 'judgment', judgment: { summary: 'Annulation', on: '2026-12-01' } }, agent, at('2026-12-02T09:00:00Z'));
    expect(closed.request).toMatchObject({ status: 'closed', courtAppeal: { judgment: { on: '2026-12-01' } }, closure: { reason: 'judgment' } });
    expect(closed.event).toMatchObject({ type: 'closed', statusBefore: 'court-appeal', statusAfter: 'closed' });
  });

  it('closes with no appeal only once the appeal period has passed', () => {
    expect(() => closeRequest(decided, { reason: 'no-appeal' }, agent, at('2026-10-09T20:00:00Z'))).toThrow(InvalidStateError);
    expect(closeRequest(decided, { reason: 'no-appeal' }, agent, at('2026-10-10T09:00:00Z')).request.status).toBe('closed');
  });
});

describe("the head of the body's reminder", () => {
  const watched = withComplaintReminder(complained, none);

  it('falls at the end of the working day that leaves 3 of the 15, and has a workflow watch it', () => {
    // 12 working days from Wednesday 10 June: Friday 26 June, its end in Morocco.
    expect(watched.request.internalComplaint!.remindAt).toBe('2026-06-26T23:59:59.999+01:00');
    expect(watched.outbox?.map((event) => event.type)).toContain(COMPLAINT_REMINDER_WATCHED);
  });

  it('waits until its instant, then tells the head of the body once; none once the complaint is answered', () => {
    expect(complaintReminderDue(watched.request, at('2026-06-20T09:00:00Z'))).toEqual({ state: 'running', wakeAt: '2026-06-26T23:59:59.999+01:00' });
    expect(complaintReminderDue(watched.request, at('2026-06-27T09:00:00Z'))).toEqual({ state: 'due' });
    const reminded = remindHeadOfBody(watched.request, 'president-1', at('2026-06-27T09:00:00Z'));
    expect(reminded.event.type).toBe('complaint-reminded');
    expect(reminded.outbox?.map((event) => (event.data as { recipient?: string }).recipient)).toEqual(['president-1']);
    expect(complaintReminderDue(reminded.request, at('2026-06-28T09:00:00Z'))).toEqual({ state: 'closed' });
    expect(remindHeadOfBody(watched.request, undefined, at('2026-06-27T09:00:00Z')).outbox).toBeUndefined();
    expect(complaintReminderDue({ ...watched.request, internalComplaint: { ...watched.request.internalComplaint!, answer: { text: 'x', at: '2026-06-15T09:00:00Z', by: president } } }, at('2026-06-27T09:00:00Z'))).toEqual({ state: 'closed' });
  });
});
