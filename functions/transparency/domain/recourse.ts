// The recourse of a requester refused, answered in part or left unanswered: a complaint to the head of the body
// within its filing period, answered within its answer period (both in working days, found in no text we could
// check: commune data, kept by each request from its opening), then a complaint to the CDAI within 30 days of the
// head's answer or of its deadline passing (confirmed). The platform produces the CDAI complaint pack, the request's
// whole timeline; it does not file it.
import { startClock, type CaseClock } from '../../shared/case-clock/domain/case-clock.ts';
import { DomainError, InvalidStateError } from '../../shared/errors/domain-errors.ts';
import { TRANSPARENCY_PROBLEMS } from '../transparency.problems.ts';
import { change, requireStatus, type Actor, type InformationRequest, type RequestChange, type RequestEvent } from './information-request.ts';
import { withRequesterTold } from './request-clock.ts';

export interface RecoursePeriods {
  /** Working days from the refusal, the partial answer or the lapse to complain to the head of the body. */
  readonly complaintFilingDays: number;
  /** Working days the head of the body has to answer the complaint. */
  readonly complaintAnswerDays: number;
  /** Calendar days the CDAI has to decide (absent on a request opened before they were kept: the default). */
  readonly cdaiDecisionDays?: number;
  /** Calendar days to appeal the CDAI's decision to the administrative court. */
  readonly courtAppealDays?: number;
  /** Working days before the end of the head's answer period at which the head is reminded. */
  readonly reminderWorkingDays?: number;
}

/** Unconfirmed: no text we could check gives them; an administrator sets the commune's own. */
export const DEFAULT_RECOURSE_PERIODS: Required<RecoursePeriods> = { complaintFilingDays: 20, complaintAnswerDays: 15, cdaiDecisionDays: 30, courtAppealDays: 60, reminderWorkingDays: 3 };

/** Calendar days to complain to the CDAI from the head's answer or its deadline passing (confirmed). */
export const CDAI_FILING_DAYS = 30;

export interface InternalComplaint {
  readonly reason: string;
  readonly filedAt: string;
  readonly by: Actor;
  /** The end of the filing period it was filed within. */
  readonly filingDueAt: string;
  /** The head's period to answer, from the filing. */
  readonly answerClock: CaseClock;
  readonly answer?: { readonly text: string; readonly at: string; readonly by: Actor };
  /** When the head of the body is reminded of it, and when they were. */
  readonly remindAt?: string;
  readonly remindedAt?: string;
}

export class RecoursePeriodPassedError extends DomainError {
  readonly problem = TRANSPARENCY_PROBLEMS['recourse-period-passed'];
}

const CONTESTABLE: readonly InformationRequest['status'][] = ['answered-partial', 'refused', 'implicitly-refused'];

/** When the decision the requester contests was made: the answer, or the end of the answer period for the silence. */
function decidedAt(request: InformationRequest): Date {
  return new Date(request.answer?.at ?? request.clock.dueAt);
}

export function complaintFilingClock(request: InformationRequest, holidays: ReadonlySet<string>): CaseClock {
  return startClock({ days: request.recoursePeriods.complaintFilingDays, unit: 'working' }, decidedAt(request), holidays);
}

/** The requester complains to the head of the body, within the filing period; the head's answer period starts. */
export function fileInternalComplaint(request: InformationRequest, reason: string, holidays: ReadonlySet<string>, by: Actor, now: Date): RequestChange {
  requireStatus(request, CONTESTABLE, {
    ar: 'لا يُشتكى إلا من رفض أو جواب جزئي أو سكوت',
    fr: "Seuls un refus, une réponse partielle ou le silence font l'objet d'une réclamation",
    en: 'Only a refusal, a partial answer or the silence can be complained of',
  });
  const filing = complaintFilingClock(request, holidays);
  if (now.getTime() > Date.parse(filing.dueAt)) {
    throw new RecoursePeriodPassedError({
      ar: `انقضى أجل الشكاية إلى رئيس الهيئة في ${filing.dueDate}`,
      fr: `Le délai de réclamation auprès du chef de l'organisme a expiré le ${filing.dueDate}`,
      en: `The period to complain to the head of the body ended on ${filing.dueDate}`,
    });
  }
  const answerClock = startClock({ days: request.recoursePeriods.complaintAnswerDays, unit: 'working' }, now, holidays);
  const internalComplaint: InternalComplaint = { reason, filedAt: now.toISOString(), by, filingDueAt: filing.dueAt, answerClock };
  return change(request, { status: 'internal-complaint', internalComplaint }, 'internal-complaint-filed', by, now, { reason, filingDueDate: filing.dueDate, answerDueDate: answerClock.dueDate });
}

