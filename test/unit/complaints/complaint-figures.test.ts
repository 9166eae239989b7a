// What each change of a complaint adds to its collectivity's open figures: the receipt, a late acknowledgment or
// answer counted once (at its lapse, or when it is given if the lapse was not recorded), the first answer and its
// days, a reopening, a rating; and the averages published from them.
import { describe, expect, it } from 'vitest';
import { deadlineChange } from '../../../functions/complaints/domain/complaint-deadlines.ts';
import { published, NO_FIGURES } from '../../../functions/complaints/domain/complaint-figures.ts';
import { acknowledgeComplaint, answerComplaint, assignComplaint, fileComplaint, qualifyComplaint, rateComplaint, reopenComplaint, type ComplaintChange } from '../../../functions/complaints/domain/complaint.ts';
import { DEFAULT_CATEGORIES } from '../../../functions/complaints/domain/complaint-settings.ts';
import { RULES } from './complaint-fixtures.ts';

const NO_HOLIDAYS = new Set<string>();
const DAY = 86_400_000;
const received = new Date('2026-06-01T09:15:42Z');
const later = (days: number) => new Date(received.getTime() + days * DAY);
const citizen = { sub: 'citizen-1', role: 'citizen' } as const;
const officer = { sub: 'officer-1', role: 'complaints-officer' } as const;
const category = DEFAULT_CATEGORIES[0]!;
const countsOf = (change: ComplaintChange) => change.outbox?.find((event) => event.type === 'complaint.counted')?.data.counts;

const filed = fileComplaint({ id: 'c-1', commune: 'rabat', kind: 'reclamation', category: category.code, text: 'Nid-de-poule', channel: 'online', complainant: 'citizen-1' }, { category, rules: RULES }, received, NO_HOLIDAYS, citizen, received);

describe("a complaint's figures", () => {
  it('counts a late acknowledgment once: at its lapse, not again when it is given', () => {
    const lapsed = deadlineChange({ ...filed.complaint, remindersSent: ['acknowledgment'] }, RULES.reminderDaysBefore, later(16))!;
    const acknowledged = acknowledgeComplaint(lapsed.complaint, officer, later(17));

    expect(countsOf(filed)).toEqual({ received: 1 });
    expect(countsOf(lapsed)).toEqual({ acknowledgedLate: 1 });
    expect(countsOf(acknowledged)).toBeUndefined();
    expect(countsOf(acknowledgeComplaint(filed.complaint, officer, later(16)))).toEqual({ acknowledgedLate: 1 });
  });

  it('counts the first answer with its days, a reopening and each rating; a second answer is not counted', () => {
    const acknowledged = acknowledgeComplaint(filed.complaint, officer, later(1)).complaint;
    const assigned = assignComplaint(qualifyComplaint(acknowledged, { decision: 'admissible' }, officer, later(1)).complaint, 'voirie', officer, later(1)).complaint;
    const answered = answerComplaint(assigned, { text: 'Réparé', signedBy: 'Le Président' }, officer, later(20));
    const rated = rateComplaint(answered.complaint, { score: 4 }, citizen, later(21));
    const reopened = reopenComplaint(rated.complaint, 'Mal réparé', citizen, later(22));
    const again = answerComplaint(assignComplaint(reopened.complaint, 'voirie', officer, later(23)).complaint, { text: 'Refait', signedBy: 'Le Président' }, officer, later(30));

    expect(countsOf(answered)).toEqual({ answered: 1, answerDays: 20 });
    expect(countsOf(rated)).toEqual({ rated: 1, ratingPoints: 4 });
    expect(countsOf(reopened)).toEqual({ reopened: 1 });
    expect(countsOf(again)).toBeUndefined();
  });

  it('publishes the average days to answer and the satisfaction, null before any', () => {
    expect(published(NO_FIGURES)).toMatchObject({ averageAnswerDays: null, satisfaction: null });
    expect(published({ ...NO_FIGURES, answered: 3, answerDays: 100, rated: 2, ratingPoints: 7 })).toMatchObject({ averageAnswerDays: 33.3, satisfaction: 3.5 });
  });
});
