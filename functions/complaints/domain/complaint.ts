// A complaint (réclamation), observation or suggestion addressed to a collectivity (Decree 2-17-265): received at
// an instant that starts its two legal clocks, acknowledged, qualified, assigned, answered with a reasoned text,
// closed, reopened once; every change an append-only event saying who, when and why. Pure: the instant, the
// holidays and the settings are given by the caller.
import type { Role } from '../../shared/auth/roles.ts';
import { resumeClock, startClock, suspendClock, isSuspended, type CaseClock } from '../../shared/case-clock/domain/case-clock.ts';
import { domainEvent, type DomainEvent } from '../../shared/events/domain-event.ts';
import { InvalidStateError } from '../../shared/errors/domain-errors.ts';
import type { Localized } from '../../shared/i18n/language.ts';
import { notificationRequested } from '../../notifications/public.ts';
import { moroccanReceiptInstant } from '../../shared/statutory-clock/moroccan-day.ts';
import { complaintCounted } from './complaint-figures.ts';
import type { SuggestedDuplicate } from './complaint-duplicates.ts';
import type { ComplaintPhoto } from './complaint-photos.ts';
import type { MediatorReferral } from './mediator-referral.ts';
import type { ComplaintCategory, ComplaintSettings } from './complaint-settings.ts';

export const COMPLAINT_KINDS = ['reclamation', 'observation', 'suggestion'] as const;
export type ComplaintKind = (typeof COMPLAINT_KINDS)[number];

/**
 * How it reached the unit: filed online by a signed-in citizen, online without signing in (where the commune allows
 * it, with a contact), or handed over by the registry office.
 */
export const COMPLAINT_CHANNELS = ['online', 'anonymous', 'registry-office'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];

/**
 * submitted → acknowledged → assigned → in-progress → (information-requested | transferred) → answered → closed;
 * answered or closed → reopened (once) → in-progress; `inadmissible` and `duplicate` end it at its qualification.
 */