/** When the CDAI complaint may be filed from, and until when: undefined while the head still has time to answer. */
export function cdaiFilingClock(request: InformationRequest, holidays: ReadonlySet<string>, now: Date): CaseClock | undefined {
  const complaint = request.internalComplaint;
  if (!complaint) return undefined;
  if (complaint.answer) return startClock({ days: CDAI_FILING_DAYS, unit: 'calendar' }, new Date(complaint.answer.at), holidays);
  if (now.getTime() <= Date.parse(complaint.answerClock.dueAt)) return undefined;
  return startClock({ days: CDAI_FILING_DAYS, unit: 'calendar' }, new Date(complaint.answerClock.dueAt), holidays);
}

/** The head of the body answers the complaint; the requester is told until when they may go to the CDAI. */
export function answerInternalComplaint(request: InformationRequest, text: string, holidays: ReadonlySet<string>, by: Actor, now: Date): RequestChange {
  requireStatus(request, ['internal-complaint'], { ar: 'لا توجد شكاية تنتظر الجواب', fr: "Aucune réclamation n'attend de réponse", en: 'No complaint waits for an answer' });
  if (request.internalComplaint!.answer) {
    throw new InvalidStateError({ ar: 'سبق الجواب عن الشكاية', fr: 'La réclamation a déjà reçu sa réponse', en: 'The complaint was answered already' });
  }
  const answered = { ...request.internalComplaint!, answer: { text, at: now.toISOString(), by } };
  const made = change(request, { internalComplaint: answered }, 'internal-complaint-answered', by, now);
  const cdai = cdaiFilingClock(made.request, holidays, now)!;
  return withRequesterTold(made, 'internal-complaint-answered', {
    ar: `أجاب رئيس الهيئة عن شكايتكم؛ يمكنكم اللجوء إلى لجنة الحق في الحصول على المعلومات قبل نهاية ${cdai.dueDate}`,
    fr: `Le chef de l'organisme a répondu à votre réclamation ; vous pouvez saisir la CDAI jusqu'à la fin du ${cdai.dueDate}`,
    en: `The head of the body answered your complaint; you may complain to the CDAI until the end of ${cdai.dueDate}`,
  });
}

/** The CDAI complaint pack: the request as it stands (identity, answer, complaint) and its whole timeline. */
export interface CdaiPack<Shown = InformationRequest> {
  readonly issuedAt: string;
  /** Until when the CDAI complaint may be filed. */
  readonly filingDeadline: { readonly dueDate: string; readonly dueAt: string; readonly days: number };
  /** The request as reads show it. */
  readonly request: Shown;
  readonly timeline: readonly RequestEvent[];
}

/**
 * Records the pack's issue once the head answered or let the answer period pass. A request whose pack was issued
 * is left as it is (a retry gets the same pack); null is the change then.
 */
export function issueCdaiPack(request: InformationRequest, holidays: ReadonlySet<string>, by: Actor, now: Date): RequestChange | null {
  if (request.status === 'cdai-pack-issued') return null;
  requireStatus(request, ['internal-complaint'], {
    ar: 'يصدر ملف الشكاية إلى اللجنة بعد الشكاية إلى رئيس الهيئة',
    fr: "Le dossier de saisine de la CDAI suit la réclamation auprès du chef de l'organisme",
    en: 'The CDAI complaint pack follows the complaint to the head of the body',
  });
  const cdai = cdaiFilingClock(request, holidays, now);
  if (!cdai) {
    throw new InvalidStateError({
      ar: `لرئيس الهيئة أجل إلى نهاية ${request.internalComplaint!.answerClock.dueDate} للجواب`,
      fr: `Le chef de l'organisme a jusqu'à la fin du ${request.internalComplaint!.answerClock.dueDate} pour répondre`,
      en: `The head of the body has until the end of ${request.internalComplaint!.answerClock.dueDate} to answer`,
    });
  }
  const cdaiPack = { issuedAt: now.toISOString(), filingDeadline: { dueDate: cdai.dueDate, dueAt: cdai.dueAt, days: CDAI_FILING_DAYS } };
  return change(request, { status: 'cdai-pack-issued', cdaiPack }, 'cdai-pack-issued', by, now, { filingDueDate: cdai.dueDate });
}

/** The pack of a request whose pack was issued, showing it as `shown`. */
export function cdaiPackOf<Shown>(request: InformationRequest, shown: Shown, timeline: readonly RequestEvent[]): CdaiPack<Shown> {
  return { ...request.cdaiPack!, request: shown, timeline };
}
