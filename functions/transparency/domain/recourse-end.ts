// The end of a request's recourse chain, after the CDAI complaint pack: the CDAI's decision as recorded (by an agent
// of the commune, or the requester who received it), the appeal to the administrative court within its period, and
// the request `closed` (after the judgment, or once the appeal period passed with none). The CDAI's period to decide
// and the period of the appeal were found in no text we could check: commune data, kept by each request from its
// opening. Also the reminder to the head of the body before its answer period ends. Pure.
import { startClock, type CaseClock } from '../../shared/case-clock/domain/case-clock.ts';
import { InvalidStateError } from '../../shared/errors/domain-errors.ts';
import { moroccanDate } from '../../shared/time/morocco-time.ts';
import { domainEvent, type DomainEvent } from '../../shared/events/domain-event.ts';
import { notificationRequested } from '../../notifications/public.ts';
import { change, requireStatus, type Actor, type InformationRequest, type RequestChange } from './information-request.ts';
import { DEFAULT_RECOURSE_PERIODS, RecoursePeriodPassedError, type RecoursePeriods } from './recourse.ts';

/** A request's recourse periods, the end of the chain's included (a request opened before they were kept has the defaults). */
export function recoursePeriodsOf(request: Pick<InformationRequest, 'recoursePeriods'>): Required<RecoursePeriods> {
  return { ...DEFAULT_RECOURSE_PERIODS, ...request.recoursePeriods };
}

export const CDAI_DECISIONS = ['upheld', 'partly-upheld', 'dismissed'] as const;
export type CdaiDecisionOutcome = (typeof CDAI_DECISIONS)[number];

export interface CdaiDecision {
  readonly outcome: CdaiDecisionOutcome;
  readonly summary: string;
  /** The Moroccan date the requester filed the complaint with the CDAI. */
  readonly complaintFiledOn: string;
  /** The Moroccan date of the CDAI's decision. */
  readonly decidedOn: string;
  /** The end of the CDAI's period to decide, counted from the complaint (unconfirmed). */
  readonly decisionDueDate: string;
  /** Whether the decision came after that period. */
  readonly late: boolean;
  /** The last day to appeal to the administrative court (unconfirmed period). */
  readonly appealClock: CaseClock;
  readonly recordedAt: string;
  readonly recordedBy: Actor;
}

export interface CourtAppeal {
  readonly court: string;
  readonly filedOn: string;
  readonly recordedAt: string;
  readonly recordedBy: Actor;
  readonly judgment?: { readonly summary: string; readonly on: string };
}

export const CLOSURE_REASONS = ['judgment', 'no-appeal'] as const;

export interface Closure {
  readonly reason: (typeof CLOSURE_REASONS)[number];
  readonly at: string;
  readonly by: Actor;
}

/** The instant a Moroccan date begins, for the clocks counted from a day someone gives. */
const startOf = (date: string) => new Date(`${date}T12:00:00Z`);

function requireDay(date: string, notBefore: string, today: string, what: { ar: string; fr: string; en: string }): void {
  if (date > today || date < notBefore) {
    throw new InvalidStateError({
      ar: `${what.ar} (${date}) يجب أن يكون بين ${notBefore} و${today}`,
      fr: `${what.fr} (${date}) doit être entre le ${notBefore} et le ${today}`,
      en: `${what.en} (${date}) must be between ${notBefore} and ${today}`,
    });
  }
}

