// A letter of the registry office (bureau d'ordre): numbered in its register when it is registered, its receipt
// instant kept as evidence, and every change recorded as an append-only history event. Pure: the number's
// sequence, the instant and the lookup code's digest are given by the caller.
import type { Role } from '../../shared/auth/roles.ts';
import type { CaseClock } from '../../shared/case-clock/domain/case-clock.ts';
import { domainEvent, type DomainEvent } from '../../shared/events/domain-event.ts';
import { InvalidStateError, ValidationFailedError } from '../../shared/errors/domain-errors.ts';
import type { Localized } from '../../shared/i18n/language.ts';
import { moroccanReceiptInstant } from '../../shared/statutory-clock/moroccan-day.ts';
import { moroccanDate } from '../../shared/time/morocco-time.ts';
import { formatLetterNumber, type NumberFormat, type Register } from './letter-number.ts';
import type { Attachment } from './attachment.ts';

export const CHANNELS = ['online', 'counter', 'post', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * What a letter is. The last three are requests another context handles, with a legal clock that starts at the
 * registry's receipt instant.
 */
export const CATEGORIES = ['request', 'information', 'invitation', 'other', 'complaint', 'access-to-information', 'council-question'] as const;
export type Category = (typeof CATEGORIES)[number];

export const CONFIDENTIALITIES = ['normal', 'confidential'] as const;
export type Confidentiality = (typeof CONFIDENTIALITIES)[number];

export const PRIORITIES = ['normal', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

/**
 * `registered` (numbered, not routed yet) → `assigned` (routed to a service's recipient; a redirection keeps it
 * there) → `answered` (an outgoing letter answers it) → `closed`. A letter that needs no answer is closed from
 * `assigned`. The outgoing letter that answers one stays `registered`: it is numbered as it is sent. `cancelled`
 * from `registered` or `assigned`, keeping the number.
 */
export const LETTER_STATUSES = ['registered', 'assigned', 'answered', 'closed', 'cancelled'] as const;
export type LetterStatus = (typeof LETTER_STATUSES)[number];

/**
 * How each person on a letter's diffusion list takes part (Maarch's item modes): the one `recipient` who must
 * answer, `copy` for information, and those asked for an `opinion`, an `approval` (visa) or a `signature`.
 */
export const DIFFUSION_MODES = ['recipient', 'copy', 'opinion', 'approval', 'signature'] as const;
export type DiffusionMode = (typeof DIFFUSION_MODES)[number];

export interface DiffusionEntry {
  readonly mode: DiffusionMode;
  /** The `sub` of the commune's agent. */
  readonly sub: string;
}

export interface Routing {
  /** The service that must answer, as the commune names it (`urbanisme`, `affaires-generales`). */
  readonly service: string;
  readonly diffusion: readonly DiffusionEntry[];
  readonly routedAt: string;
}

export interface Actor {
  readonly sub: string;
  /** `system`: the deadline workflow, the sweep, a recount. */
  readonly role: Role | 'system';
}

export interface Sender {
  /** A person or an organisation, as the letter names it. */
  readonly name: string;
  readonly organisation?: string;
}

export interface Letter {
  readonly id: string;
  /** The collectivity addressed, whose registers number the letter. */
  readonly commune: string;
  readonly register: Register;
  readonly year: number;
  readonly sequence: number;
  readonly number: string;
  /**
   * When the registry office received the letter (for an outgoing one, registered it): to the second, in
   * Africa/Casablanca with its offset. Evidence that starts other legal clocks: written once, never changed.
   */
  readonly receivedAt: string;
  readonly channel: Channel;
  /** The signed-in citizen who lodged it online; on the outgoing letter that answers theirs, the one it is addressed to. */
  readonly lodgedBy?: string;
  /** Who wrote it, for a letter a clerk registers (an online letter's sender is `lodgedBy`); for an outgoing one, the addressee. */
  readonly sender?: Sender;
  readonly subject: string;
  readonly body?: string;
  /** Set by the clerk who registers or classifies it; an online letter is not classified yet. */
  readonly category?: Category;
  readonly confidentiality: Confidentiality;
  readonly priority: Priority;
  readonly status: LetterStatus;
  /** A cancelled letter keeps its number and its place in the register, and says why. */
  readonly cancellation?: { readonly reason: string; readonly at: string; readonly by: Actor };
  /** SHA-256 (base64url) of the secret code that lets its sender follow an incoming letter without signing in. */
  readonly lookupCodeDigest?: string;
  readonly routing?: Routing;
  /** On an incoming letter: the outgoing letter that answered it. */
  readonly answer?: LetterLink & { readonly at: string; readonly by: Actor };
  /** On an outgoing letter: the incoming letter it answers. */
  readonly answers?: LetterLink;
  readonly closure?: { readonly at: string; readonly by: Actor; readonly note?: string };
  /** On an incoming letter: the opinions and approvals (or refusals) its diffusion list asked for, as given. */
  readonly steps?: readonly GivenStep[];
  /** On an outgoing letter whose incoming letter's list has signers: who may sign it, and the signature once given. */
  readonly signature?: SignatureStep;
  /** On an outgoing letter: how, when and by whom it was sent (once). */
  readonly dispatch?: Dispatch;
  /** The processing deadline of an incoming letter, counted from its receipt. */
  readonly clock?: CaseClock;
  readonly remindersSent?: readonly string[];
  /** When the deadline's lapse was recorded, the letter still open. */
  readonly lapsedAt?: string;
  /** The files attached to it (attachment.ts), in the order declared. */
  readonly attachments?: readonly Attachment[];
  readonly registeredBy: Actor;
  readonly version: number;
}

/**
 * An opinion (text) or a decision on an approval (visa), given by someone the diffusion list names in that mode; a
 * refusal has its reason, an approval may have remarks.
 */
export type GivenStep =
  | { readonly mode: 'opinion'; readonly sub: string; readonly at: string; readonly opinion: string }
  | { readonly mode: 'approval'; readonly sub: string; readonly at: string; readonly decision: 'approved' | 'refused'; readonly reason?: string };

export interface SignatureStep {
  /** The signers the incoming letter's list names: the president, or the delegate holding the signature delegation. */
  readonly signers: readonly string[];
  readonly signed?: { readonly at: string; readonly by: Actor };
  /** The signer refused to sign, with the reason: the answer is cancelled and its letter goes back to its recipient. */
  readonly refused?: { readonly at: string; readonly by: Actor; readonly reason: string };
}

export const DISPATCH_CHANNELS = ['post', 'registered-post', 'hand-delivery', 'email', 'online'] as const;
export type DispatchChannel = (typeof DISPATCH_CHANNELS)[number];

export interface Dispatch {
  readonly channel: DispatchChannel;
  /** The postal receipt number of a registered letter (`registered-post`). */
  readonly receiptNumber?: string;
  /** Who signed for a letter delivered by hand (`hand-delivery`). */
  readonly receivedBy?: string;
  /** To the second, in Africa/Casablanca with its offset, like a receipt instant. */
  readonly at: string;
  readonly by: Actor;
}

export interface LetterLink {
  readonly letterId: string;
  readonly number: string;
}

/** The steps of an attachment (attachment.ts): declared, attached once its upload is checked, released or quarantined by its scan. */
export const ATTACHMENT_EVENT_TYPES = ['attachment-declared', 'attached', 'attachment-released', 'attachment-quarantined'] as const;

export const LETTER_EVENT_TYPES = ['registered', 'classified', 'routed', 'redirected', 'answered', 'closed', 'cancelled', 'reminded', 'deadline-lapsed', 'deadline-moved', 'opinion-given', 'approval-given', 'approval-refused', 'signed', 'signature-refused', 'answer-withdrawn', 'dispatched', 'priority-changed', ...ATTACHMENT_EVENT_TYPES] as const;

export interface LetterEvent {
  readonly letterId: string;
  readonly version: number;
  readonly type: (typeof LETTER_EVENT_TYPES)[number];
  readonly at: string;
  readonly by: Actor;
  readonly statusBefore?: LetterStatus;
  readonly statusAfter: LetterStatus;
  readonly details?: Readonly<Record<string, unknown>>;
}

export interface LetterChange {
  readonly letter: Letter;
  readonly event: LetterEvent;
  /** Domain events written with the change, for the work that follows it (a workflow, a notification). */
  readonly outbox?: readonly DomainEvent[];
}

/** The categories another context handles with a legal clock of its own, which starts at the registry's receipt instant. */
export const INHERITING_CATEGORIES: readonly Category[] = ['complaint', 'access-to-information', 'council-question'];

export const LETTER_CLASSIFIED = 'registry.letter-classified';

/** Every registration: what follows it out of its transaction (the letter's search entries). */
export const LETTER_REGISTERED = 'letter.registered';

export function letterRegistered(letter: Pick<Letter, 'id'>, at: Date): DomainEvent {
  return domainEvent({ type: LETTER_REGISTERED, source: 'registry-office', subject: letter.id, occurredAt: at.toISOString(), version: 1, data: { letterId: letter.id } });
}

/** What the context that handles the category needs to open its case with the legal clock started at receipt. */
export interface LetterClassified extends Readonly<Record<string, unknown>> {
  /** 2: with `subject`, `sender` and `lodgedBy`; events of version 1 have only the fields above them. */
  readonly dataVersion: 2;
  readonly letterId: string;
  readonly commune: string;
  readonly number: string;
  readonly category: Category;
  /** The registry's receipt instant, to the second with Morocco's offset: the start of the case's legal clock. */
  readonly receivedAt: string;
  readonly subject: string;
  /** Who wrote it, for a letter a clerk registered. */
  readonly sender?: Sender;
  /** The signed-in citizen who lodged it online, who may follow the case it opens. */
  readonly lodgedBy?: string;
}

/**
 * The event a letter classified into a category another context handles emits (at registration or by a later
 * classification), and the history's record of it; nothing for the other categories.
 */
function handOver(letter: Letter, at: Date): { readonly outbox?: readonly DomainEvent[]; readonly details?: Readonly<Record<string, unknown>> } {
  if (!letter.category || !INHERITING_CATEGORIES.includes(letter.category)) return {};
  const data: LetterClassified = {
    dataVersion: 2,
    letterId: letter.id,
    commune: letter.commune,
    number: letter.number,
    category: letter.category,
    receivedAt: letter.receivedAt,
    subject: letter.subject,
    ...(letter.sender && { sender: letter.sender }),
    ...(letter.lodgedBy && { lodgedBy: letter.lodgedBy }),
  };
  const event = domainEvent({ type: LETTER_CLASSIFIED, source: 'registry-office', subject: letter.id, occurredAt: at.toISOString(), version: letter.version, data });
  return { outbox: [event], details: { handedOver: { event: LETTER_CLASSIFIED, eventId: event.id, category: letter.category, receivedAt: letter.receivedAt } } };
}

/** An instant written to the second in Moroccan time with its offset: `2027-03-01T10:15:42+01:00`. */
export const receiptInstant = moroccanReceiptInstant;

/** The year of a register a letter received at `now` goes into: the Moroccan calendar year. */
export function registerYear(now: Date): number {
  return Number(moroccanDate(now).slice(0, 4));
}

/** What a registration is given; the number, the receipt instant and the state are the registration's. */
export type NewLetter = Pick<Letter, 'id' | 'commune' | 'register' | 'channel' | 'subject' | 'confidentiality' | 'priority'> &
  Partial<Pick<Letter, 'lodgedBy' | 'sender' | 'body' | 'category' | 'lookupCodeDigest' | 'answers' | 'clock' | 'signature'>>;

/** Registers a letter under the next number of its register's year (`sequence`, which the caller reserves). */
export function registerLetter(letter: NewLetter, numbering: { readonly format: NumberFormat; readonly sequence: number }, by: Actor, now: Date): LetterChange {
  const year = registerYear(now);
  const registered: Letter = {
    ...letter,
    year,
    sequence: numbering.sequence,
    number: formatLetterNumber(numbering.format, { register: letter.register, year, sequence: numbering.sequence }),
    receivedAt: receiptInstant(now),
    status: 'registered',
    registeredBy: by,
    version: 1,
  };
  const handedOver = handOver(registered, now);
  return {
    letter: registered,
    event: { letterId: letter.id, version: 1, type: 'registered', at: now.toISOString(), by, statusAfter: 'registered', details: { number: registered.number, ...handedOver.details } },
    outbox: [letterRegistered(registered, now), ...(handedOver.outbox ?? [])],
  };
}

/**
 * Classifies a letter not answered yet (a letter lodged online has no category until then). Into a category another
 * context handles, it is handed over: the event carries the receipt instant, the history records it.
 */
export function classifyLetter(letter: Letter, classification: { readonly category: Category; readonly confidentiality: Confidentiality }, by: Actor, now: Date): LetterChange {
  requireStatus(letter, ['registered', 'assigned'], { ar: 'لا تصنف إلا رسالة لم يُجب عنها', fr: "Seul un courrier sans réponse se classe", en: 'Only a letter not answered yet can be classified' });
  const made = change(letter, classification, 'classified', by, now, { categoryBefore: letter.category ?? null, ...classification });
  // Kept in its category, it was handed over already.
  const handedOver = letter.category === classification.category ? {} : handOver(made.letter, now);
  return {
    ...made,
    event: { ...made.event, details: { ...made.event.details, ...handedOver.details } },
    ...(handedOver.outbox && { outbox: handedOver.outbox }),
  };
}

/** Cancels a registered letter: it keeps its number (never given again) and stays in the register, with the reason. */
export function cancelLetter(letter: Letter, reason: string, by: Actor, now: Date): LetterChange {
  requireStatus(letter, ['registered', 'assigned'], { ar: 'لا تلغى إلا رسالة لم يُجب عنها', fr: "Seul un courrier sans réponse s'annule", en: 'Only a letter not answered yet can be cancelled' });
  if (letter.dispatch) {
    throw new InvalidStateError({ ar: `أُرسلت الرسالة ${letter.number}: لا تلغى`, fr: `Le courrier ${letter.number} est expédié : il ne s'annule plus`, en: `Letter ${letter.number} was dispatched: it can no longer be cancelled` });
  }
  return change(letter, { status: 'cancelled', cancellation: { reason, at: now.toISOString(), by } }, 'cancelled', by, now, { reason });
}

/** Routes a registered letter to a service, with its diffusion list (exactly one recipient). */
export function routeLetter(letter: Letter, service: string, diffusion: readonly DiffusionEntry[], by: Actor, now: Date): LetterChange {
  requireStatus(letter, ['registered'], { ar: 'وُجهت هذه الرسالة من قبل', fr: 'Ce courrier est déjà orienté', en: 'This letter is routed already' });
  const routing: Routing = { service, diffusion: withOneRecipient(diffusion), routedAt: now.toISOString() };
  return change(letter, { status: 'assigned', routing }, 'routed', by, now, { service, recipient: recipientOf(routing) });
}

/**
 * Sends an assigned letter on to another recipient (and service): the previous recipient stays on the list as a
 * copy, so that they keep seeing what became of it.
 */
export function redirectLetter(letter: Letter, to: { readonly service: string; readonly recipient: string }, by: Actor, now: Date): LetterChange {
  requireStatus(letter, ['assigned'], { ar: 'لا تُحال إلا رسالة موجهة لم يُجب عنها', fr: "Seul un courrier orienté et sans réponse se réoriente", en: 'Only an assigned letter not answered yet can be redirected' });
  const previous = recipientOf(letter.routing!);
  // The previous recipient may have been a copy before (redirected back and forth): they are on the list once.
  const others = letter.routing!.diffusion.filter((entry) => entry.sub !== previous && entry.sub !== to.recipient);
  const diffusion: DiffusionEntry[] = [{ mode: 'recipient', sub: to.recipient }, ...(previous === to.recipient ? [] : [{ mode: 'copy' as const, sub: previous }]), ...others];
  const routing: Routing = { service: to.service, diffusion, routedAt: now.toISOString() };
  return change(letter, { routing }, 'redirected', by, now, { from: { service: letter.routing!.service, recipient: previous }, to });
}

/** Records on an assigned incoming letter the outgoing letter that answers it. */
export function answerLetter(letter: Letter, outgoing: Letter, by: Actor, now: Date): LetterChange {
  requireStatus(letter, ['assigned'], { ar: 'لا يُجاب إلا عن رسالة موجهة', fr: "Seul un courrier orienté reçoit une réponse", en: 'Only an assigned letter can be answered' });
  const link = { letterId: outgoing.id, number: outgoing.number };
  return change(letter, { status: 'answered', answer: { ...link, at: now.toISOString(), by } }, 'answered', by, now, { answer: link });
}

/** Closes a letter once answered, or one that needs no answer. */
export function closeLetter(letter: Letter, note: string | undefined, by: Actor, now: Date): LetterChange {
  requireStatus(letter, ['assigned', 'answered'], { ar: 'لا تُحفظ إلا رسالة موجهة', fr: "Seul un courrier orienté se clôt", en: 'Only an assigned letter can be closed' });
  return change(letter, { status: 'closed', closure: { at: now.toISOString(), by, ...(note && { note }) } }, 'closed', by, now, note ? { note } : undefined);
}

export function recipientOf(routing: Routing): string {
  return routing.diffusion.find((entry) => entry.mode === 'recipient')!.sub;
}

/** A diffusion list as kept: its recipient first, each person once (in the first mode given). */
function withOneRecipient(diffusion: readonly DiffusionEntry[]): DiffusionEntry[] {
  const recipients = diffusion.filter((entry) => entry.mode === 'recipient');
  if (recipients.length !== 1) {
    throw new ValidationFailedError(
      { ar: 'يلزم مرسل إليه واحد بالضبط', fr: 'Il faut exactement un destinataire', en: 'There must be exactly one recipient' },
      { fieldIssues: [{ pointer: '/body/recipient', code: 'one_recipient', detail: { ar: 'مرسل إليه واحد', fr: 'Un seul destinataire', en: 'One recipient' } }] },
    );
  }
  const seen = new Set<string>();
  return [...recipients, ...diffusion.filter((entry) => entry.mode !== 'recipient')].filter((entry) => !seen.has(entry.sub) && seen.add(entry.sub));
}

export function requireStatus(letter: Letter, allowed: readonly LetterStatus[], rule: Localized): void {
  if (allowed.includes(letter.status)) return;
  throw new InvalidStateError({
    ar: `${rule.ar}؛ الرسالة ${letter.number} في حالة ${letter.status}`,
    fr: `${rule.fr} ; le courrier ${letter.number} est ${letter.status}`,
    en: `${rule.en}; letter ${letter.number} is ${letter.status}`,
  });
}

/** A change of the letter: the fields given, the next version, and its history event. */
export function change(letter: Letter, fields: Partial<Letter>, type: LetterEvent['type'], by: Actor, now: Date, details?: LetterEvent['details']): LetterChange {
  const version = letter.version + 1;
  const changed: Letter = { ...letter, ...fields, version };
  return {
    letter: changed,
    event: { letterId: letter.id, version, type, at: now.toISOString(), by, statusBefore: letter.status, statusAfter: changed.status, ...(details && { details }) },
  };
}