export const COMPLAINT_STATUSES = ['submitted', 'acknowledged', 'assigned', 'in-progress', 'information-requested', 'transferred', 'answered', 'closed', 'reopened', 'inadmissible', 'duplicate'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** The statuses of a complaint the unit still has to act on: its queue lists them. */
export const OPEN_STATUSES: readonly ComplaintStatus[] = ['submitted', 'acknowledged', 'assigned', 'in-progress', 'information-requested', 'transferred', 'reopened'];

export const QUALIFICATIONS = ['admissible', 'inadmissible', 'duplicate', 'not-competent'] as const;
export type QualificationDecision = (typeof QUALIFICATIONS)[number];

export const HOLDER_KINDS = ['collectivity', 'state-service', 'delegated-operator'] as const;

/** The two legal clocks, by name. */
export const CLOCK_NAMES = ['acknowledgment', 'answer'] as const;
export type ClockName = (typeof CLOCK_NAMES)[number];

export interface Actor {
  readonly sub: string;
  /** `system`: the deadline workflow, the sweep, the registry office's hand-over; `anonymous`: filed without signing in. */
  readonly role: Role | 'system' | 'anonymous';
}

export interface ComplainantContact {
  readonly email?: string;
  /** Moroccan, as `+212` and nine digits. */
  readonly phone?: string;
}

export interface ComplaintLocation {
  readonly point?: { readonly lat: number; readonly long: number };
  readonly address?: string;
  /** The douar or quarter, as people name it. */
  readonly quarter?: string;
}

/** The body holding the file after a transfer: another collectivity of the platform, a State service, an operator. */
export interface Holder {
  readonly kind: (typeof HOLDER_KINDS)[number];
  readonly name: string;
  /** A collectivity of the platform: the file moves into its unit's queue. */
  readonly commune?: string;
}

export interface InformationRequest {
  readonly question: string;
  readonly at: string;
  readonly by: Actor;
  readonly reply?: { readonly text: string; readonly at: string };
}

export interface Complaint {
  readonly id: string;
  /** The collectivity whose unit handles it now (a transfer to another collectivity of the platform moves it). */
  readonly commune: string;
  /** The collectivity it was first addressed to. */
  readonly filedWith: string;
  readonly kind: ComplaintKind;
  readonly category: string;
  /** Copied from the category at filing: the public never sees where a private matter is. */
  readonly privateMatter: boolean;
  readonly text: string;
  readonly location?: ComplaintLocation;
  readonly channel: ComplaintChannel;
  /** The signed-in citizen who filed it; absent for a letter handed over by the registry office and an anonymous filing. */
  readonly complainant?: string;
  /** How to reach who filed it without signing in: for the unit alone, never in a queue or a public read. */
  readonly contact?: ComplainantContact;
  /** The registry office's letter it was opened from, and who wrote it (a letter registered at the counter, by post, by e-mail). */
  readonly letter?: { readonly letterId: string; readonly number: string; readonly sender?: { readonly name: string; readonly organisation?: string } };
  /** When it was received, to the second, in Africa/Casablanca with its offset: both clocks start from it. */
  readonly receivedAt: string;
  readonly status: ComplaintStatus;
  /** The instant of its latest change. */
  readonly updatedAt: string;
  readonly clocks: Readonly<Record<ClockName, CaseClock>>;
  /** When each clock's lapse was recorded (by its deadline workflow, at the instant it passed). */
  readonly lapses?: Partial<Record<ClockName, string>>;
  readonly remindersSent?: readonly ClockName[];
  readonly acknowledgment?: { readonly at: string; readonly by: Actor; readonly late: boolean };
  readonly qualification?: { readonly decision: QualificationDecision; readonly reason?: string; readonly duplicateOf?: string; readonly at: string; readonly by: Actor };
  readonly assignment?: { readonly service: string; readonly at: string; readonly by: Actor };
  readonly informationRequests?: readonly InformationRequest[];
  readonly transfers?: readonly { readonly from: string; readonly to: Holder; readonly reason: string; readonly at: string; readonly by: Actor }[];
  /** Who holds the file when it was transferred out of the platform's collectivities. */
  readonly holder?: Holder;
  /** The latest reasoned answer; a reopened complaint's earlier one stays in its history. */
  readonly answer?: { readonly text: string; readonly signedBy: string; readonly at: string; readonly by: Actor; readonly late: boolean };
  readonly closure?: { readonly at: string; readonly by: Actor; readonly note?: string };
  readonly reopening?: { readonly at: string; readonly reason: string };
  readonly rating?: { readonly score: number; readonly comment?: string; readonly at: string; readonly ofAnswerAt: string };
  /** The commune's rules in force at its filing: a later change of the settings applies to complaints filed after it. */
  readonly rules: Pick<ComplaintSettings, 'reopenWindowDays' | 'reminderDaysBefore' | 'duplicateRadiusMeters' | 'mediatorAnswerDays'>;
  /** Open complaints it may repeat, suggested to the unit after its filing. */
  readonly suggestedDuplicates?: readonly SuggestedDuplicate[];
  /** The photos its complainant joined: the unit reads them as taken, the public a copy without their metadata. */
  readonly photos?: readonly ComplaintPhoto[];
  /** The Médiateur du Royaume's file about it, once the unit recorded the referral (mediator-referral.ts). */
  readonly mediatorReferral?: MediatorReferral;
  readonly filedBy: Actor;
  readonly version: number;
}

export const COMPLAINT_EVENT_TYPES = [
  'filed',
  'acknowledged',
  'qualified',
  'assigned',
  'taken-up',
  'information-requested',
  'information-provided',
  'transferred',
  'answered',
  'closed',
  'reopened',
  'rated',
  'reminded',
  'deadline-lapsed',
  'deadline-moved',
  'duplicates-suggested',
  'photo-declared',
  'photo-attached',
  'photo-released',
  'photo-quarantined',
  'referred-to-mediator',
] as const;
export type ComplaintEventType = (typeof COMPLAINT_EVENT_TYPES)[number];

export interface ComplaintEvent {
  readonly complaintId: string;
  readonly version: number;
  readonly type: ComplaintEventType;
  readonly at: string;
  readonly by: Actor;
  readonly statusBefore?: ComplaintStatus;
  readonly statusAfter: ComplaintStatus;
  /** Why, in the actor's words (a qualification's reason, a transfer's, a reopening's). */
  readonly reason?: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export interface ComplaintChange {
  readonly complaint: Complaint;
  readonly event: ComplaintEvent;
  /** Domain events written with the change: a workflow to start, someone to tell. */
  readonly outbox?: readonly DomainEvent[];
}

export const COMPLAINT_EVENTS = {
  /** A clock started, or resumed: a deadline workflow watches this version. */
  deadlineWatched: 'complaint.deadline-watched',
  /** Filed: the open complaints it may repeat are looked for. */
  filed: 'complaint.filed',
  /** Answered: the complainants of the complaints that repeat it are told too. */
  answered: 'complaint.answered',
} as const;

const SOURCE = 'complaints';

export function deadlineWatched(complaint: Complaint, at: Date): DomainEvent {
  return domainEvent({
    type: COMPLAINT_EVENTS.deadlineWatched,
    source: SOURCE,
    subject: complaint.id,
    occurredAt: at.toISOString(),
    version: complaint.version,
    data: { complaintId: complaint.id, version: complaint.version },
  });
}

export type NewComplaint = Pick<Complaint, 'id' | 'commune' | 'kind' | 'category' | 'text' | 'channel'> & Partial<Pick<Complaint, 'location' | 'complainant' | 'contact' | 'letter'>>;

/**
 * Opens a complaint received at `receivedAt` (the filing's instant online; the registry office's receipt for a
 * letter, whenever it is handed over), both clocks started from it with its category's periods.
 */
export function fileComplaint(
  complaint: NewComplaint,
  settings: { readonly category: ComplaintCategory; readonly rules: Complaint['rules'] },
  receivedAt: Date,
  holidays: ReadonlySet<string>,
  by: Actor,
  now: Date,
): ComplaintChange {
  const { category, rules } = settings;
  const filed: Complaint = {
    ...complaint,
    rules,
    filedWith: complaint.commune,
    privateMatter: category.privateMatter,
    receivedAt: moroccanReceiptInstant(receivedAt),
    status: 'submitted',
    updatedAt: now.toISOString(),
    clocks: { acknowledgment: startClock(category.acknowledgmentPeriod, receivedAt, holidays), answer: startClock(category.answerPeriod, receivedAt, holidays) },
    filedBy: by,
    version: 1,
  };
  const made: ComplaintChange = {
    complaint: filed,
    event: { complaintId: filed.id, version: 1, type: 'filed', at: now.toISOString(), by, statusAfter: 'submitted', details: { channel: filed.channel, receivedAt: filed.receivedAt, ...(filed.letter && { letter: filed.letter }) } },
    outbox: [
      deadlineWatched(filed, now),
      domainEvent({ type: COMPLAINT_EVENTS.filed, source: SOURCE, subject: filed.id, occurredAt: now.toISOString(), version: 1, data: { complaintId: filed.id } }),
    ],
  };
  return withFigures(made);
}

/** Late when its deadline passed before it, whether or not the workflow recorded the lapse yet. */
function isLate(clock: CaseClock, now: Date): boolean {
  return now.getTime() > Date.parse(clock.dueAt);
}

export function acknowledgeComplaint(complaint: Complaint, by: Actor, now: Date): ComplaintChange {
  requireStatus(complaint, ['submitted'], { ar: 'سبق الإشعار بتسلم هذه الشكاية', fr: 'Cette réclamation a déjà reçu son accusé de réception', en: 'This complaint was acknowledged already' });
  const late = isLate(complaint.clocks.acknowledgment, now);
  const made = change(complaint, { status: 'acknowledged', acknowledgment: { at: now.toISOString(), by, late } }, 'acknowledged', by, now, undefined, { late });
  return told(made, now, {
    ar: `تم تسلم شكايتكم بتاريخ ${complaint.receivedAt.slice(0, 10)}؛ الجواب مرتقب قبل ${complaint.clocks.answer.dueDate}`,
    fr: `Votre réclamation reçue le ${complaint.receivedAt.slice(0, 10)} est enregistrée ; la réponse est due au plus tard le ${complaint.clocks.answer.dueDate}`,
    en: `Your complaint received on ${complaint.receivedAt.slice(0, 10)} is acknowledged; its answer is due by ${complaint.clocks.answer.dueDate}`,
  });
}

export interface Qualification {
  readonly decision: QualificationDecision;
  readonly reason?: string;
  readonly duplicateOf?: string;
}

/**
 * Admissible (it is then assigned), not competent (it is then transferred), inadmissible (ended, with its reason)
 * or a duplicate of another complaint (ended, pointing to it).
 */
export function qualifyComplaint(complaint: Complaint, qualification: Qualification, by: Actor, now: Date): ComplaintChange {
  requireStatus(complaint, ['acknowledged'], { ar: 'لا تكيف إلا شكاية مشعر بتسلمها لم تسند بعد', fr: "Seule une réclamation accusée et non encore attribuée se qualifie", en: 'Only an acknowledged complaint not assigned yet can be qualified' });
  const status: ComplaintStatus = qualification.decision === 'inadmissible' ? 'inadmissible' : qualification.decision === 'duplicate' ? 'duplicate' : 'acknowledged';
  const made = change(complaint, { status, qualification: { ...qualification, at: now.toISOString(), by } }, 'qualified', by, now, qualification.reason, {
    decision: qualification.decision,
    ...(qualification.duplicateOf && { duplicateOf: qualification.duplicateOf }),
  });
  if (status === 'inadmissible') {
    return told(made, now, {
      ar: `شكايتكم غير مقبولة: ${qualification.reason}`,
      fr: `Votre réclamation est irrecevable : ${qualification.reason}`,
      en: `Your complaint is inadmissible: ${qualification.reason}`,
    });
  }
  if (status === 'duplicate') {
    return told(made, now, {
      ar: 'شكايتكم مطابقة لشكاية سابقة تتم معالجتها؛ ستخبرون بما يؤول إليه أمرها',
      fr: 'Votre réclamation rejoint une réclamation déjà traitée ; vous serez informé de sa suite',
      en: 'Your complaint duplicates one already being handled; you will be told what becomes of it',
    });
  }
  return made;
}

/** Assigns it to the service that will answer (again, to move it to another service). */
export function assignComplaint(complaint: Complaint, service: string, by: Actor, now: Date): ComplaintChange {
  requireStatus(complaint, ['acknowledged', 'assigned', 'transferred', 'reopened'], {
    ar: 'لا تسند إلا شكاية مقبولة لم يُجب عنها',
    fr: 'Seule une réclamation recevable et sans réponse s’attribue',
    en: 'Only an admissible complaint not answered yet can be assigned',
  });
  if (complaint.status === 'acknowledged' && complaint.qualification?.decision !== 'admissible') {
    throw new InvalidStateError({
      ar: 'تكيف الشكاية مقبولة قبل إسنادها',
      fr: 'La réclamation est qualifiée recevable avant son attribution',
      en: 'The complaint is qualified admissible before it is assigned',
    });
  }
  if (complaint.holder) throw heldElsewhere(complaint);
  return change(complaint, { status: 'assigned', assignment: { service, at: now.toISOString(), by } }, 'assigned', by, now, undefined, { service });
}

/** The service takes it up: in progress. */
export function takeUpComplaint(complaint: Complaint, by: Actor, now: Date): ComplaintChange {
  requireStatus(complaint, ['assigned', 'reopened'], { ar: 'لا يشرع في معالجة إلا شكاية مسندة', fr: 'Seule une réclamation attribuée se prend en charge', en: 'Only an assigned complaint can be taken up' });
  return change(complaint, { status: 'in-progress' }, 'taken-up', by, now, undefined, { service: complaint.assignment?.service });
}

/**
 * Asks its complainant for information: the answer clock is suspended until they reply (the kit's rule), unless
 * its deadline already passed, which no request can undo.
 */
export function requestInformation(complaint: Complaint, question: string, by: Actor, holidays: ReadonlySet<string>, now: Date): ComplaintChange {
  requireStatus(complaint, ['assigned', 'in-progress'], { ar: 'لا تطلب معلومات إلا عن شكاية قيد المعالجة', fr: "On ne demande d'information que sur une réclamation en cours", en: 'Information is asked only about a complaint being handled' });
  if (!complaint.complainant) {
    throw new InvalidStateError({
      ar: 'لا يمكن مراسلة صاحب هذه الشكاية عبر المنصة؛ يراسله مكتب الضبط',
      fr: "Le réclamant de ce courrier n'a pas de compte sur la plateforme ; le bureau d'ordre lui écrit",
      en: "This complaint's sender has no account on the platform; the registry office writes to them",
    });
  }
  const suspends = !complaint.lapses?.answer && !isLate(complaint.clocks.answer, now);
  const clocks = suspends ? { ...complaint.clocks, answer: suspendClock(complaint.clocks.answer, now, holidays) } : complaint.clocks;
  const request: InformationRequest = { question, at: now.toISOString(), by };
  const made = change(complaint, { status: 'information-requested', clocks, informationRequests: [...(complaint.informationRequests ?? []), request] }, 'information-requested', by, now, undefined, {
    question,
    answerClockSuspended: suspends,
  });
  return told(made, now, {
    ar: `تطلب الجماعة معلومات تكميلية بخصوص شكايتكم: ${question}`,
    fr: `La commune vous demande un complément sur votre réclamation : ${question}`,
    en: `The commune asks you for more information about your complaint: ${question}`,
  });
}

/** Its complainant replies: back in progress, the answer clock resumed (a new workflow watches it). */
export function provideInformation(complaint: Complaint, text: string, by: Actor, holidays: ReadonlySet<string>, now: Date): ComplaintChange {
  requireStatus(complaint, ['information-requested'], { ar: 'لم تطلب أي معلومات', fr: "Aucune information n'est demandée", en: 'No information is asked for' });
  const requests = complaint.informationRequests ?? [];
  const answered = [...requests.slice(0, -1), { ...requests[requests.length - 1]!, reply: { text, at: now.toISOString() } }];
  const resumes = isSuspended(complaint.clocks.answer);
  const clocks = resumes ? { ...complaint.clocks, answer: resumeClock(complaint.clocks.answer, now, holidays) } : complaint.clocks;
  const made = change(complaint, { status: 'in-progress', clocks, informationRequests: answered }, 'information-provided', by, now, undefined, {
    answerClockResumed: resumes,
    answerDueAt: clocks.answer.dueAt,
  });
  return resumes ? { ...made, outbox: [...(made.outbox ?? []), deadlineWatched(made.complaint, now)] } : made;
}

/**
 * Sends the file to the competent body. To a collectivity of the platform it moves into that unit's queue; to
 * any other body, it stays in this queue held by it. Its clocks run on unchanged: the receipt is the same.
 */
export function transferComplaint(complaint: Complaint, to: Holder, reason: string, by: Actor, now: Date): ComplaintChange {
  requireStatus(complaint, ['acknowledged', 'assigned', 'in-progress', 'transferred'], {
    ar: 'لا تحال إلا شكاية مشعر بتسلمها لم يُجب عنها',
    fr: "Seule une réclamation accusée et sans réponse se transmet",
    en: 'Only an acknowledged complaint not answered yet can be transferred',
  });
  const transfer = { from: complaint.holder?.name ?? complaint.commune, to, reason, at: now.toISOString(), by };
  const moves = to.commune !== undefined;
  const fields: Partial<Complaint> = {
    status: 'transferred',
    transfers: [...(complaint.transfers ?? []), transfer],
    ...(moves ? { commune: to.commune } : { holder: to }),
  };
  const made = change(withoutFields(complaint, moves ? ['holder', 'assignment'] : []), fields, 'transferred', by, now, reason, { from: transfer.from, to });
  return told(made, now, {
    ar: `أحيلت شكايتكم على ${to.name}، الجهة المختصة، التي تتولى معالجتها الآن`,
    fr: `Votre réclamation a été transmise à ${to.name}, compétent, qui la traite désormais`,
    en: `Your complaint was transferred to ${to.name}, the competent body, which now handles it`,
  });
}

/** The reasoned answer, signed by the president or a delegate: the answer clock stops. */
export function answerComplaint(complaint: Complaint, answer: { readonly text: string; readonly signedBy: string }, by: Actor, now: Date): ComplaintChange {
  requireStatus(complaint, ['assigned', 'in-progress', 'transferred'], { ar: 'لا يجاب إلا عن شكاية قيد المعالجة', fr: 'Seule une réclamation en cours reçoit une réponse', en: 'Only a complaint being handled can be answered' });
  // A reopened complaint's second answer has no legal deadline: only the first is counted late or in time.
  const late = !complaint.answer && isLate(complaint.clocks.answer, now);
  const changed = change(complaint, { status: 'answered', answer: { ...answer, at: now.toISOString(), by, late } }, 'answered', by, now, undefined, { signedBy: answer.signedBy, late, firstAnswer: !complaint.answer });
  const answered = domainEvent({ type: COMPLAINT_EVENTS.answered, source: SOURCE, subject: complaint.id, occurredAt: now.toISOString(), version: changed.complaint.version, data: { complaintId: complaint.id } });
  const made = { ...changed, outbox: [...(changed.outbox ?? []), answered] };
  return told(made, now, {
    ar: `صدر الجواب عن شكايتكم: ${answer.text}`,
    fr: `Votre réclamation a reçu sa réponse : ${answer.text}`,
    en: `Your complaint has been answered: ${answer.text}`,
  });
}

export function closeComplaint(complaint: Complaint, note: string | undefined, by: Actor, now: Date): ComplaintChange {
  requireStatus(complaint, ['answered'], { ar: 'لا تحفظ إلا شكاية أجيب عنها', fr: 'Seule une réclamation qui a reçu sa réponse se clôt', en: 'Only an answered complaint can be closed' });
  return change(complaint, { status: 'closed', closure: { at: now.toISOString(), by, ...(note && { note }) } }, 'closed', by, now, note);
}

/** Its complainant asks for a second examination, once, within the window after the answer. */
export function reopenComplaint(complaint: Complaint, reason: string, by: Actor, now: Date): ComplaintChange {
  const windowDays = complaint.rules.reopenWindowDays;
  requireStatus(complaint, ['answered', 'closed'], { ar: 'لا يعاد فتح إلا شكاية أجيب عنها', fr: 'Seule une réclamation qui a reçu sa réponse se rouvre', en: 'Only an answered complaint can be reopened' });
  if (complaint.reopening) {
    throw new InvalidStateError({ ar: 'سبق إعادة فتح هذه الشكاية مرة', fr: 'Cette réclamation a déjà été rouverte une fois', en: 'This complaint was reopened once already' });
  }
  const closesAt = Date.parse(complaint.answer!.at) + windowDays * 86_400_000;
  if (now.getTime() > closesAt) {
    throw new InvalidStateError({
      ar: `انقضى أجل ${windowDays} يوما بعد الجواب لإعادة فتح الشكاية`,
      fr: `Le délai de ${windowDays} jours après la réponse pour rouvrir la réclamation est passé`,
      en: `The ${windowDays} days after the answer to reopen the complaint have passed`,
    });
  }
  return change(withoutFields(complaint, ['closure']), { status: 'reopened', reopening: { at: now.toISOString(), reason } }, 'reopened', by, now, reason);
}

/** Its complainant rates the latest answer (1 to 5), once per answer. */
export function rateComplaint(complaint: Complaint, rating: { readonly score: number; readonly comment?: string }, by: Actor, now: Date): ComplaintChange {
  requireStatus(complaint, ['answered', 'closed'], { ar: 'لا يقيم إلا جواب صادر', fr: 'Seule une réponse donnée se note', en: 'Only an answer given can be rated' });
  if (complaint.rating?.ofAnswerAt === complaint.answer!.at) {
    throw new InvalidStateError({ ar: 'سبق تقييم هذا الجواب', fr: 'Cette réponse est déjà notée', en: 'This answer is rated already' });
  }
  return change(complaint, { rating: { ...rating, at: now.toISOString(), ofAnswerAt: complaint.answer!.at } }, 'rated', by, now, undefined, { score: rating.score });
}

function heldElsewhere(complaint: Complaint): InvalidStateError {
  return new InvalidStateError({
    ar: `الملف لدى ${complaint.holder!.name}، الذي يتولى الجواب`,
    fr: `Le dossier est chez ${complaint.holder!.name}, qui y répond`,
    en: `The file is held by ${complaint.holder!.name}, which answers it`,
  });
}

export function requireStatus(complaint: Complaint, allowed: readonly ComplaintStatus[], rule: Localized): void {
  if (allowed.includes(complaint.status)) return;
  throw new InvalidStateError({
    ar: `${rule.ar}؛ الشكاية في حالة ${complaint.status}`,
    fr: `${rule.fr} ; la réclamation est ${complaint.status}`,
    en: `${rule.en}; the complaint is ${complaint.status}`,
  });
}

function withoutFields(complaint: Complaint, fields: readonly (keyof Complaint)[]): Complaint {
  return Object.fromEntries(Object.entries(complaint).filter(([field]) => !fields.includes(field as keyof Complaint))) as unknown as Complaint;
}

export function change(
  complaint: Complaint,
  fields: Partial<Complaint>,
  type: ComplaintEventType,
  by: Actor,
  now: Date,
  reason?: string,
  details?: ComplaintEvent['details'],
): ComplaintChange {
  const version = complaint.version + 1;
  const defined = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  const changed: Complaint = { ...complaint, ...defined, updatedAt: now.toISOString(), version };
  return withFigures({
    complaint: changed,
    event: {
      complaintId: complaint.id,
      version,
      type,
      at: now.toISOString(),
      by,
      statusBefore: complaint.status,
      statusAfter: changed.status,
      ...(reason && { reason }),
      ...(details && { details }),
    },
  });
}

/** A change with what it adds to its collectivity's open figures, if anything. */
function withFigures(made: ComplaintChange): ComplaintChange {
  const counted = complaintCounted(made.complaint, made.event);
  return counted ? { ...made, outbox: [...(made.outbox ?? []), counted] } : made;
}

/** The change, with its complainant told in their inbox (a letter's sender is written to by the registry office). */
function told(made: ComplaintChange, now: Date, message: Localized): ComplaintChange {
  const { complaint, event } = made;
  if (!complaint.complainant) return made;
  const cause = domainEvent({ type: `complaint.${event.type}`, source: SOURCE, subject: complaint.id, occurredAt: now.toISOString(), version: complaint.version, data: {} });
  const notice = notificationRequested(cause, { recipient: complaint.complainant, topic: `complaint-${event.type}`, about: { kind: 'complaint', id: complaint.id, reference: complaint.id }, message });
  return { ...made, outbox: [...(made.outbox ?? []), notice] };
}
