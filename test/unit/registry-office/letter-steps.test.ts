// The steps of a diffusion list and what follows the answer: opinions and approvals given by those the list names
// (a refusal says why and keeps the answer back), the answer's signature by a signer named or the president, the
// dispatch once and only signed; the queue of awaited steps follows each change; a priority change moves the
// deadline from the receipt instant and starts the reminders afresh.
import { describe, expect, it } from 'vitest';
import { stepItems } from '../../../functions/registry-office/adapters/registry-office-keys.ts';
import { signerOf, staffOf } from '../../../functions/registry-office/domain/letter-access.ts';
import { DEFAULT_PROCESSING_DAYS, changePriority, changesPriority, dueReminders, processingClock } from '../../../functions/registry-office/domain/letter-deadline.ts';
import {
  ANSWER_SIGNATURE_REFUSED,
  askingNewSteps,
  awaitedSteps,
  decideApproval,
  dispatchLetter,
  giveOpinion,
  refuseSignature,
  requireApprovals,
  signLetter,
  signatureOfAnswer,
  withdrawRefusedAnswer,
  type AnswerSignatureRefused,
} from '../../../functions/registry-office/domain/letter-steps.ts';
import { answerLetter, cancelLetter, closeLetter, registerLetter, routeLetter, type Letter } from '../../../functions/registry-office/domain/letter.ts';
import { DEFAULT_NUMBER_FORMAT } from '../../../functions/registry-office/domain/letter-number.ts';
import type { Principal } from '../../../functions/shared/auth/principal.ts';
import { ForbiddenError, InvalidStateError, ValidationFailedError } from '../../../functions/shared/errors/domain-errors.ts';

const clerk = { sub: 'clerk-1', role: 'clerk' } as const;
const recipient = { sub: 'agent-voirie', role: 'agent' } as const;
const adviser = { sub: 'agent-dgs', role: 'agent' } as const;
const approver = { sub: 'agent-chef', role: 'agent' } as const;
const delegate = 'agent-delegue';
// Monday 1 June 2026, 10:00 in Morocco (UTC+1).
const receivedAt = new Date('2026-06-01T09:00:00Z');
const later = (hours: number) => new Date(receivedAt.getTime() + hours * 3_600_000);
const { letter: registered } = registerLetter(
  {
    id: 'letter-1',
    commune: 'rabat',
    register: 'incoming',
    channel: 'post',
    sender: { name: 'Atlas' },
    subject: 'Objet',
    confidentiality: 'normal',
    priority: 'normal',
    clock: processingClock('normal', DEFAULT_PROCESSING_DAYS, receivedAt, new Set()),
  },
  { format: DEFAULT_NUMBER_FORMAT, sequence: 1 },
  clerk,
  receivedAt,
);
const diffusion = [
  { mode: 'recipient', sub: recipient.sub },
  { mode: 'opinion', sub: adviser.sub },
  { mode: 'approval', sub: approver.sub },
  { mode: 'signature', sub: delegate },
] as const;
const routed = routeLetter(registered, 'voirie', diffusion, clerk, later(1)).letter;

function answerOf(incoming: Letter): Letter {
  const signature = signatureOfAnswer(incoming);
  return registerLetter(
    { id: 'answer-1', commune: 'rabat', register: 'outgoing', channel: 'post', sender: { name: 'Atlas' }, subject: 'Réponse', confidentiality: 'normal', priority: 'normal', ...(signature && { signature }) },
    { format: DEFAULT_NUMBER_FORMAT, sequence: 1 },
    recipient,
    later(5),
  ).letter;
}

