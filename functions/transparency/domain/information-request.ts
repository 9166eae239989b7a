// An access-to-information request under Law 31-13: filed online by a signed-in citizen, registered by an agent
// of the commune from the counter, the post or e-mail, or handed over by the registry office; answered within its
// clock's working days, extended once with notice first, or implicitly refused when its deadline passes in silence.
// Every change is an append-only event (who, when, why). Pure: the instant, the clock and the ids are given.
import type { Role } from '../../shared/auth/roles.ts';
import type { CaseClock } from '../../shared/case-clock/domain/case-clock.ts';
import type { CaseStanding } from '../../shared/case-clock/domain/case-clock.ts';
import { InvalidStateError } from '../../shared/errors/domain-errors.ts';
import type { DomainEvent } from '../../shared/events/domain-event.ts';
import type { Localized } from '../../shared/i18n/language.ts';
import type { GroundStatement } from './refusal-grounds.ts';
import type { CdaiPack, InternalComplaint, RecoursePeriods } from './recourse.ts';
import type { AnswerPeriod } from './transparency-settings.ts';
import type { ReleasedDocument } from './released-documents.ts';
import type { DisclosureEntry } from './disclosure-log.ts';
import type { CostStatement } from './reproduction-costs.ts';
import type { CdaiDecision, Closure, CourtAppeal } from './recourse-end.ts';

/** How the request reached the body; the last is a letter the registry office numbered and classified. */
export const CHANNELS = ['online', 'counter', 'post', 'email', 'registry-office'] as const;
export type Channel = (typeof CHANNELS)[number];

/** The form in which the requester wants the information. */
export const FORMATS = ['electronic', 'paper-copy', 'on-site-consultation'] as const;
export type Format = (typeof FORMATS)[number];

export const IDENTITY_DOCUMENTS = ['cnie', 'residence-card'] as const;

/** Who asks, as the law wants a request to say: a citizen's CNIE, a resident foreigner's residence card. */
export interface Requester {
  readonly name: string;
  readonly address: string;
  readonly identityDocument: { readonly kind: (typeof IDENTITY_DOCUMENTS)[number]; readonly number: string };
  readonly email?: string;
}

/**
 * `received` → `acknowledged` → `in-progress` → [`extended`] → `answered-full` | `answered-partial` | `refused` |
 * `implicitly-refused` (the deadline passed without an answer) → `internal-complaint` (to the head of the body) →
 * `cdai-pack-issued` → `cdai-decided` (the CDAI's decision) → [`court-appeal`] → `closed`; `withdrawn` by its requester while open. An answer, a withdrawal or the lapse may come from
 * any open state.
 */
