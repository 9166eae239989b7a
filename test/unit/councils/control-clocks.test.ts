// The control periods as deadline cases: a closed session's transmission period (late deliberations recorded, the
// secretariat told), a received deliberation's opposition window and visa period (enforceable as an event), the
// workflow's answers, the open-deadline index's due instant and the recount when holidays change.
import { describe, expect, it } from 'vitest';
import {
  controlCheck,
  deliberationOpenDue,
  parseControlSubject,
  recordConvocationReminder,
  recordDeliberationLapses,
  withConvocationReminder,
  withNextMeetingReminder,
  recordTransmissionCheck,
  recountControl,
  sessionOpenDue,
  withTransmissionPeriod,
  CONTROL_EVENTS,
} from '../../../functions/councils/domain/control-clocks.ts';
import { defaultCouncilSettings } from '../../../functions/councils/domain/council-settings.ts';
import { enforceability, oppose, receive, transmit, type Deliberation } from '../../../functions/councils/domain/deliberation.ts';
import type { Session, SessionChange } from '../../../functions/councils/domain/session.ts';
import { NOTIFICATION_REQUESTED } from '../../../functions/notifications/public.ts';
import { startOfMoroccanDate } from '../../../functions/shared/statutory-clock/moroccan-day.ts';

const settings = defaultCouncilSettings('rabat', 'commune');
const secretary = { sub: 'secretary-1', role: 'council-secretary' };
const governor = { sub: 'g', role: 'governor' };
const at = (date: string, hours: number) => new Date(startOfMoroccanDate(date).getTime() + hours * 3_600_000);

function deliberation(itemNumber: number, itemType: Deliberation['itemType']): Deliberation {
  return {
    id: `s1.${itemNumber}`,
    body: 'rabat',
    sessionId: 's1',
    itemNumber,
    number: `2027/${itemNumber}`,
    year: 2027,
    title: `Point ${itemNumber}`,
    itemType,
    public: true,
    text: 'Texte',
    votes: [],
    result: { outcome: 'adopted', rule: 'votes-cast', required: 1, counts: { for: 1, against: 0, abstain: 0, 'not-voting': 0, conflict: 0 }, tieDecidedByPresident: false },
    adoptedAt: at('2027-10-20', 11).toISOString(),
    state: 'adopted',
    version: 1,
    updatedAt: at('2027-10-20', 11).toISOString(),
  };
}

const decided = (n: number) => ({ number: n, title: `Point ${n}`, text: 'T', itemType: 'ordinary' as const, origin: 'president' as const, public: true, addedAt: '', decision: { deliberationId: `s1.${n}`, number: `2027/${n}`, outcome: 'adopted' as const } });
const closedAt = at('2027-10-20', 12);
const closedSession = { id: 's1', body: 'rabat', name: 'Session d’octobre', agenda: [decided(1), decided(2)], status: 'closed', closedAt: closedAt.toISOString(), version: 7, updatedAt: closedAt.toISOString() } as unknown as Session;
const closing: SessionChange = { session: closedSession, event: { sessionId: 's1', version: 7, type: 'closed', at: closedAt.toISOString(), by: secretary }, outbox: [] };

