// The steps of a diffusion list (Maarch's item modes) and what follows the answer: those listed for an `opinion`
// give it (text), those listed for an `approval` (visa) approve or refuse with a reason, both on the incoming
// letter while it is assigned; the recipient answers only once every approval is given. The answer of a letter
// whose list names signers is signed by one of them, or by the commune's president, before it is dispatched; an
// outgoing letter is dispatched once. Pure: who acts and when are the caller's.
import { notificationRequested } from '../../notifications/public.ts';
import { InvalidStateError, ValidationFailedError } from '../../shared/errors/domain-errors.ts';
import { domainEvent, type DomainEvent } from '../../shared/events/domain-event.ts';
import type { Localized } from '../../shared/i18n/language.ts';
import { deadlineWatched } from './letter-deadline.ts';
import { change, receiptInstant, recipientOf, requireStatus, type Actor, type Dispatch, type DispatchChannel, type GivenStep, type Letter, type LetterChange, type SignatureStep } from './letter.ts';

/** A person asked for a step, as the queue of awaited steps lists them. */
export interface AwaitedStep {
  readonly mode: 'opinion' | 'approval' | 'signature';
  readonly sub: string;
}

function listed(letter: Letter, mode: 'opinion' | 'approval'): string[] {
  return (letter.routing?.diffusion ?? []).filter((entry) => entry.mode === mode).map((entry) => entry.sub);
}

/** The last decision each approver gave: an approver who refused may approve once the answer is reworked. */
function lastDecision(letter: Letter, sub: string): 'approved' | 'refused' | undefined {
  const decisions = (letter.steps ?? []).filter((step) => step.mode === 'approval' && step.sub === sub);
  const last = decisions.at(-1);
  return last?.mode === 'approval' ? last.decision : undefined;
}

/**
 * The steps the letter waits for now: opinions not given and approvals not given (or refused) while it is
 * assigned; on an outgoing letter not cancelled, its signature until given. Each is in its person's queue.
 */
export function awaitedSteps(letter: Letter): AwaitedStep[] {
  if (letter.signature) {
    if (letter.signature.signed || letter.status === 'cancelled') return [];
    return letter.signature.signers.map((sub) => ({ mode: 'signature', sub }));
  }
  if (letter.status !== 'assigned') return [];
  const given = new Set((letter.steps ?? []).filter((step) => step.mode === 'opinion').map((step) => step.sub));
  return [
    ...listed(letter, 'opinion')
      .filter((sub) => !given.has(sub))
      .map((sub) => ({ mode: 'opinion' as const, sub })),
    ...listed(letter, 'approval')
      .filter((sub) => lastDecision(letter, sub) !== 'approved')
      .map((sub) => ({ mode: 'approval' as const, sub })),
  ];
}

const ASKED: Readonly<Record<AwaitedStep['mode'], (number: string) => Localized>> = {
  opinion: (number) => ({ ar: `يُطلب رأيكم في الرسالة ${number}`, fr: `Votre avis est demandé sur le courrier ${number}`, en: `Your opinion is asked on letter ${number}` }),
  approval: (number) => ({ ar: `تُطلب تأشيرتكم على جواب الرسالة ${number}`, fr: `Votre visa est demandé sur la réponse au courrier ${number}`, en: `Your approval is asked on the answer to letter ${number}` }),
  signature: (number) => ({ ar: `الرسالة ${number} تنتظر توقيعكم`, fr: `Le courrier ${number} attend votre signature`, en: `Letter ${number} awaits your signature` }),
};

/**
 * A notification of `change`'s letter to `recipient`, in the change's transaction (the notifications context
 * delivers it). Its id names the change's version and the recipient: a change tells each person once.
 */
function tell(change: LetterChange, recipient: string, topic: 'letter-step-requested' | 'letter-approval-refused' | 'letter-signature-refused', message: Localized, at: Date): DomainEvent {
  const { letter } = change;
  const cause = domainEvent({ type: 'letter.steps-told', source: 'registry-office', subject: letter.id, occurredAt: at.toISOString(), version: letter.version, data: {} });
  return notificationRequested(cause, { recipient, topic, about: { kind: 'letter', id: letter.id, reference: letter.number }, message });
}

/**
 * The change, telling each person a step it newly awaits (a routing's opinions and approvals, an answer's signers)
 * in their inbox: the queue of awaited steps lists it too, but no one looks at a queue they do not know of.
 */