/** Records the CDAI's decision on the complaint the pack was for. */
export function recordCdaiDecision(
  request: InformationRequest,
  given: Pick<CdaiDecision, 'outcome' | 'summary' | 'complaintFiledOn' | 'decidedOn'>,
  holidays: ReadonlySet<string>,
  by: Actor,
  now: Date,
): RequestChange {
  requireStatus(request, ['cdai-pack-issued'], { ar: 'يُسجل قرار اللجنة بعد إصدار ملف الشكاية', fr: 'La décision de la CDAI suit le dossier de saisine', en: "The CDAI's decision follows the complaint pack" });
  const today = moroccanDate(now);
  const packDay = moroccanDate(new Date(request.cdaiPack!.issuedAt));
  requireDay(given.complaintFiledOn, packDay, today, { ar: 'تاريخ الشكاية إلى اللجنة', fr: 'La date de saisine de la CDAI', en: 'The date the CDAI complaint was filed' });
  requireDay(given.decidedOn, given.complaintFiledOn, today, { ar: 'تاريخ قرار اللجنة', fr: 'La date de la décision de la CDAI', en: "The date of the CDAI's decision" });
  const periods = recoursePeriodsOf(request);
  const decisionDueDate = startClock({ days: periods.cdaiDecisionDays, unit: 'calendar' }, startOf(given.complaintFiledOn), holidays).dueDate;
  const appealClock = startClock({ days: periods.courtAppealDays, unit: 'calendar' }, startOf(given.decidedOn), holidays);
  const cdaiDecision: CdaiDecision = { ...given, decisionDueDate, late: given.decidedOn > decisionDueDate, appealClock, recordedAt: now.toISOString(), recordedBy: by };
  return change(request, { status: 'cdai-decided', cdaiDecision }, 'cdai-decided', by, now, { outcome: given.outcome, decidedOn: given.decidedOn, decisionDueDate, late: cdaiDecision.late, appealDueDate: appealClock.dueDate });
}

/** Records the appeal to the administrative court, filed within its period from the CDAI's decision. */
export function recordCourtAppeal(request: InformationRequest, given: Pick<CourtAppeal, 'court' | 'filedOn'>, by: Actor, now: Date): RequestChange {
  requireStatus(request, ['cdai-decided'], { ar: 'يُسجل الطعن القضائي بعد قرار اللجنة', fr: 'Le recours au tribunal suit la décision de la CDAI', en: "The court appeal follows the CDAI's decision" });
  const decision = request.cdaiDecision!;
  requireDay(given.filedOn, decision.decidedOn, moroccanDate(now), { ar: 'تاريخ الطعن', fr: "La date de l'appel", en: 'The date of the appeal' });
  if (given.filedOn > decision.appealClock.dueDate) {
    throw new RecoursePeriodPassedError({
      ar: `انقضى أجل الطعن أمام المحكمة الإدارية في ${decision.appealClock.dueDate}`,
      fr: `Le délai de recours devant le tribunal administratif a expiré le ${decision.appealClock.dueDate}`,
      en: `The period to appeal to the administrative court ended on ${decision.appealClock.dueDate}`,
    });
  }
  const courtAppeal: CourtAppeal = { ...given, recordedAt: now.toISOString(), recordedBy: by };
  return change(request, { status: 'court-appeal', courtAppeal }, 'court-appeal-filed', by, now, { court: given.court, filedOn: given.filedOn });
}

/**
 * Closes the chain: after the court's judgment (its summary and date), or once the appeal period passed with no
 * appeal. A request closed stays as it is.
 */
export function closeRequest(request: InformationRequest, given: { readonly reason: Closure['reason']; readonly judgment?: { readonly summary: string; readonly on: string } }, by: Actor, now: Date): RequestChange {
  const today = moroccanDate(now);
  if (given.reason === 'judgment') {
    requireStatus(request, ['court-appeal'], { ar: 'لا يُسجل الحكم إلا بعد الطعن', fr: "Le jugement suit l'appel", en: 'The judgment follows the appeal' });
    if (!given.judgment) throw new InvalidStateError({ ar: 'يلزم ملخص الحكم وتاريخه', fr: 'Le résumé du jugement et sa date sont requis', en: "The judgment's summary and date are required" });
    requireDay(given.judgment.on, request.courtAppeal!.filedOn, today, { ar: 'تاريخ الحكم', fr: 'La date du jugement', en: 'The date of the judgment' });
    const courtAppeal = { ...request.courtAppeal!, judgment: given.judgment };
    return change(request, { status: 'closed', courtAppeal, closure: { reason: 'judgment', at: now.toISOString(), by } }, 'closed', by, now, { reason: 'judgment', judgmentOn: given.judgment.on });
  }
  requireStatus(request, ['cdai-decided'], { ar: 'يُغلق الطلب دون طعن بعد قرار اللجنة', fr: 'La demande se clôt sans appel après la décision de la CDAI', en: "A request closes with no appeal after the CDAI's decision" });
  const appealDue = request.cdaiDecision!.appealClock;
  if (now.getTime() <= Date.parse(appealDue.dueAt)) {
    throw new InvalidStateError({
      ar: `يبقى الطعن أمام المحكمة ممكنا إلى نهاية ${appealDue.dueDate}`,
      fr: `L'appel devant le tribunal reste possible jusqu'à la fin du ${appealDue.dueDate}`,
      en: `An appeal to the court remains possible until the end of ${appealDue.dueDate}`,
    });
  }
  return change(request, { status: 'closed', closure: { reason: 'no-appeal', at: now.toISOString(), by } }, 'closed', by, now, { reason: 'no-appeal', appealDueDate: appealDue.dueDate });
}