describe('the transmission period of a closed session', () => {
  it('starts at the close in working days, enters the open-deadline index and asks for a workflow', () => {
    // Closed Wednesday 20 October 2027; a holiday on Monday 25: ten working days end on Thursday 4 November.
    const change = withTransmissionPeriod(closing, settings, new Set(['2027-10-25']), secretary, closedAt);
    expect(change.session.transmissionControl).toMatchObject({ notify: 'secretary-1', clock: { dueDate: '2027-11-04', period: { days: 10, unit: 'working' } } });
    expect(sessionOpenDue(change.session)).toBe(change.session.transmissionControl!.clock.dueAt);
    expect(change.outbox).toEqual([expect.objectContaining({ type: CONTROL_EVENTS.watched, data: { subject: 'session-s1', version: 7 } })]);
  });

  it('does not start for a session that decided nothing', () => {
    const nothing = { ...closing, session: { ...closedSession, agenda: [] } };
    expect(withTransmissionPeriod(nothing, settings, new Set(), secretary, closedAt)).toBe(nothing);
  });

  it('at its due instant records the deliberations not transmitted and tells the secretariat which', () => {
    const session = withTransmissionPeriod(closing, settings, new Set(), secretary, closedAt).session;
    const sent = transmit(deliberation(1, 'ordinary'), session, settings, new Set(), secretary, at('2027-10-22', 10)).deliberation;
    const forgotten = deliberation(2, 'ordinary');
    expect(recordTransmissionCheck(session, [sent, forgotten], at('2027-11-03', 23))).toBeUndefined();
    const checked = recordTransmissionCheck(session, [sent, forgotten], at('2027-11-04', 0.5))!;
    expect(checked.session.transmissionControl!.checked).toEqual({ at: at('2027-11-04', 0.5).toISOString(), late: ['2027/2'] });
    expect(checked.event.type).toBe('transmission-late');
    expect(checked.outbox).toEqual([expect.objectContaining({ type: NOTIFICATION_REQUESTED, data: expect.objectContaining({ recipient: 'secretary-1', topic: 'council-transmission-late' }) })]);
    expect(sessionOpenDue(checked.session)).toBeUndefined();
    expect(controlCheck('session-s1', { kind: 'session', session: checked.session }, at('2027-11-04', 1))).toEqual({ subject: 'session-s1', state: 'lapsed' });
    expect(recordTransmissionCheck(checked.session, [forgotten], at('2027-11-05', 1))).toBeUndefined();
  });

  it('closes without telling anyone when every deliberation went in time', () => {
    const session = withTransmissionPeriod(closing, settings, new Set(), secretary, closedAt).session;
    const all = [1, 2].map((n) => transmit(deliberation(n, 'ordinary'), session, settings, new Set(), secretary, at('2027-10-22', 10)).deliberation);
    const checked = recordTransmissionCheck(session, all, at('2027-11-04', 1))!;
    expect(checked).toMatchObject({ event: { type: 'transmission-complete' }, outbox: [] });
    expect(controlCheck('session-s1', { kind: 'session', session: checked.session }, at('2027-11-04', 1))).toEqual({ subject: 'session-s1', state: 'closed' });
  });

  it('is running until then, waking just after its due instant', () => {
    const session = withTransmissionPeriod(closing, settings, new Set(), secretary, closedAt).session;
    const wake = new Date(Date.parse(session.transmissionControl!.clock.dueAt) + 1).toISOString();
    expect(controlCheck('session-s1', { kind: 'session', session }, at('2027-10-21', 10))).toEqual({ subject: 'session-s1', state: 'running', wakeAt: wake });
  });

  it('moves with a holiday an administrator adds inside it, and asks for a workflow for the new version', () => {
    const session = withTransmissionPeriod(closing, settings, new Set(), secretary, closedAt).session;
    expect(session.transmissionControl!.clock.dueDate).toBe('2027-11-03');
    const moved = recountControl({ kind: 'session', session }, new Set(['2027-10-26']), at('2027-10-21', 10));
    expect(moved).toMatchObject({ kind: 'session', change: { session: { version: 8, transmissionControl: { clock: { dueDate: '2027-11-04' } } }, event: { type: 'deadline-recounted' } } });
    expect(moved!.change.outbox).toEqual([expect.objectContaining({ type: CONTROL_EVENTS.watched, data: { subject: 'session-s1', version: 8 } })]);
    expect(recountControl({ kind: 'session', session }, new Set(['2027-12-01']), at('2027-10-21', 10))).toBeUndefined();
  });
});