export const REQUEST_STATUSES = [
  'received',
  'acknowledged',
  'in-progress',
  'extended',
  'answered-full',
  'answered-partial',
  'refused',
  'implicitly-refused',
  'internal-complaint',
  'cdai-pack-issued',
  'withdrawn',
  'cdai-decided',
  'court-appeal',
  'closed',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const OPEN_STATUSES: readonly RequestStatus[] = ['received', 'acknowledged', 'in-progress', 'extended'];

export const NOTICE_CHANNELS = ['platform', 'email', 'post', 'counter'] as const;

export interface Actor {
  readonly sub: string;
  /** `system`: the deadline workflow, the sweep, a recount, the registry office's hand-over. */
  readonly role: Role | 'system';
}

/** The notice told to the requester before an extension: the law wants it first, with its reason. */
export interface ExtensionNotice {
  readonly reason: string;
  /** How the requester was told; `platform`: in their inbox, which the notice's event fills. */
  readonly channel: (typeof NOTICE_CHANNELS)[number];
  readonly at: string;
  readonly by: Actor;
}

export interface WithheldPart {
  /** What is withheld, in words the requester understands. */
  readonly part: string;
  readonly grounds: readonly GroundStatement[];
}

/** A question the body asked the requester to make the request clear, and their reply once given. */
export interface Clarification {
  readonly question: string;
  readonly askedAt: string;
  readonly askedBy: Actor;
  /** Whether the clock stopped until the reply: the commune's rule when the request opened. */
  readonly suspendsClock: boolean;
  readonly reply?: string;
  readonly repliedAt?: string;
  readonly repliedBy?: Actor;
}

export type Answer =
  | { readonly outcome: 'full'; readonly summary: string; readonly format: Format; readonly at: string; readonly by: Actor }
  | { readonly outcome: 'partial'; readonly summary: string; readonly format: Format; readonly withheld: readonly WithheldPart[]; readonly at: string; readonly by: Actor }
  | { readonly outcome: 'refused'; readonly grounds: readonly GroundStatement[]; readonly at: string; readonly by: Actor };

export interface InformationRequest {
  readonly id: string;
  /** The collectivity asked. */
  readonly commune: string;
  readonly channel: Channel;
  /**
   * When the body received it, to the second in Africa/Casablanca with its offset: the start of its clock. Online,
   * the filing instant; at the counter, by post or e-mail, the instant on the agent's receipt; from the registry
   * office, the letter's registry receipt instant.
   */
  readonly receivedAt: string;
  /** The requester's identity; a request handed over by the registry office is its letter, which names them. */
  readonly requester?: Requester;
  /** The signed-in citizen who filed it online: they follow it, withdraw it and are told of each step. */
  readonly filedBy?: string;
  /** The information wanted; for a request from the registry office, its letter says it. */
  readonly information?: string;
  readonly format?: Format;
  /** Present on an urgent request (a person's life, safety or freedom at stake), with why. */
  readonly urgency?: { readonly justification: string };
  /** The registry office's letter it was opened from. */
  readonly registryLetter?: { readonly letterId: string; readonly number: string };
  readonly status: RequestStatus;
  /** The commune's period for such a request when it opened, and its extension: what the clock counts and may add. */
  readonly answerPeriod: AnswerPeriod;
  /** The commune's recourse periods when the request opened. */
  readonly recoursePeriods: RecoursePeriods;
  /** The commune's rule when the request opened: whether asking for clarification stops the clock. */
  readonly clarificationSuspendsClock: boolean;
  readonly clock: CaseClock;
  /** Oldest first; at most the last one waits for its reply. */
  readonly clarifications?: readonly Clarification[];
  readonly extensionNotice?: ExtensionNotice;
  readonly answer?: Answer;
  readonly withdrawal?: { readonly at: string; readonly reason?: string };
  /** When the lapse of its deadline was recorded: the request is implicitly refused from then. */
  readonly lapsedAt?: string;
  /** The requester's complaint to the head of the body, and its answer. */
  readonly internalComplaint?: InternalComplaint;
  /** When the CDAI complaint pack was issued, and until when the complaint may be filed. */
  readonly cdaiPack?: Pick<CdaiPack, 'issuedAt' | 'filingDeadline'>;
  /** The documents released with the answer, in the order declared. */
  readonly releasedDocuments?: readonly ReleasedDocument[];
  /** The reproduction and sending costs shown to the requester before delivery. */
  readonly costs?: CostStatement;
  /** The CDAI's decision on the complaint, as recorded. */
  readonly cdaiDecision?: CdaiDecision;
  /** The appeal to the administrative court, and its judgment. */
  readonly courtAppeal?: CourtAppeal;
  /** The end of the recourse chain. */
  readonly closure?: Closure;
  /** Its requester consents to its publication in the disclosure log, once answered, with no personal data. */
  readonly disclosureConsent?: boolean;
  /** Its entry in the disclosure log, once an agent published it (disclosure-log.ts). */
  readonly disclosure?: DisclosureEntry;
  readonly openedBy: Actor;
  readonly version: number;
}

export const REQUEST_EVENT_TYPES = [
  'received',
  'acknowledged',
  'processing-started',
  'clarification-asked',
  'clarified',
  'extension-noticed',
  'extended',
  'answered',
  'withdrawn',
  'implicitly-refused',
  'deadline-moved',
  'internal-complaint-filed',
  'internal-complaint-answered',
  'cdai-pack-issued',
  'document-declared',
  'document-stored',
  'document-released',
  'document-quarantined',
  'complaint-reminded',
  'cdai-decided',
  'court-appeal-filed',
  'closed',
  'costs-stated',
  'costs-paid',
  'disclosed',
] as const;
export type RequestEventType = (typeof REQUEST_EVENT_TYPES)[number];

export interface RequestEvent {
  readonly requestId: string;
  readonly version: number;
  readonly type: RequestEventType;
  readonly at: string;
  readonly by: Actor;
  readonly statusBefore?: RequestStatus;
  readonly statusAfter: RequestStatus;
  /** Why, and what changed: the reason, the grounds, the due dates before and after. */
  readonly details?: Readonly<Record<string, unknown>>;
}

export interface RequestChange {
  readonly request: InformationRequest;
  readonly event: RequestEvent;
  /** Domain events written with the change: its workflow's start, the requester's notification. */
  readonly outbox?: readonly DomainEvent[];
}

/** Open while unanswered and not withdrawn; `lapsed` once the silence at expiry is recorded. */
export function requestStanding(request: Pick<InformationRequest, 'status'>): CaseStanding {
  if (request.status === 'implicitly-refused') return 'lapsed';
  return OPEN_STATUSES.includes(request.status) ? 'open' : 'closed';
}

/** A request not yet written: what opening it is given. */
export type NewRequest = Pick<InformationRequest, 'id' | 'commune' | 'channel' | 'receivedAt' | 'answerPeriod' | 'recoursePeriods' | 'clarificationSuspendsClock' | 'clock'> &
  Partial<Pick<InformationRequest, 'requester' | 'filedBy' | 'information' | 'format' | 'urgency' | 'registryLetter' | 'disclosureConsent'>>;

export function openRequest(request: NewRequest, by: Actor, now: Date): RequestChange {
  const opened: InformationRequest = { ...request, status: 'received', openedBy: by, version: 1 };
  const details = { channel: request.channel, receivedAt: request.receivedAt, dueDate: request.clock.dueDate, ...(request.urgency && { urgent: true }), ...(request.registryLetter && { registryLetter: request.registryLetter }) };
  return { request: opened, event: { requestId: request.id, version: 1, type: 'received', at: now.toISOString(), by, statusAfter: 'received', details } };
}

export function acknowledgeRequest(request: InformationRequest, by: Actor, now: Date): RequestChange {
  requireStatus(request, ['received'], { ar: 'لا يُشعر بالتوصل إلا بطلب توصل به للتو', fr: "Seule une demande reçue s'accuse", en: 'Only a request just received can be acknowledged' });
  return change(request, { status: 'acknowledged' }, 'acknowledged', by, now);
}

export function startProcessing(request: InformationRequest, by: Actor, now: Date): RequestChange {
  requireStatus(request, ['received', 'acknowledged'], { ar: 'الطلب قيد المعالجة من قبل', fr: 'La demande est déjà en traitement', en: 'The request is being processed already' });
  return change(request, { status: 'in-progress' }, 'processing-started', by, now);
}

/** Records the notice of an extension told to the requester; the extension itself may follow, before expiry. */
export function noticeExtension(request: InformationRequest, notice: Pick<ExtensionNotice, 'reason' | 'channel'>, by: Actor, now: Date): RequestChange {
  requireStatus(request, ['received', 'acknowledged', 'in-progress'], { ar: 'لا يُمدد إلا طلب مفتوح لم يُمدد', fr: "Seule une demande ouverte et non prorogée se proroge", en: 'Only an open request not extended yet can be extended' });
  return change(request, { extensionNotice: { ...notice, at: now.toISOString(), by } }, 'extension-noticed', by, now, { reason: notice.reason, channel: notice.channel });
}

/** The answer: full, partial with the parts withheld and their grounds, or a reasoned refusal on the law's grounds. */
export function answerRequest(request: InformationRequest, answer: Answer, by: Actor, now: Date): RequestChange {
  requireStatus(request, OPEN_STATUSES, { ar: 'لا يُجاب إلا عن طلب مفتوح', fr: "Seule une demande ouverte reçoit une réponse", en: 'Only an open request can be answered' });
  const status: RequestStatus = answer.outcome === 'full' ? 'answered-full' : answer.outcome === 'partial' ? 'answered-partial' : 'refused';
  const grounds = answer.outcome === 'refused' ? answer.grounds.map(({ ground }) => ground) : answer.outcome === 'partial' ? answer.withheld.flatMap((part) => part.grounds.map(({ ground }) => ground)) : [];
  return change(request, { status, answer }, 'answered', by, now, { outcome: answer.outcome, ...(grounds.length > 0 && { grounds: [...new Set(grounds)] }) });
}

export function withdrawRequest(request: InformationRequest, reason: string | undefined, by: Actor, now: Date): RequestChange {
  requireStatus(request, OPEN_STATUSES, { ar: 'لا يُسحب إلا طلب مفتوح', fr: "Seule une demande ouverte se retire", en: 'Only an open request can be withdrawn' });
  return change(request, { status: 'withdrawn', withdrawal: { at: now.toISOString(), ...(reason && { reason }) } }, 'withdrawn', by, now, reason ? { reason } : undefined);
}

/**
 * What the requester can do after a refusal, a partial answer or the silence at expiry: complain to the head of
 * the body, then to the CDAI within 30 days of that complaint's answer or of its deadline passing.
 */
export const RECOURSE: Localized = {
  ar: 'يمكنكم تقديم شكاية إلى رئيس الهيئة المعنية، ثم إلى لجنة الحق في الحصول على المعلومات داخل أجل 30 يوما من جواب رئيس الهيئة أو من انقضاء أجل جوابه',
  fr: "Vous pouvez adresser une réclamation au chef de l'organisme, puis à la Commission du droit d'accès à l'information (CDAI) dans les 30 jours suivant sa réponse ou l'expiration de son délai de réponse",
  en: 'You may complain to the head of the body, then to the Commission for the Right of Access to Information (CDAI) within 30 days of its answer or of its deadline to answer passing',
};

/** The recourse open to the requester of a request refused, partly answered or left unanswered; none otherwise. */
export function recourseOf(request: Pick<InformationRequest, 'status'>): Localized | undefined {
  return ['answered-partial', 'refused', 'implicitly-refused', 'internal-complaint', 'cdai-pack-issued', 'cdai-decided', 'court-appeal'].includes(request.status) ? RECOURSE : undefined;
}

export function requireStatus(request: InformationRequest, allowed: readonly RequestStatus[], rule: Localized): void {
  if (allowed.includes(request.status)) return;
  throw new InvalidStateError({
    ar: `${rule.ar}؛ الطلب ${request.id} في حالة ${request.status}`,
    fr: `${rule.fr} ; la demande ${request.id} est ${request.status}`,
    en: `${rule.en}; request ${request.id} is ${request.status}`,
  });
}

export function change(request: InformationRequest, fields: Partial<InformationRequest>, type: RequestEventType, by: Actor, now: Date, details?: RequestEvent['details']): RequestChange {
  const version = request.version + 1;
  const changed: InformationRequest = { ...request, ...fields, version };
  return {
    request: changed,
    event: { requestId: request.id, version, type, at: now.toISOString(), by, statusBefore: request.status, statusAfter: changed.status, ...(details && { details }) },
  };
}