describe('opinions and approvals', () => {
  it('asks those the list names, and takes each out of its queue once given', () => {
    expect(awaitedSteps(routed)).toEqual([
      { mode: 'opinion', sub: adviser.sub },
      { mode: 'approval', sub: approver.sub },
    ]);
    const advised = giveOpinion(routed, 'Budget disponible', adviser, later(2));

    expect(advised.letter.steps).toEqual([{ mode: 'opinion', sub: adviser.sub, at: later(2).toISOString(), opinion: 'Budget disponible' }]);
    expect(advised.event).toMatchObject({ type: 'opinion-given', version: routed.version + 1, by: adviser, details: { opinion: 'Budget disponible' } });
    expect(awaitedSteps(advised.letter)).toEqual([{ mode: 'approval', sub: approver.sub }]);
  });

  it('refuses a step from someone the list does not ask, and a second opinion', () => {
    expect(() => giveOpinion(routed, 'Avis', approver, later(2))).toThrow(InvalidStateError);
    expect(() => decideApproval(routed, { decision: 'approved' }, adviser, later(2))).toThrow(InvalidStateError);
    const advised = giveOpinion(routed, 'Avis', adviser, later(2)).letter;
    expect(() => giveOpinion(advised, 'Encore', adviser, later(3))).toThrow(InvalidStateError);
  });

  it('keeps the answer back while an approval is awaited or refused, and lets it go once approved', () => {
    expect(() => requireApprovals(routed)).toThrow(/awaits the approval of agent-chef/);
    const refused = decideApproval(routed, { decision: 'refused', reason: 'Citer le programme 2027' }, approver, later(2));
    expect(refused.event).toMatchObject({ type: 'approval-refused', details: { reason: 'Citer le programme 2027' } });
    expect(() => requireApprovals(refused.letter)).toThrow(/was refused/);
    // Still in the approver's queue: they approve once the answer is reworked.
    expect(awaitedSteps(refused.letter)).toContainEqual({ mode: 'approval', sub: approver.sub });

    const approved = decideApproval(refused.letter, { decision: 'approved' }, approver, later(3)).letter;
    expect(() => requireApprovals(approved)).not.toThrow();
    expect(() => decideApproval(approved, { decision: 'approved' }, approver, later(4))).toThrow(InvalidStateError);
  });

  it('asks a refusal why, before anything else', () => {
    expect(() => decideApproval(routed, { decision: 'refused' }, approver, later(2))).toThrow(ValidationFailedError);
  });

  it('takes no step on a letter answered or closed, and clears the queue of a closed one', () => {
    const closed = closeLetter(routed, undefined, recipient, later(2)).letter;
    expect(() => giveOpinion(closed, 'Avis', adviser, later(3))).toThrow(InvalidStateError);
    expect(awaitedSteps(closed)).toEqual([]);
    expect(stepItems(closed).every((item) => item.awaitingPk === undefined)).toBe(true);
  });

  it('tells those a change newly asks for a step, and the recipient why an approval was refused', () => {
    const recipientsOf = (events: readonly { data: unknown }[] | undefined) => (events ?? []).map((event) => event.data as { recipient: string; topic: string });
    const routing = askingNewSteps(registered, routeLetter(registered, 'voirie', diffusion, clerk, later(1)), later(1));
    expect(recipientsOf(routing.outbox).map(({ recipient, topic }) => `${topic} ${recipient}`)).toEqual([`letter-step-requested ${adviser.sub}`, `letter-step-requested ${approver.sub}`]);
    expect(askingNewSteps(routed, giveOpinion(routed, 'Avis', adviser, later(2)), later(2)).outbox).toBeUndefined();

    const refused = askingNewSteps(routed, decideApproval(routed, { decision: 'refused', reason: 'Incomplet' }, approver, later(2)), later(2));
    expect(recipientsOf(refused.outbox)).toEqual([expect.objectContaining({ recipient: recipient.sub, topic: 'letter-approval-refused' })]);
    const approved = decideApproval(routed, { decision: 'approved' }, approver, later(2)).letter;
    const answer = askingNewSteps(undefined, { letter: answerOf(approved), event: { letterId: 'answer-1', version: 1, type: 'registered', at: '', by: recipient, statusAfter: 'registered' } }, later(5));
    expect(recipientsOf(answer.outbox)).toEqual([expect.objectContaining({ recipient: delegate, topic: 'letter-step-requested' })]);
  });

  it("lists each awaited step in its person's queue, by the routing instant", () => {
    expect(stepItems(routed)).toEqual([
      { pk: 'LETTER#letter-1', sk: `STEP#${adviser.sub}`, letterId: 'letter-1', mode: 'opinion', sub: adviser.sub, awaitingPk: `AWAITING#rabat#${adviser.sub}`, awaitingSk: `${later(1).toISOString()}#letter-1` },
      { pk: 'LETTER#letter-1', sk: `STEP#${approver.sub}`, letterId: 'letter-1', mode: 'approval', sub: approver.sub, awaitingPk: `AWAITING#rabat#${approver.sub}`, awaitingSk: `${later(1).toISOString()}#letter-1` },
    ]);
  });
});