describe("a received deliberation's opposition window and visa period", () => {
  const session = withTransmissionPeriod(closing, settings, new Set(), secretary, closedAt).session;
  const received = (itemType: Deliberation['itemType']) => {
    const sent = transmit(deliberation(1, itemType), session, settings, new Set(), secretary, at('2027-10-21', 10)).deliberation;
    return receive(sent, settings, new Set(), governor, at('2027-10-22', 10));
  };

  it('asks for a workflow at the receipt, and starts a visa period only for the item types that need one', () => {
    const plain = received('ordinary');
    expect(plain.outbox).toEqual([expect.objectContaining({ type: CONTROL_EVENTS.watched, data: { subject: 'deliberation-s1.1', version: 3 } })]);
    expect(plain.deliberation.visa).toBeUndefined();
    // The budget needs a visa: 20 calendar days from Friday 22 October (unconfirmed default).
    expect(received('budget').deliberation.visa!.clock).toMatchObject({ dueDate: '2027-11-11', period: { days: 20, unit: 'calendar' } });
    const none = { ...settings, visa: { itemTypes: [], days: 20, unit: 'calendar' as const } };
    const sent = transmit(deliberation(1, 'budget'), session, none, new Set(), secretary, at('2027-10-21', 10)).deliberation;
    expect(receive(sent, none, new Set(), governor, at('2027-10-22', 10)).deliberation.visa).toBeUndefined();
  });

  it('starts no visa period for a rejected deliberation, which has nothing to approve', () => {
    const rejected = { ...deliberation(1, 'budget'), result: { ...deliberation(1, 'budget').result, outcome: 'rejected' as const } };
    const sent = transmit(rejected, session, settings, new Set(), secretary, at('2027-10-21', 10)).deliberation;
    const { deliberation: open } = receive(sent, settings, new Set(), governor, at('2027-10-22', 10));
    expect(open.visa).toBeUndefined();
    expect(recordDeliberationLapses(open, at('2027-10-28', 1))).toMatchObject({ event: { type: 'opposition-window-passed' }, outbox: [] });
  });

  it('records at the end of the window without opposition that the deliberation is enforceable, as an event', () => {
    const { deliberation: open } = received('ordinary');
    expect(deliberationOpenDue(open)).toBe(open.receipt!.oppositionClock.dueAt);
    expect(recordDeliberationLapses(open, at('2027-10-27', 20))).toBeUndefined();
    const passed = recordDeliberationLapses(open, at('2027-10-28', 1))!;
    expect(passed.event.type).toBe('became-enforceable');
    expect(passed.deliberation.enforceableSince).toBe(open.receipt!.oppositionClock.dueAt);
    expect(passed.outbox).toEqual([expect.objectContaining({ type: CONTROL_EVENTS.enforceable, data: expect.objectContaining({ deliberationId: 's1.1', since: open.receipt!.oppositionClock.dueAt }) })]);
    expect(deliberationOpenDue(passed.deliberation)).toBeUndefined();
    expect(controlCheck('deliberation-s1.1', { kind: 'deliberation', deliberation: passed.deliberation }, at('2027-10-28', 1))).toMatchObject({ state: 'lapsed' });
    expect(recordDeliberationLapses(passed.deliberation, at('2027-10-29', 1))).toBeUndefined();
  });

  it('waits for the visa period after the window, then becomes enforceable', () => {
    const { deliberation: open } = received('budget');
    const windowPassed = recordDeliberationLapses(open, at('2027-10-28', 1))!;
    expect(windowPassed).toMatchObject({ event: { type: 'opposition-window-passed' }, outbox: [] });
    expect(enforceability(windowPassed.deliberation, at('2027-10-28', 1))).toEqual({ enforceable: false, reason: 'visa-period-running' });
    expect(controlCheck('deliberation-s1.1', { kind: 'deliberation', deliberation: windowPassed.deliberation }, at('2027-10-28', 1))).toMatchObject({ state: 'running', wakeAt: new Date(Date.parse(open.visa!.clock.dueAt) + 1).toISOString() });
    expect(deliberationOpenDue(windowPassed.deliberation)).toBe(open.visa!.clock.dueAt);
    const visaPassed = recordDeliberationLapses(windowPassed.deliberation, at('2027-11-12', 1))!;
    expect(visaPassed.event.type).toBe('became-enforceable');
    expect(visaPassed.deliberation.enforceableSince).toBe(open.visa!.clock.dueAt);
  });

  it('never becomes enforceable once opposed: the window closes with the opposition', () => {
    const { deliberation: open } = received('ordinary');
    const opposed = oppose(open, 'Motifs', governor, at('2027-10-25', 10)).deliberation;
    expect(deliberationOpenDue(opposed)).toBeUndefined();
    expect(recordDeliberationLapses(opposed, at('2027-11-30', 1))).toBeUndefined();
    expect(controlCheck('deliberation-s1.1', { kind: 'deliberation', deliberation: opposed }, at('2027-10-25', 11))).toMatchObject({ state: 'closed' });
  });

  it('moves its window with a holiday added inside it', () => {
    const { deliberation: open } = received('ordinary');
    expect(open.receipt!.oppositionClock.dueDate).toBe('2027-10-27');
    const moved = recountControl({ kind: 'deliberation', deliberation: open }, new Set(['2027-10-26']), at('2027-10-25', 10));
    expect(moved).toMatchObject({ kind: 'deliberation', change: { deliberation: { receipt: { oppositionClock: { dueDate: '2027-10-28' } } }, event: { type: 'deadline-recounted' } } });
  });
});