export function askingNewSteps(before: Letter | undefined, made: LetterChange, now: Date): LetterChange {
  const awaitedBefore = new Set(before ? awaitedSteps(before).map((step) => `${step.mode}#${step.sub}`) : []);
  const asked = awaitedSteps(made.letter).filter((step) => !awaitedBefore.has(`${step.mode}#${step.sub}`));
  if (asked.length === 0) return made;
  const told = asked.map((step) => tell(made, step.sub, 'letter-step-requested', ASKED[step.mode](made.letter.number), now));
  return { ...made, outbox: [...(made.outbox ?? []), ...told] };
}

/** Everyone a letter's steps concern (their step items are written with it): the listed and the signers. */
export function stepPeople(letter: Letter): AwaitedStep[] {
  const signers = (letter.signature?.signers ?? []).map((sub) => ({ mode: 'signature' as const, sub }));
  return [...listed(letter, 'opinion').map((sub) => ({ mode: 'opinion' as const, sub })), ...listed(letter, 'approval').map((sub) => ({ mode: 'approval' as const, sub })), ...signers];
}

function requireListed(letter: Letter, mode: 'opinion' | 'approval', by: Actor): void {
  if (listed(letter, mode).includes(by.sub)) return;
  throw new InvalidStateError({
    ar: `لم يُطلب منكم ${mode === 'opinion' ? 'رأي' : 'تأشيرة'} في الرسالة ${letter.number}`,
    fr: `Votre ${mode === 'opinion' ? 'avis' : 'visa'} n'est pas demandé sur le courrier ${letter.number}`,
    en: `Your ${mode} is not asked for on letter ${letter.number}`,
  });
}

const whileAssigned = { ar: 'لا تعطى خطوة إلا على رسالة موجهة لم يُجب عنها', fr: 'Une étape ne se donne que sur un courrier orienté et sans réponse', en: 'A step is given only on an assigned letter not answered yet' };

/** An opinion from someone the list asks for one; given once (a second one is refused: it would rewrite the first). */
export function giveOpinion(letter: Letter, opinion: string, by: Actor, now: Date): LetterChange {
  requireStatus(letter, ['assigned'], whileAssigned);
  requireListed(letter, 'opinion', by);
  if ((letter.steps ?? []).some((step) => step.mode === 'opinion' && step.sub === by.sub)) {
    throw new InvalidStateError({ ar: `أعطيتم رأيكم في الرسالة ${letter.number}`, fr: `Votre avis sur le courrier ${letter.number} est déjà donné`, en: `Your opinion on letter ${letter.number} is given already` });
  }
  const step: GivenStep = { mode: 'opinion', sub: by.sub, at: now.toISOString(), opinion };
  return change(letter, { steps: [...(letter.steps ?? []), step] }, 'opinion-given', by, now, { opinion });
}

/** An approval, or a refusal with its reason, from an approver the list names who has not approved yet. */
export function decideApproval(letter: Letter, decision: { readonly decision: 'approved' | 'refused'; readonly reason?: string }, by: Actor, now: Date): LetterChange {
  if (decision.decision === 'refused' && !decision.reason) {
    throw missing('/body/reason', 'reason_required', { ar: 'يلزم تعليل رفض التأشيرة', fr: 'Un visa refusé dit pourquoi', en: 'A refused approval says why' });
  }
  requireStatus(letter, ['assigned'], whileAssigned);
  requireListed(letter, 'approval', by);
  if (lastDecision(letter, by.sub) === 'approved') {
    throw new InvalidStateError({ ar: `أشّرتم على الرسالة ${letter.number}`, fr: `Votre visa sur le courrier ${letter.number} est déjà donné`, en: `You approved letter ${letter.number} already` });
  }
  // An approval may say something too (a visa with remarks); a refusal always does.
  const step: GivenStep = { mode: 'approval', sub: by.sub, at: now.toISOString(), decision: decision.decision, ...(decision.reason && { reason: decision.reason }) };
  const details = decision.reason ? { reason: decision.reason } : undefined;
  if (decision.decision === 'approved') return change(letter, { steps: [...(letter.steps ?? []), step] }, 'approval-given', by, now, details);
  const reason = decision.reason!;
  const made = change(letter, { steps: [...(letter.steps ?? []), step] }, 'approval-refused', by, now, details);
  // The recipient reworks the answer: they are told why.
  const refused: Localized = {
    ar: `رُفضت التأشيرة على جواب الرسالة ${letter.number}: ${reason}`,
    fr: `Le visa de la réponse au courrier ${letter.number} est refusé : ${reason}`,
    en: `The approval of the answer to letter ${letter.number} was refused: ${reason}`,
  };
  return { ...made, outbox: [tell(made, recipientOf(letter.routing!), 'letter-approval-refused', refused, now)] };
}