describe('the signature and the dispatch of the answer', () => {
  const approved = decideApproval(routed, { decision: 'approved' }, approver, later(2)).letter;
  const answer = answerOf(approved);

  it('carries the signers the list names, awaiting their signature', () => {
    expect(answer.signature).toEqual({ signers: [delegate] });
    expect(awaitedSteps(answer)).toEqual([{ mode: 'signature', sub: delegate }]);
    expect(answerLetter(approved, answer, recipient, later(5)).letter.status).toBe('answered');
  });

  it('is signed by the commune president or the delegate named, by no one else', () => {
    const principal = (sub: string, roles: Principal['roles'], commune = 'rabat') => ({ sub, roles, commune }) as Principal;
    expect(signerOf(answer, principal('president-rabat', ['president']))).toEqual({ sub: 'president-rabat', role: 'president' });
    expect(signerOf(answer, principal(delegate, ['agent']))).toEqual({ sub: delegate, role: 'agent' });
    expect(() => signerOf(answer, principal('agent-other', ['agent']))).toThrow(ForbiddenError);
    expect(() => signerOf(answer, principal('president-sale', ['president'], 'sale'))).toThrow(ForbiddenError);
    expect(() => staffOf(answer, principal('clerk-1', ['clerk']))).toThrow(ForbiddenError);
  });

  it('is not dispatched before its signature, then once', () => {
    expect(() => dispatchLetter(answer, { channel: 'post' }, clerk, later(6))).toThrow(/awaits its signature/);
    const signed = signLetter(answer, { sub: 'president-rabat', role: 'president' }, later(6));
    expect(signed.event).toMatchObject({ type: 'signed', by: { role: 'president' } });
    expect(awaitedSteps(signed.letter)).toEqual([]);
    expect(() => signLetter(signed.letter, { sub: delegate, role: 'agent' }, later(7))).toThrow(InvalidStateError);

    const dispatched = dispatchLetter(signed.letter, { channel: 'registered-post', receiptNumber: 'RR123456789MA' }, clerk, new Date('2026-06-03T14:20:31.456Z'));
    expect(dispatched.letter.dispatch).toEqual({ channel: 'registered-post', receiptNumber: 'RR123456789MA', at: '2026-06-03T15:20:31+01:00', by: clerk });
    expect(dispatched.event).toMatchObject({ type: 'dispatched', details: { channel: 'registered-post', receiptNumber: 'RR123456789MA', at: '2026-06-03T15:20:31+01:00' } });
    expect(() => dispatchLetter(dispatched.letter, { channel: 'post' }, clerk, later(8))).toThrow(/dispatched already/);
    expect(() => cancelLetter(dispatched.letter, 'Erreur', clerk, later(9))).toThrow(InvalidStateError);
  });

  it('is refused signature with a reason: cancelled with its number, and its letter goes back to its recipient, once', () => {
    const president = { sub: 'president-rabat', role: 'president' } as const;
    const reply: Letter = { ...answer, answers: { letterId: approved.id, number: approved.number } };
    const answered = answerLetter(approved, reply, recipient, later(5)).letter;

    const refused = refuseSignature(reply, 'Préciser le calendrier', president, later(6));
    expect(refused.letter).toMatchObject({ status: 'cancelled', number: reply.number, cancellation: { reason: 'Préciser le calendrier', by: president } });
    expect(refused.letter.signature?.refused).toEqual({ at: later(6).toISOString(), by: president, reason: 'Préciser le calendrier' });
    expect(refused.event).toMatchObject({ type: 'signature-refused', statusBefore: 'registered', statusAfter: 'cancelled', details: { reason: 'Préciser le calendrier' } });
    expect(awaitedSteps(refused.letter)).toEqual([]);
    expect(refused.outbox).toMatchObject([{ type: ANSWER_SIGNATURE_REFUSED, subject: approved.id, data: { outgoingId: reply.id, incomingId: approved.id, reason: 'Préciser le calendrier' } }]);
    expect(() => refuseSignature(refused.letter, 'Encore', president, later(7))).toThrow(InvalidStateError);
    expect(() => refuseSignature(signLetter(reply, president, later(6)).letter, 'Trop tard', president, later(7))).toThrow(/signed already/);
    // A clerk's letter that answers nothing is cancelled alone.
    expect(refuseSignature(answer, 'Non', president, later(6)).outbox).toBeUndefined();

    const refusal = refused.outbox![0]!.data as unknown as AnswerSignatureRefused;
    const withdrawn = withdrawRefusedAnswer(answered, refusal, later(7))!;
    expect(withdrawn.letter.status).toBe('assigned');
    expect(withdrawn.letter.answer).toBeUndefined();
    expect(withdrawn.event).toMatchObject({ type: 'answer-withdrawn', by: { role: 'system' }, statusBefore: 'answered', statusAfter: 'assigned', details: { answer: { letterId: reply.id }, reason: 'Préciser le calendrier' } });
    expect(withdrawn.outbox?.map((event) => event.type)).toEqual(['letter.deadline-watched', 'notification.requested']);
    // Delivered again, or once answered anew: nothing to withdraw.
    expect(withdrawRefusedAnswer(withdrawn.letter, refusal, later(8))).toBeUndefined();
    expect(withdrawRefusedAnswer(answerLetter(withdrawn.letter, { ...reply, id: 'answer-2' }, recipient, later(9)).letter, refusal, later(10))).toBeUndefined();
  });

  it('asks a registered letter for its receipt number and a hand delivery for who signed, and sends online only to a citizen', () => {
    const plain = answerOf(routeLetter(registered, 'voirie', [{ mode: 'recipient', sub: recipient.sub }], clerk, later(1)).letter);
    expect(plain.signature).toBeUndefined();
    expect(() => dispatchLetter(plain, { channel: 'registered-post' }, clerk, later(6))).toThrow(ValidationFailedError);
    expect(() => dispatchLetter(plain, { channel: 'hand-delivery' }, clerk, later(6))).toThrow(ValidationFailedError);
    expect(() => dispatchLetter(plain, { channel: 'online' }, clerk, later(6))).toThrow(ValidationFailedError);
    expect(dispatchLetter(plain, { channel: 'hand-delivery', receivedBy: 'M. Alami', receiptNumber: 'ignored' }, clerk, later(6)).letter.dispatch).toMatchObject({ channel: 'hand-delivery', receivedBy: 'M. Alami' });
    expect(() => dispatchLetter(routed, { channel: 'post' }, clerk, later(6))).toThrow(/not an outgoing letter/);
  });
});