describe("a planned session's convocation reminder", () => {
  // An ordinary session on Tuesday 12 October 2027: ten days' notice make 2 October the last day to convene; the
  // secretariat is reminded three days before, on 29 September at 09:00 in Morocco.
  const start = at('2027-10-12', 10).toISOString();
  const planned = { id: 's2', body: 'rabat', kind: 'ordinary', name: 'Octobre', start, agenda: [], convocations: [], sittings: [], status: 'planned', version: 1, updatedAt: '' } as unknown as Session;
  const planning = (now: Date): SessionChange => ({ session: planned, event: { sessionId: 's2', version: 1, type: 'planned', at: now.toISOString(), by: secretary }, outbox: [] });

  it('is due N days before the last day the notice allows, enters the index and asks for a workflow', () => {
    const change = withConvocationReminder(planning(at('2027-09-01', 9)), settings, secretary, at('2027-09-01', 9));
    expect(change.session.convocationReminder).toEqual({ lastDay: '2027-10-02', at: at('2027-09-29', 9).toISOString(), notify: 'secretary-1' });
    expect(sessionOpenDue(change.session)).toBe(at('2027-09-29', 9).toISOString());
    expect(change.outbox).toEqual([expect.objectContaining({ type: CONTROL_EVENTS.watched, data: { subject: 'session-s2', version: 1 } })]);
    expect(controlCheck('session-s2', { kind: 'session', session: change.session }, at('2027-09-01', 9))).toEqual({ subject: 'session-s2', state: 'running', wakeAt: at('2027-09-29', 9).toISOString() });
  });

  it('follows the settings: the notice and how many days before', () => {
    const custom = { ...settings, noticeDays: { ordinary: 15, extraordinary: 3 }, reminders: { convocationDaysBefore: 1 } };
    expect(withConvocationReminder(planning(at('2027-09-01', 9)), custom, secretary, at('2027-09-01', 9)).session.convocationReminder).toMatchObject({ lastDay: '2027-09-27', at: at('2027-09-26', 9).toISOString() });
  });

  it('is not scheduled for a session planned once its instant has passed (its planner is at work on it)', () => {
    expect(withConvocationReminder(planning(at('2027-09-29', 8)), settings, secretary, at('2027-09-29', 8)).session.convocationReminder).toBeDefined();
    const inside = planning(at('2027-09-29', 9));
    expect(withConvocationReminder(inside, settings, secretary, at('2027-09-29', 9))).toBe(inside);
    const tooLate = planning(at('2027-10-03', 9));
    expect(withConvocationReminder(tooLate, settings, secretary, at('2027-10-03', 9))).toBe(tooLate);
  });

  it('tells the secretariat the last day once, at its instant, and then leaves the index', () => {
    const session = withConvocationReminder(planning(at('2027-09-01', 9)), settings, secretary, at('2027-09-01', 9)).session;
    expect(recordConvocationReminder(session, at('2027-09-29', 8))).toBeUndefined();
    const sent = recordConvocationReminder(session, at('2027-09-29', 9))!;
    expect(sent.event.type).toBe('convocation-reminder-sent');
    expect(sent.outbox).toEqual([expect.objectContaining({ type: NOTIFICATION_REQUESTED, data: expect.objectContaining({ recipient: 'secretary-1', topic: 'council-convocation-reminder', message: expect.objectContaining({ fr: expect.stringContaining('2027-10-02') }) }) })]);
    expect(sessionOpenDue(sent.session)).toBeUndefined();
    expect(recordConvocationReminder(sent.session, at('2027-09-30', 9))).toBeUndefined();
    expect(controlCheck('session-s2', { kind: 'session', session: sent.session }, at('2027-09-29', 9))).toEqual({ subject: 'session-s2', state: 'closed' });
  });

  it('is not sent for a session convened before its day', () => {
    const session = withConvocationReminder(planning(at('2027-09-01', 9)), settings, secretary, at('2027-09-01', 9)).session;
    const convened = { ...session, status: 'convened', convocations: [{ round: 1, convenedAt: '', start, noticeDays: 20 }] } as Session;
    expect(recordConvocationReminder(convened, at('2027-09-29', 9))).toBeUndefined();
    expect(sessionOpenDue(convened)).toBeUndefined();
  });
});

