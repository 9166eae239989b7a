// The clock of an access-to-information request on the case clock, in Moroccan working days: its period from the
// commune's settings (20, urgent 3), one extension (20, urgent 3) allowed only before expiry and only once its
// notice was recorded, and at expiry without an answer the implicit refusal, recorded by the deadline workflow at
// that instant with the requester told what they can do next. Each change the requester should know of asks the
// notifications context to tell a requester who filed online.
import { clockStatusAt, extendClock, isSuspended, recount, resumeClock, startClock, suspendClock, type CaseClock } from '../../shared/case-clock/domain/case-clock.ts';
import { DomainError, InvalidStateError } from '../../shared/errors/domain-errors.ts';
import { domainEvent, type DomainEvent } from '../../shared/events/domain-event.ts';
import type { Localized } from '../../shared/i18n/language.ts';
import { notificationRequested } from '../../notifications/public.ts';
import { TRANSPARENCY_PROBLEMS } from '../transparency.problems.ts';
import { change, OPEN_STATUSES, RECOURSE, requestStanding, requireStatus, type Actor, type Clarification, type InformationRequest, type RequestChange, type RequestEventType } from './information-request.ts';
import type { AnswerPeriod, TransparencySettings } from './transparency-settings.ts';

const SOURCE = 'transparency';

export const REQUEST_EVENTS = {
  /** A clock started or its due instant moved: a deadline workflow watches this version. */
  deadlineWatched: 'information-request.deadline-watched',
} as const;

export class ExtensionNoticeRequiredError extends DomainError {
  readonly problem = TRANSPARENCY_PROBLEMS['extension-notice-required'];
}

export class ImplicitlyRefusedError extends DomainError {
  readonly problem = TRANSPARENCY_PROBLEMS['implicitly-refused'];
}

/** The commune's period for a request, urgent or not. */
export function answerPeriodOf(settings: TransparencySettings, urgent: boolean): AnswerPeriod {
  return urgent ? settings.periods.urgent : settings.periods.normal;
}

/** The clock of a request received at `receivedAt`, counted in its period's working days. */
export function requestClock(period: AnswerPeriod, receivedAt: Date, holidays: ReadonlySet<string>): CaseClock {
  return startClock({ days: period.days, unit: 'working' }, receivedAt, holidays);
}

/** The event that has a deadline workflow watch `request` at its version. */
export function deadlineWatched(request: Pick<InformationRequest, 'id' | 'version'>, at: Date): DomainEvent {
  return domainEvent({ type: REQUEST_EVENTS.deadlineWatched, source: SOURCE, subject: request.id, occurredAt: at.toISOString(), version: request.version, data: { requestId: request.id, version: request.version } });
}

/** The change with its requester told `message` (when they filed online: an agent's registration names no account). */
export function withRequesterTold(made: RequestChange, topic: string, message: Localized): RequestChange {
  const { request, event } = made;
  if (!request.filedBy) return made;
  const cause = domainEvent({ type: `information-request.${event.type}`, source: SOURCE, subject: request.id, occurredAt: event.at, version: request.version, data: {} });
  const told = notificationRequested(cause, { recipient: request.filedBy, topic, about: { kind: 'information-request', id: request.id, reference: request.id }, message });
  return { ...made, outbox: [...(made.outbox ?? []), told] };
}

/** Refuses a change the lapse of the deadline has overtaken: the request is implicitly refused, recorded or not yet. */
export function requireRunningClock(request: InformationRequest, now: Date): void {
  if (clockStatusAt(request.clock, requestStanding(request), now) !== 'lapsed') return;
  throw new ImplicitlyRefusedError({
    ar: `انقضى أجل ${request.clock.dueDate} دون جواب: يعتبر الطلب مرفوضا ضمنيا`,
    fr: `Le délai du ${request.clock.dueDate} est écoulé sans réponse : la demande est implicitement refusée`,
    en: `The deadline of ${request.clock.dueDate} passed without an answer: the request is implicitly refused`,
  });
}

/**
 * Extends the deadline once, by its period's extension days, before it expires and only after its notice to the
 * requester was recorded (its reason is the extension's).
 */
export function extendRequest(request: InformationRequest, holidays: ReadonlySet<string>, by: Actor, now: Date): RequestChange {
  requireStatus(request, ['received', 'acknowledged', 'in-progress', 'extended'], { ar: 'لا يُمدد إلا طلب مفتوح', fr: "Seule une demande ouverte se proroge", en: 'Only an open request can be extended' });
  if (!request.extensionNotice) {
    throw new ExtensionNoticeRequiredError({
      ar: 'يجب أولا تسجيل إشعار صاحب الطلب بالتمديد وسببه',
      fr: "La notification de la prorogation au demandeur, avec son motif, doit être enregistrée d'abord",
      en: 'The notice of the extension to the requester, with its reason, must be recorded first',
    });
  }
  const clock = extendClock(request.clock, { days: request.answerPeriod.extensionDays, reason: request.extensionNotice.reason }, holidays, now);
  const made = change(request, { status: 'extended', clock }, 'extended', by, now, { reason: request.extensionNotice.reason, dueDateBefore: request.clock.dueDate, dueDateAfter: clock.dueDate });
  return withRequesterTold({ ...made, outbox: [deadlineWatched(made.request, now)] }, 'deadline-extended', {
    ar: `مُدد أجل الجواب عن طلبكم إلى نهاية ${clock.dueDate}`,
    fr: `Le délai de réponse à votre demande est prorogé jusqu'à la fin du ${clock.dueDate}`,
    en: `The deadline to answer your request is extended to the end of ${clock.dueDate}`,
  });
}

