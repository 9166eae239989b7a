// The complaint's two clocks as the deadline workflow sees them: reminders before each deadline, each lapse
// recorded when its deadline passes (the late acknowledgment counted at day 15, not when it is finally given), the
// answer clock left alone while suspended, and the workflow going on while one clock still runs.
import { describe, expect, it } from 'vitest';
import { complaintClocks, deadlineChange, dueReminders, nextReminder, recountComplaintClocks } from '../../../functions/complaints/domain/complaint-deadlines.ts';
import { acknowledgeComplaint, answerComplaint, assignComplaint, fileComplaint, qualifyComplaint, requestInformation, takeUpComplaint, type Complaint } from '../../../functions/complaints/domain/complaint.ts';
import { DEFAULT_CATEGORIES } from '../../../functions/complaints/domain/complaint-settings.ts';
import { deadlineCheckOfClocks } from '../../../functions/shared/case-clock/domain/case-clocks.ts';
import { RULES } from './complaint-fixtures.ts';

const NO_HOLIDAYS = new Set<string>();
const DAY = 86_400_000;
const received = new Date('2026-06-01T09:15:42Z');
const later = (days: number) => new Date(received.getTime() + days * DAY);
const citizen = { sub: 'citizen-1', role: 'citizen' } as const;
const officer = { sub: 'officer-1', role: 'complaints-officer' } as const;
const REMINDERS = RULES.reminderDaysBefore;
const category = DEFAULT_CATEGORIES[0]!;

function filed(): Complaint {
  return fileComplaint({ id: 'c-1', commune: 'rabat', kind: 'reclamation', category: category.code, text: 'Nid-de-poule', channel: 'online', complainant: 'citizen-1' }, { category, rules: RULES }, received, NO_HOLIDAYS, citizen, received).complaint;
}

describe("a complaint's deadlines", () => {
  it('reminds the unit 5 days before the acknowledgment deadline, once', () => {
    const complaint = filed();
    const reminderAt = new Date(Date.parse(complaint.clocks.acknowledgment.dueAt) - 5 * DAY);

    expect(nextReminder(complaint, REMINDERS)).toBe(reminderAt.toISOString());
    expect(deadlineChange(complaint, REMINDERS, new Date(reminderAt.getTime() - 1000))).toBeUndefined();
    const reminded = deadlineChange(complaint, REMINDERS, reminderAt)!;
    expect(reminded.event).toMatchObject({ type: 'reminded', by: { role: 'system' }, details: { clocks: ['acknowledgment'] } });
    expect(dueReminders(reminded.complaint, REMINDERS, reminderAt)).toEqual([]);
  });

  it('records the late acknowledgment when its deadline passes, and keeps the workflow running for the answer', () => {
    const complaint = { ...filed(), remindersSent: ['acknowledgment' as const] };
    const justAfter = new Date(Date.parse(complaint.clocks.acknowledgment.dueAt) + 1);

    const lapsed = deadlineChange(complaint, REMINDERS, justAfter)!;

    expect(lapsed.event).toMatchObject({ type: 'deadline-lapsed', details: { clocks: ['acknowledgment'] } });
    expect(lapsed.complaint.lapses).toEqual({ acknowledgment: justAfter.toISOString() });
    expect(complaintClocks(lapsed.complaint).acknowledgment.standing).toBe('lapsed');
    expect(deadlineCheckOfClocks('c-1', complaintClocks(lapsed.complaint), justAfter)).toMatchObject({ state: 'running', wakeAt: new Date(Date.parse(complaint.clocks.answer.dueAt) + 1).toISOString() });
    // Acknowledged afterwards: the lapse stays recorded.
    expect(complaintClocks(acknowledgeComplaint(lapsed.complaint, officer, later(17)).complaint).acknowledgment.standing).toBe('lapsed');
  });

  it('neither reminds of nor lapses a suspended answer clock, and ends the workflow until it resumes', () => {
    const acknowledged = acknowledgeComplaint(filed(), officer, later(1)).complaint;
    const assigned = assignComplaint(qualifyComplaint(acknowledged, { decision: 'admissible' }, officer, later(1)).complaint, 'voirie', officer, later(1)).complaint;
    const asked = requestInformation(takeUpComplaint(assigned, officer, later(2)).complaint, 'Où exactement ?', officer, NO_HOLIDAYS, later(3)).complaint;

    expect(deadlineChange(asked, REMINDERS, later(80))).toBeUndefined();
    expect(nextReminder(asked, REMINDERS)).toBeUndefined();
    expect(deadlineCheckOfClocks('c-1', complaintClocks(asked), later(80))).toEqual({ subject: 'c-1', state: 'suspended' });
  });

  it('closes both clocks once answered in time: nothing is left to watch', () => {
    const acknowledged = acknowledgeComplaint(filed(), officer, later(1)).complaint;
    const assigned = assignComplaint(qualifyComplaint(acknowledged, { decision: 'admissible' }, officer, later(1)).complaint, 'voirie', officer, later(1)).complaint;
    const answered = answerComplaint(assigned, { text: 'Réparé', signedBy: 'Le Président' }, officer, later(30)).complaint;

    expect(deadlineChange(answered, REMINDERS, later(90))).toBeUndefined();
    expect(deadlineCheckOfClocks('c-1', complaintClocks(answered), later(90))).toEqual({ subject: 'c-1', state: 'closed' });
  });

  it('counts its open clocks again when a holiday is confirmed on a due day, and has the new instant watched', () => {
    const complaint = filed();
    const holiday = complaint.clocks.acknowledgment.dueDate;

    const moved = recountComplaintClocks(complaint, new Set([holiday]), 2026, later(2))!;

    expect(moved.complaint.clocks.acknowledgment.dueDate > holiday).toBe(true);
    expect(moved.complaint.clocks.answer.dueDate).toBe(complaint.clocks.answer.dueDate);
    expect(moved.event).toMatchObject({ type: 'deadline-moved', details: { reason: 'holidays-changed', moved: { acknowledgment: { dueDateBefore: holiday } } } });
    expect(moved.outbox?.map((event) => event.type)).toContain('complaint.deadline-watched');
    // Acknowledged already: that clock is stopped, and nothing else moves.
    expect(recountComplaintClocks(acknowledgeComplaint(complaint, officer, later(1)).complaint, new Set([holiday]), 2026, later(2))).toBeUndefined();
  });
});