/** Emitted with a complaint to the head of the body: a workflow watches its reminder (the version names it). */
export const COMPLAINT_REMINDER_WATCHED = 'information-request.complaint-reminder-watched';

/** The instant the head of the body is reminded: the end of the working day that leaves `reminderWorkingDays` of the period. */
export function reminderAt(request: InformationRequest, holidays: ReadonlySet<string>): string {
  const complaint = request.internalComplaint!;
  const periods = recoursePeriodsOf(request);
  const ahead = complaint.answerClock.period.days - periods.reminderWorkingDays;
  if (ahead <= 0) return complaint.filedAt;
  return startClock({ days: ahead, unit: 'working' }, new Date(complaint.filedAt), holidays).dueAt;
}

/** The complaint's change, with its reminder instant recorded and the event that has a workflow watch it. */
export function withComplaintReminder(made: RequestChange, holidays: ReadonlySet<string>): RequestChange {
  const request = { ...made.request, internalComplaint: { ...made.request.internalComplaint!, remindAt: reminderAt(made.request, holidays) } };
  const watched = domainEvent({ type: COMPLAINT_REMINDER_WATCHED, source: 'transparency', subject: request.id, occurredAt: made.event.at, version: request.version, data: { requestId: request.id, version: request.version } });
  return { ...made, request, outbox: [...(made.outbox ?? []), watched] };
}

/**
 * The reminder's check, for the generic deadline workflow: `running` until its instant; then the reminder recorded
 * once (told to the head of the body when the commune named them) and nothing more to watch. A complaint answered
 * meanwhile, or a request gone past it, is `closed`.
 */
export function complaintReminderDue(request: InformationRequest, now: Date): { state: 'running'; wakeAt: string } | { state: 'due' } | { state: 'closed' } {
  const complaint = request.internalComplaint;
  if (request.status !== 'internal-complaint' || !complaint || complaint.answer || complaint.remindedAt || !complaint.remindAt) return { state: 'closed' };
  if (now.getTime() < Date.parse(complaint.remindAt)) return { state: 'running', wakeAt: complaint.remindAt };
  return { state: 'due' };
}

export function remindHeadOfBody(request: InformationRequest, headOfBody: string | undefined, now: Date): RequestChange {
  const complaint = request.internalComplaint!;
  const by: Actor = { sub: 'complaint-reminder', role: 'system' };
  const made = change(request, { internalComplaint: { ...complaint, remindedAt: now.toISOString() } }, 'complaint-reminded', by, now, { answerDueDate: complaint.answerClock.dueDate, told: headOfBody !== undefined });
  if (!headOfBody) return made;
  const cause: DomainEvent = domainEvent({ type: 'information-request.complaint-reminded', source: 'transparency', subject: request.id, occurredAt: made.event.at, version: made.request.version, data: {} });
  const told = notificationRequested(cause, {
    recipient: headOfBody,
    topic: 'information-complaint-reminder',
    about: { kind: 'information-request', id: request.id, reference: request.id },
    message: {
      ar: `تنتظر شكاية تتعلق بطلب الحصول على المعلومات ${request.id} جوابكم قبل نهاية ${complaint.answerClock.dueDate}`,
      fr: `Une réclamation sur la demande d'accès à l'information ${request.id} attend votre réponse avant la fin du ${complaint.answerClock.dueDate}`,
      en: `A complaint about access-to-information request ${request.id} awaits your answer by the end of ${complaint.answerClock.dueDate}`,
    },
  });
  return { ...made, outbox: [...(made.outbox ?? []), told] };
}