describe("the reminder of the next meeting's drafted convocation", () => {
  // A first sitting without quorum on Tuesday 12 October 2027: the second meeting may be held from Friday 15.
  const start = at('2027-10-12', 10).toISOString();
  const adjourned = {
    id: 's3', body: 'rabat', kind: 'ordinary', name: 'Octobre', start, agenda: [], sittings: [], status: 'adjourned', version: 4, updatedAt: '',
    convocations: [{ round: 1, convenedAt: '', start, noticeDays: 14 }],
    convocationReminder: { lastDay: '2027-10-02', at: at('2027-09-29', 9).toISOString(), notify: 'secretary-1', sentAt: at('2027-09-29', 9).toISOString() },
    next: { round: 2, earliest: '2027-10-15', latest: '2027-10-17', proposedStart: at('2027-10-15', 10).toISOString() },
  } as unknown as Session;
  const opening = at('2027-10-12', 10);
  const adjourning: SessionChange = { session: adjourned, event: { sessionId: 's3', version: 4, type: 'adjourned-without-quorum', at: opening.toISOString(), by: secretary }, outbox: [] };

  it('is due at 09:00 the day after the adjournment, naming the eve of the meeting, on the same deadline case', () => {
    const change = withNextMeetingReminder(adjourning, secretary, opening);
    expect(change.session.convocationReminder).toEqual({ round: 2, lastDay: '2027-10-14', at: at('2027-10-13', 9).toISOString(), notify: 'secretary-1' });
    expect(sessionOpenDue(change.session)).toBe(at('2027-10-13', 9).toISOString());
    expect(change.outbox).toEqual([expect.objectContaining({ type: CONTROL_EVENTS.watched, data: { subject: 'session-s3', version: 4 } })]);
    expect(controlCheck('session-s3', { kind: 'session', session: change.session }, opening)).toEqual({ subject: 'session-s3', state: 'running', wakeAt: at('2027-10-13', 9).toISOString() });
    const sent = recordConvocationReminder(change.session, at('2027-10-13', 9))!;
    expect(sent.outbox).toEqual([expect.objectContaining({ data: expect.objectContaining({ topic: 'council-convocation-reminder', message: expect.objectContaining({ fr: expect.stringContaining('réunion 2') }) }) })]);
    expect(sessionOpenDue(sent.session)).toBeUndefined();
  });

  it('is not sent once the next meeting is convened, and none is asked for a sitting that deliberates', () => {
    const reminded = withNextMeetingReminder(adjourning, secretary, opening).session;
    const convened = { ...reminded, status: 'convened', convocations: [...reminded.convocations, { round: 2, convenedAt: '', start, noticeDays: 3 }] } as Session;
    expect(recordConvocationReminder(convened, at('2027-10-13', 9))).toBeUndefined();
    expect(sessionOpenDue(convened)).toBeUndefined();
    const sitting: SessionChange = { ...adjourning, session: { ...adjourned, status: 'sitting', next: undefined } as Session };
    expect(withNextMeetingReminder(sitting, secretary, opening)).toBe(sitting);
  });
});

describe('the subjects of the control cases', () => {
  it('name a session or a deliberation, and nothing else', () => {
    expect(parseControlSubject('session-1f0c')).toEqual({ kind: 'session', id: '1f0c' });
    expect(parseControlSubject('deliberation-1f0c.2')).toEqual({ kind: 'deliberation', id: '1f0c.2' });
    expect(parseControlSubject('permit-1')).toBeUndefined();
  });
});