/** The answer goes out only approved by everyone the list asks: refused while an approval is awaited or refused. */
export function requireApprovals(letter: Letter): void {
  const waiting = listed(letter, 'approval').filter((sub) => lastDecision(letter, sub) !== 'approved');
  if (waiting.length === 0) return;
  const refused = waiting.filter((sub) => lastDecision(letter, sub) === 'refused');
  const who = waiting.join(', ');
  throw new InvalidStateError(
    refused.length > 0
      ? { ar: `رُفضت التأشيرة على الرسالة ${letter.number} (${refused.join(', ')}): لا جواب قبل الموافقة`, fr: `Le visa du courrier ${letter.number} est refusé (${refused.join(', ')}) : pas de réponse avant son accord`, en: `The approval of letter ${letter.number} was refused (${refused.join(', ')}): no answer before it is approved` }
      : { ar: `الرسالة ${letter.number} تنتظر تأشيرة ${who}: لا جواب قبلها`, fr: `Le courrier ${letter.number} attend le visa de ${who} : pas de réponse avant`, en: `Letter ${letter.number} awaits the approval of ${who}: no answer before it` },
  );
}

/** What the answer of `incoming` must carry: the signers its list names, if any. */
export function signatureOfAnswer(incoming: Letter): SignatureStep | undefined {
  const signers = (incoming.routing?.diffusion ?? []).filter((entry) => entry.mode === 'signature').map((entry) => entry.sub);
  return signers.length > 0 ? { signers } : undefined;
}

/** Signs an outgoing letter that awaits its signature; `by` is a signer the list names or the commune's president. */
export function signLetter(letter: Letter, by: Actor, now: Date): LetterChange {
  if (!letter.signature || letter.status === 'cancelled') {
    throw new InvalidStateError({ ar: `الرسالة ${letter.number} لا تنتظر توقيعا`, fr: `Le courrier ${letter.number} n'attend pas de signature`, en: `Letter ${letter.number} awaits no signature` });
  }
  if (letter.signature.signed) {
    throw new InvalidStateError({ ar: `وُقعت الرسالة ${letter.number}`, fr: `Le courrier ${letter.number} est déjà signé`, en: `Letter ${letter.number} is signed already` });
  }
  return change(letter, { signature: { ...letter.signature, signed: { at: now.toISOString(), by } } }, 'signed', by, now);
}

/** An answer's signature was refused: the letter it answers goes back to its recipient (out of the refusal's transaction). */
export const ANSWER_SIGNATURE_REFUSED = 'registry.answer-signature-refused';

export interface AnswerSignatureRefused {
  readonly outgoingId: string;
  readonly outgoingNumber: string;
  readonly incomingId: string;
  readonly reason: string;
}

/**
 * A signer (those who may sign it) refuses to sign an outgoing letter that awaits its signature, saying why. The
 * letter is cancelled with that reason and keeps its number, as any cancelled letter of the register; when it
 * answers an incoming letter, that letter goes back to its recipient to answer again (`ANSWER_SIGNATURE_REFUSED`).
 */
export function refuseSignature(letter: Letter, reason: string, by: Actor, now: Date): LetterChange {
  if (!letter.signature || letter.status === 'cancelled') {
    throw new InvalidStateError({ ar: `الرسالة ${letter.number} لا تنتظر توقيعا`, fr: `Le courrier ${letter.number} n'attend pas de signature`, en: `Letter ${letter.number} awaits no signature` });
  }
  if (letter.signature.signed) {
    throw new InvalidStateError({ ar: `وُقعت الرسالة ${letter.number}`, fr: `Le courrier ${letter.number} est déjà signé`, en: `Letter ${letter.number} is signed already` });
  }
  const at = now.toISOString();
  const made = change(
    letter,
    { status: 'cancelled', cancellation: { reason, at, by }, signature: { ...letter.signature, refused: { at, by, reason } } },
    'signature-refused',
    by,
    now,
    { reason },
  );
  if (!letter.answers) return made;
  const refusal: AnswerSignatureRefused = { outgoingId: letter.id, outgoingNumber: letter.number, incomingId: letter.answers.letterId, reason };
  const event = domainEvent({ type: ANSWER_SIGNATURE_REFUSED, source: 'registry-office', subject: letter.answers.letterId, occurredAt: at, version: made.letter.version, data: { ...refusal } });
  return { ...made, outbox: [event] };
}

/**
 * The letter whose answer was refused signature is its recipient's again, `assigned`, its deadline running from its
 * receipt as before (the refused answer stays in its history); the recipient is told why. Undefined when the letter
 * no longer holds that answer (the event delivered again).
 */
