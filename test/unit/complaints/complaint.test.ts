// The complaint's lifecycle: its two clocks from the receipt, each transition allowed only from its states and
// recorded as an event saying who, when and why, the answer clock suspended by a request for information, the
// transfer keeping the clocks, one reopening within the window, one rating per answer.
import { describe, expect, it } from 'vitest';
import {
  acknowledgeComplaint,
  answerComplaint,
  assignComplaint,
  closeComplaint,
  fileComplaint,
  provideInformation,
  qualifyComplaint,
  rateComplaint,
  reopenComplaint,
  requestInformation,
  takeUpComplaint,
  transferComplaint,
  type Complaint,
} from '../../../functions/complaints/domain/complaint.ts';
import { DEFAULT_CATEGORIES } from '../../../functions/complaints/domain/complaint-settings.ts';
import { InvalidStateError } from '../../../functions/shared/errors/domain-errors.ts';
import { RULES } from './complaint-fixtures.ts';

const NO_HOLIDAYS = new Set<string>();
const DAY = 86_400_000;
const received = new Date('2026-06-01T09:15:42.250Z');
const citizen = { sub: 'citizen-1', role: 'citizen' } as const;
const officer = { sub: 'officer-1', role: 'complaints-officer' } as const;
const lighting = DEFAULT_CATEGORIES.find((category) => category.code === 'eclairage-public')!;
const later = (days: number) => new Date(received.getTime() + days * DAY);

function filed(): Complaint {
  return fileComplaint({ id: 'c-1', commune: 'rabat', kind: 'reclamation', category: 'eclairage-public', text: 'Lampadaires éteints', channel: 'online', complainant: 'citizen-1' }, { category: lighting, rules: RULES }, received, NO_HOLIDAYS, citizen, received).complaint;
}

function inProgress(): Complaint {
  const acknowledged = acknowledgeComplaint(filed(), officer, later(2)).complaint;
  const admissible = qualifyComplaint(acknowledged, { decision: 'admissible' }, officer, later(2)).complaint;
  const assigned = assignComplaint(admissible, 'eclairage', officer, later(3)).complaint;
  return takeUpComplaint(assigned, officer, later(3)).complaint;
}

