// Escalation to the Médiateur: the unit records the Médiateur's file once, on a plausible date, with the answer due
// the commune's days later (60 where a complaint's rules predate the setting); the pack gives the whole timeline by
// role only and says of each deadline whether it was met, still runs, or passed.
import { describe, expect, it } from 'vitest';
import { acknowledgeComplaint, answerComplaint, assignComplaint, fileComplaint, qualifyComplaint, takeUpComplaint, type Complaint } from '../../../functions/complaints/domain/complaint.ts';
import { DEFAULT_CATEGORIES } from '../../../functions/complaints/domain/complaint-settings.ts';
import { mediatorPack, recordMediatorReferral } from '../../../functions/complaints/domain/mediator-referral.ts';
import { InvalidStateError, ValidationFailedError } from '../../../functions/shared/errors/domain-errors.ts';
import { RULES } from './complaint-fixtures.ts';

const DAY = 86_400_000;
const received = new Date('2026-06-01T09:15:42.250Z');
const later = (days: number) => new Date(received.getTime() + days * DAY);
const citizen = { sub: 'citizen-1', role: 'citizen' } as const;
const officer = { sub: 'officer-1', role: 'complaints-officer' } as const;
const lighting = DEFAULT_CATEGORIES.find((category) => category.code === 'eclairage-public')!;

function filed(rules: Complaint['rules'] = RULES): Complaint {
  return fileComplaint(
    { id: 'c-1', commune: 'rabat', kind: 'reclamation', category: 'eclairage-public', text: 'Lampadaires éteints', channel: 'online', complainant: 'citizen-1', location: { address: '12 rue Oued Ziz' } },
    { category: lighting, rules },
    received,
    new Set(),
    citizen,
    received,
  ).complaint;
}

describe('recording the Médiateur’s referral', () => {
  it('records the reference and the answer due in the days the rules at the filing give, as an event of its own', () => {
    const made = recordMediatorReferral(filed({ ...RULES, mediatorAnswerDays: 45 }), { reference: 'MR-2026-1', receivedOn: '2026-08-10' }, officer, later(80));

    expect(made.complaint.mediatorReferral).toMatchObject({ reference: 'MR-2026-1', receivedOn: '2026-08-10', answerDueOn: '2026-09-24', answerDays: 45, recordedBy: officer });
    expect(made.complaint.status).toBe('submitted');
    expect(made.event).toMatchObject({ type: 'referred-to-mediator', by: officer, details: { reference: 'MR-2026-1', answerDueOn: '2026-09-24' } });
  });

  it('counts 60 days for a complaint whose rules predate the setting', () => {
    expect(RULES).not.toHaveProperty('mediatorAnswerDays');
    const made = recordMediatorReferral(filed(RULES), { reference: 'MR-2026-2', receivedOn: '2026-08-10' }, officer, later(80));
    expect(made.complaint.mediatorReferral).toMatchObject({ answerDays: 60, answerDueOn: '2026-10-09' });
  });

  it('refuses a second referral, a date after today and one before the complaint was received', () => {
    const referred = recordMediatorReferral(filed(), { reference: 'MR-2026-3', receivedOn: '2026-08-10' }, officer, later(80)).complaint;

    expect(() => recordMediatorReferral(referred, { reference: 'MR-2026-4', receivedOn: '2026-08-11' }, officer, later(81))).toThrow(InvalidStateError);
    expect(() => recordMediatorReferral(filed(), { reference: 'MR-2026-5', receivedOn: '2026-08-21' }, officer, later(80))).toThrow(ValidationFailedError);
    expect(() => recordMediatorReferral(filed(), { reference: 'MR-2026-6', receivedOn: '2026-05-31' }, officer, later(80))).toThrow(ValidationFailedError);
  });
});

describe('the Médiateur’s pack', () => {
  it('says which deadline was met, which runs still, and gives the timeline by role only', () => {
    const acknowledged = acknowledgeComplaint(filed(), officer, later(3));
    const pack = mediatorPack(acknowledged.complaint, [{ complaintId: 'c-1', version: 1, type: 'filed', at: received.toISOString(), by: citizen, statusAfter: 'submitted' }, acknowledged.event], later(10));

    expect(pack.deadlines).toEqual([
      { name: 'acknowledgment', dueDate: '2026-06-16', metAt: later(3).toISOString(), met: true },
      { name: 'answer', dueDate: '2026-07-31', met: null },
    ]);
    expect(pack.complaint).toMatchObject({ id: 'c-1', status: 'acknowledged', text: 'Lampadaires éteints', address: '12 rue Oued Ziz' });
    expect(pack.timeline.map((step) => [step.type, step.byRole])).toEqual([
      ['filed', 'citizen'],
      ['acknowledged', 'complaints-officer'],
    ]);
    expect(JSON.stringify(pack)).not.toContain('officer-1');
    expect(JSON.stringify(pack)).not.toContain('citizen-1');
  });

  it('says a deadline passed unmet, and an answer given late, once the day is past', () => {
    const acknowledged = acknowledgeComplaint(filed(), officer, later(20)).complaint;
    const admissible = qualifyComplaint(acknowledged, { decision: 'admissible' }, officer, later(20)).complaint;
    const handled = takeUpComplaint(assignComplaint(admissible, 'eclairage', officer, later(21)).complaint, officer, later(21)).complaint;
    const answered = answerComplaint(handled, { text: 'Réparé', signedBy: 'Le président' }, officer, later(70)).complaint;
    const referred = recordMediatorReferral(answered, { reference: 'MR-2026-7', receivedOn: '2026-08-20' }, officer, later(81)).complaint;
    const pack = mediatorPack(referred, [], later(82));

    expect(pack.deadlines.map((deadline) => [deadline.name, deadline.met])).toEqual([
      ['acknowledgment', false],
      ['answer', false],
    ]);
    expect(pack.answer).toMatchObject({ text: 'Réparé', late: true });
    expect(pack.mediatorReferral).toMatchObject({ reference: 'MR-2026-7', answerDueOn: '2026-10-19' });
    expect(pack.mediatorReferral).not.toHaveProperty('recordedBy');
  });
});