export function withdrawRefusedAnswer(letter: Letter, refusal: AnswerSignatureRefused, now: Date): LetterChange | undefined {
  if (letter.status !== 'answered' || letter.answer?.letterId !== refusal.outgoingId) return undefined;
  const link = { letterId: letter.answer.letterId, number: letter.answer.number };
  const made = change(letter, { status: 'assigned' }, 'answer-withdrawn', { sub: 'registry-office', role: 'system' }, now, { answer: link, reason: refusal.reason });
  const { answer: _withdrawn, ...unanswered } = made.letter;
  const withdrawn: LetterChange = { ...made, letter: unanswered };
  const message: Localized = {
    ar: `رُفض توقيع الجواب ${refusal.outgoingNumber} عن الرسالة ${letter.number}: ${refusal.reason}. أعيدوا الجواب`,
    fr: `La signature de la réponse ${refusal.outgoingNumber} au courrier ${letter.number} est refusée : ${refusal.reason}. Répondez à nouveau`,
    en: `The signature of answer ${refusal.outgoingNumber} to letter ${letter.number} was refused: ${refusal.reason}. Answer again`,
  };
  return { ...withdrawn, outbox: [deadlineWatched(withdrawn.letter, now), tell(withdrawn, recipientOf(letter.routing!), 'letter-signature-refused', message, now)] };
}

export interface DispatchRequest {
  readonly channel: DispatchChannel;
  readonly receiptNumber?: string;
  readonly receivedBy?: string;
}

function missing(pointer: string, code: string, rule: Localized): ValidationFailedError {
  return new ValidationFailedError(rule, { fieldIssues: [{ pointer, code, detail: rule }] });
}

/**
 * Records how an outgoing letter was sent: once, only signed where its list asked for a signature. A registered
 * letter has its postal receipt number, one delivered by hand the name of whoever signed for it; `online` only to a
 * citizen who reads it signed in.
 */
export function dispatchLetter(letter: Letter, request: DispatchRequest, by: Actor, now: Date): LetterChange {
  if (letter.register !== 'outgoing') {
    throw new InvalidStateError({ ar: `الرسالة ${letter.number} ليست صادرة`, fr: `Le courrier ${letter.number} n'est pas un courrier départ`, en: `Letter ${letter.number} is not an outgoing letter` });
  }
  requireStatus(letter, ['registered'], { ar: 'لا تُرسل رسالة ملغاة', fr: "Un courrier annulé ne s'expédie pas", en: 'A cancelled letter is not dispatched' });
  if (letter.dispatch) {
    throw new InvalidStateError({ ar: `أُرسلت الرسالة ${letter.number} من قبل`, fr: `Le courrier ${letter.number} est déjà expédié`, en: `Letter ${letter.number} was dispatched already` });
  }
  if (letter.signature && !letter.signature.signed) {
    throw new InvalidStateError({ ar: `الرسالة ${letter.number} تنتظر التوقيع: لا تُرسل قبله`, fr: `Le courrier ${letter.number} attend sa signature : il ne part pas avant`, en: `Letter ${letter.number} awaits its signature: it is not sent before` });
  }
  if (request.channel === 'registered-post' && !request.receiptNumber) {
    throw missing('/body/receiptNumber', 'receipt_required', { ar: 'رقم وصل البريد المضمون مطلوب', fr: "Le numéro du récépissé du recommandé est requis", en: 'A registered letter needs its postal receipt number' });
  }
  if (request.channel === 'hand-delivery' && !request.receivedBy) {
    throw missing('/body/receivedBy', 'signature_required', { ar: 'اسم من وقّع على التسلم مطلوب', fr: "Le nom de qui a signé la remise est requis", en: 'A delivery by hand needs the name of whoever signed for it' });
  }
  if (request.channel === 'online' && !letter.lodgedBy) {
    throw missing('/body/channel', 'not_lodged_online', { ar: 'لا يُرسل عبر الإنترنت إلا جواب رسالة أودعت عبره', fr: "Seule la réponse à un courrier déposé en ligne part en ligne", en: 'Only the answer to a letter lodged online is sent online' });
  }
  const dispatch: Dispatch = {
    channel: request.channel,
    ...(request.channel === 'registered-post' && { receiptNumber: request.receiptNumber }),
    ...(request.channel === 'hand-delivery' && { receivedBy: request.receivedBy }),
    at: receiptInstant(now),
    by,
  };
  const { by: _by, ...details } = dispatch;
  return change(letter, { dispatch }, 'dispatched', by, now, details);
}