describe('a complaint', () => {
  it('is received to the second in Moroccan time, its acknowledgment due on day 15 and its answer on day 60, watched by a workflow, looked at for duplicates and counted', () => {
    const change = fileComplaint({ id: 'c-1', commune: 'rabat', kind: 'reclamation', category: 'eclairage-public', text: 'Lampadaires éteints', channel: 'online', complainant: 'citizen-1' }, { category: lighting, rules: RULES }, received, NO_HOLIDAYS, citizen, received);

    expect(change.complaint).toMatchObject({ status: 'submitted', receivedAt: '2026-06-01T10:15:42+01:00', filedWith: 'rabat', privateMatter: false, version: 1 });
    expect(change.complaint.clocks.acknowledgment.dueDate).toBe('2026-06-16');
    expect(change.complaint.clocks.answer.dueDate).toBe('2026-07-31');
    expect(change.event).toMatchObject({ type: 'filed', statusAfter: 'submitted', by: citizen });
    expect(change.outbox?.map((event) => event.type)).toEqual(['complaint.deadline-watched', 'complaint.filed', 'complaint.counted']);
    expect(change.outbox?.[2]?.data).toEqual({ commune: 'rabat', year: 2026, category: 'eclairage-public', counts: { received: 1 } });
  });

  it('is acknowledged once, late after its deadline, and its complainant is told', () => {
    const inTime = acknowledgeComplaint(filed(), officer, later(3));
    const late = acknowledgeComplaint(filed(), officer, later(16));

    expect(inTime.complaint.acknowledgment).toMatchObject({ late: false, by: officer });
    expect(late.complaint.acknowledgment?.late).toBe(true);
    expect(late.event).toMatchObject({ type: 'acknowledged', statusBefore: 'submitted', statusAfter: 'acknowledged', details: { late: true } });
    expect(late.outbox?.map((event) => event.type)).toEqual(['complaint.counted', 'notification.requested']);
    expect(late.outbox?.[0]?.data).toMatchObject({ counts: { acknowledgedLate: 1 } });
    expect(late.outbox?.[1]).toMatchObject({ data: { recipient: 'citizen-1', topic: 'complaint-acknowledged' } });
    expect(inTime.outbox?.map((event) => event.type)).toEqual(['notification.requested']);
    expect(() => acknowledgeComplaint(inTime.complaint, officer, later(4))).toThrow(InvalidStateError);
  });

  it('is assigned only once qualified admissible; inadmissible and duplicate end it with their reason or original', () => {
    const acknowledged = acknowledgeComplaint(filed(), officer, later(2)).complaint;

    expect(() => assignComplaint(acknowledged, 'eclairage', officer, later(2))).toThrow(InvalidStateError);
    const inadmissible = qualifyComplaint(acknowledged, { decision: 'inadmissible', reason: 'Anonyme et sans objet' }, officer, later(2));
    expect(inadmissible.complaint.status).toBe('inadmissible');
    expect(inadmissible.event).toMatchObject({ type: 'qualified', reason: 'Anonyme et sans objet', details: { decision: 'inadmissible' } });
    expect(qualifyComplaint(acknowledged, { decision: 'duplicate', duplicateOf: 'c-0' }, officer, later(2)).complaint).toMatchObject({ status: 'duplicate', qualification: { duplicateOf: 'c-0' } });
    expect(qualifyComplaint(acknowledged, { decision: 'not-competent', reason: 'Relève du délégataire' }, officer, later(2)).complaint.status).toBe('acknowledged');
  });

  it('suspends its answer clock while its complainant is asked for information, and resumes it, later by the days waited, when they reply', () => {
    const asked = requestInformation(inProgress(), 'Quel numéro de lampadaire ?', officer, NO_HOLIDAYS, later(10));
    const replied = provideInformation(asked.complaint, 'Le n° 118', citizen, NO_HOLIDAYS, later(20));

    expect(asked.complaint.status).toBe('information-requested');
    expect(asked.complaint.clocks.answer.suspensions).toHaveLength(1);
    expect(asked.event.details).toMatchObject({ answerClockSuspended: true });
    expect(replied.complaint.status).toBe('in-progress');
    expect(replied.complaint.informationRequests?.[0]?.reply?.text).toBe('Le n° 118');
    // Suspended from day 10 to day 20, both ends included: 11 days more.
    expect(replied.complaint.clocks.answer.dueDate).toBe('2026-08-11');
    expect(replied.outbox?.map((event) => event.type)).toEqual(['complaint.deadline-watched']);
  });

  it('does not suspend an answer clock whose deadline has passed', () => {
    const asked = requestInformation(inProgress(), 'Quel numéro de lampadaire ?', officer, NO_HOLIDAYS, later(70));

    expect(asked.complaint.clocks.answer.suspensions).toEqual([]);
    expect(asked.event.details).toMatchObject({ answerClockSuspended: false });
  });

  it('moves into the queue of the collectivity it is transferred to, with the same clocks, and its complainant is told who holds it', () => {
    const complaint = inProgress();
    const toCommune = transferComplaint(complaint, { kind: 'collectivity', name: 'Commune de Salé', commune: 'sale' }, 'Voie communale de Salé', officer, later(5));
    const toOperator = transferComplaint(complaint, { kind: 'delegated-operator', name: 'Régie' }, 'Réseau du délégataire', officer, later(5));

    expect(toCommune.complaint).toMatchObject({ commune: 'sale', filedWith: 'rabat', status: 'transferred', transfers: [{ from: 'rabat', to: { commune: 'sale' } }] });
    expect(toCommune.complaint.assignment).toBeUndefined();
    expect(toCommune.complaint.clocks).toEqual(complaint.clocks);
    expect(toCommune.outbox?.[0]?.data).toMatchObject({ topic: 'complaint-transferred', recipient: 'citizen-1' });
    expect(toOperator.complaint).toMatchObject({ commune: 'rabat', holder: { name: 'Régie' } });
    expect(() => assignComplaint(toOperator.complaint, 'eclairage', officer, later(6))).toThrow(InvalidStateError);
  });

  it('is answered late after its answer deadline, closed, reopened once within the window and rated once per answer', () => {
    const answered = answerComplaint(inProgress(), { text: 'Remplacés', signedBy: 'Le Président' }, officer, later(61));
    const closed = closeComplaint(answered.complaint, undefined, officer, later(62)).complaint;
    const rated = rateComplaint(closed, { score: 2 }, citizen, later(63)).complaint;
    const reopened = reopenComplaint(rated, 'Un seul remplacé', citizen, later(70));

    expect(answered.complaint.answer).toMatchObject({ late: true, signedBy: 'Le Président' });
    expect(() => rateComplaint(rated, { score: 3 }, citizen, later(64))).toThrow(InvalidStateError);
    expect(reopened.complaint).toMatchObject({ status: 'reopened', reopening: { reason: 'Un seul remplacé' } });
    expect(reopened.complaint.closure).toBeUndefined();
    const again = answerComplaint(takeUpComplaint(reopened.complaint, officer, later(71)).complaint, { text: 'Tous remplacés', signedBy: 'Le Président' }, officer, later(80)).complaint;
    expect(again.answer?.late).toBe(false);
    expect(rateComplaint(again, { score: 5 }, citizen, later(81)).complaint.rating?.score).toBe(5);
    expect(() => reopenComplaint(again, 'Encore', citizen, later(82))).toThrow(/once/);
  });

  it('is not reopened after the window', () => {
    const answered = answerComplaint(inProgress(), { text: 'Remplacés', signedBy: 'Le Président' }, officer, later(20)).complaint;

    expect(() => reopenComplaint(answered, 'Trop tard', citizen, later(51))).toThrow(/30 days/);
  });
});