describe('changing the priority', () => {
  it('counts the deadline again from the receipt instant with the new period, and starts the reminders afresh', () => {
    const reminded = { ...routed, remindersSent: ['half'] };
    const made = changePriority({ ...reminded, clock: routed.clock! }, 'urgent', DEFAULT_PROCESSING_DAYS, new Set(), clerk, later(30));

    expect(routed.clock).toMatchObject({ dueDate: '2026-06-22' });
    expect(made.letter).toMatchObject({ priority: 'urgent', clock: { receiptDate: '2026-06-01', period: { days: 3, unit: 'working' }, dueDate: '2026-06-04' }, remindersSent: [] });
    expect(made.event).toMatchObject({ type: 'priority-changed', details: { priorityBefore: 'normal', priorityAfter: 'urgent', dueDateBefore: '2026-06-22', dueDateAfter: '2026-06-04' } });
    expect(made.outbox).toEqual([expect.objectContaining({ type: 'letter.deadline-watched', data: { letterId: 'letter-1', version: made.letter.version } })]);
    // The new due instant is 86 hours after receipt: its half has come at 50 hours, its four fifths not yet.
    expect(dueReminders(made.letter, later(42))).toEqual([]);
    expect(dueReminders(made.letter, later(50))).toEqual(['half']);
  });

  it('needs no change at the same priority, and refuses a letter whose deadline no longer runs', () => {
    expect(changesPriority(routed, 'normal')).toBe(false);
    expect(changesPriority(routed, 'urgent')).toBe(true);
    const closed = closeLetter(routed, undefined, recipient, later(2)).letter;
    expect(() => changesPriority(closed, 'urgent')).toThrow(InvalidStateError);
    expect(() => changesPriority({ ...routed, lapsedAt: later(3).toISOString() }, 'urgent')).toThrow(InvalidStateError);
  });
});