function pendingClarification(request: InformationRequest): Clarification | undefined {
  const last = request.clarifications?.at(-1);
  return last && last.reply === undefined ? last : undefined;
}

/**
 * Asks the requester to make the request clear. The clock runs on unless the commune's rule (when the request
 * opened) makes it a suspension: the law lists an unclear request as a ground of refusal, so by default the body
 * answers in time or refuses on it. One question waits for its reply at a time.
 */
export function askClarification(request: InformationRequest, question: string, holidays: ReadonlySet<string>, by: Actor, now: Date): RequestChange {
  requireStatus(request, OPEN_STATUSES, { ar: 'لا يُطلب توضيح إلا لطلب مفتوح', fr: "Une précision ne se demande que sur une demande ouverte", en: 'Clarification is asked only of an open request' });
  if (pendingClarification(request)) {
    throw new InvalidStateError({
      ar: 'ينتظر طلب توضيح سابق جواب صاحب الطلب',
      fr: 'Une demande de précision attend déjà la réponse du demandeur',
      en: "A clarification asked before still waits for the requester's reply",
    });
  }
  const suspendsClock = request.clarificationSuspendsClock;
  const clock = suspendsClock ? suspendClock(request.clock, now, holidays) : request.clock;
  const clarification: Clarification = { question, askedAt: now.toISOString(), askedBy: by, suspendsClock };
  const made = change(request, { clarifications: [...(request.clarifications ?? []), clarification], clock }, 'clarification-asked', by, now, { question, suspendsClock });
  return withRequesterTold(made, 'clarification-asked', {
    ar: `تطلب الجماعة توضيح طلبكم: ${question}`,
    fr: `La commune vous demande de préciser votre demande : ${question}`,
    en: `The commune asks you to make your request clear: ${question}`,
  });
}

/** Records the requester's reply; a clock the question suspended resumes that day, and its workflow watches it again. */
export function recordClarification(request: InformationRequest, reply: string, holidays: ReadonlySet<string>, by: Actor, now: Date): RequestChange {
  requireStatus(request, OPEN_STATUSES, { ar: 'لا يُسجل توضيح إلا لطلب مفتوح', fr: "Une précision ne s'enregistre que sur une demande ouverte", en: 'A clarification is recorded only on an open request' });
  const pending = pendingClarification(request);
  if (!pending) {
    throw new InvalidStateError({ ar: 'لم يُطلب أي توضيح', fr: "Aucune précision n'a été demandée", en: 'No clarification was asked' });
  }
  const answered: Clarification = { ...pending, reply, repliedAt: now.toISOString(), repliedBy: by };
  const clock = isSuspended(request.clock) ? resumeClock(request.clock, now, holidays) : request.clock;
  const made = change(request, { clarifications: [...request.clarifications!.slice(0, -1), answered], clock }, 'clarified', by, now, {
    ...(clock !== request.clock && { dueDateBefore: request.clock.dueDate, dueDateAfter: clock.dueDate }),
  });
  return clock === request.clock ? made : { ...made, outbox: [deadlineWatched(made.request, now)] };
}

const SYSTEM: Actor = { sub: 'system', role: 'system' };

function systemChange(request: InformationRequest, fields: Partial<InformationRequest>, type: RequestEventType, now: Date, details: Readonly<Record<string, unknown>>): RequestChange {
  return change(request, fields, type, SYSTEM, now, details);
}

/** The deadline passed with the request still open: it is implicitly refused, and its requester told the recourse. */
export function recordImplicitRefusal(request: InformationRequest, now: Date): RequestChange {
  const made = systemChange(request, { status: 'implicitly-refused', lapsedAt: now.toISOString() }, 'implicitly-refused', now, { dueAt: request.clock.dueAt });
  return withRequesterTold(made, 'implicitly-refused', {
    ar: `لم يُجب عن طلبكم داخل الأجل (${request.clock.dueDate}): يعتبر مرفوضا ضمنيا. ${RECOURSE.ar}`,
    fr: `Votre demande n'a pas reçu de réponse dans le délai (${request.clock.dueDate}) : elle est implicitement refusée. ${RECOURSE.fr}`,
    en: `Your request was not answered in time (${request.clock.dueDate}): it is implicitly refused. ${RECOURSE.en}`,
  });
}

/** Counts the deadline again with a new holiday calendar; a change only if the due date moved, watched afresh. */
export function recountRequestDeadline(request: InformationRequest, holidays: ReadonlySet<string>, year: number, now: Date): RequestChange | undefined {
  if (requestStanding(request) !== 'open') return undefined;
  const { clock, dueMoved } = recount(request.clock, holidays, now);
  if (!dueMoved) return undefined;
  const made = systemChange(request, { clock }, 'deadline-moved', now, { reason: 'holidays-changed', year, dueDateBefore: request.clock.dueDate, dueDateAfter: clock.dueDate });
  return { ...made, outbox: [deadlineWatched(made.request, now)] };
}
