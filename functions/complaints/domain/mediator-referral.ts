// Escalation to the Médiateur du Royaume, which a complainant may seize whatever the unit did (Decree 2-17-265 does
// not prevent it): the platform hands the complainant, or the unit, a pack of the file and its whole timeline to
// join to the referral, and records the referral once the Médiateur has opened a file, with the date by which the
// administration answers it. That period (60 days in one source) is not confirmed: it is the commune's data,
// `mediatorAnswerDays`, read at the filing like the other rules. Pure.
import { parseCalendarDate, formatCalendarDate } from '../../shared/statutory-clock/calendar-date.ts';
import { moroccanDate } from '../../shared/time/morocco-time.ts';
import { InvalidStateError, ValidationFailedError } from '../../shared/errors/domain-errors.ts';
import type { Localized } from '../../shared/i18n/language.ts';
import { change, CLOCK_NAMES, type Actor, type Complaint, type ComplaintChange, type ComplaintEvent } from './complaint.ts';

/** Days the administration has to answer the Médiateur, where the commune's rules at the filing do not say. */
export const DEFAULT_MEDIATOR_ANSWER_DAYS = 60;

export interface MediatorReferral {
  /** The Médiateur's reference of its file. */
  readonly reference: string;
  /** The Moroccan date the administration received the Médiateur's referral. */
  readonly receivedOn: string;
  /** The last day of the answer to the Médiateur, in calendar days from `receivedOn`. */
  readonly answerDueOn: string;
  readonly answerDays: number;
  readonly recordedAt: string;
  readonly recordedBy: Actor;
}

function invalidDate(rule: Localized): ValidationFailedError {
  return new ValidationFailedError(rule, { fieldIssues: [{ pointer: '/body/receivedOn', code: 'invalid_value', detail: rule }] });
}

/**
 * The unit records that the Médiateur seized it about this complaint: once, on a date neither before the complaint
 * was received nor after today.
 */
export function recordMediatorReferral(complaint: Complaint, referral: { readonly reference: string; readonly receivedOn: string }, by: Actor, now: Date): ComplaintChange {
  if (complaint.mediatorReferral) {
    throw new InvalidStateError({
      ar: `سبق تسجيل إحالة الوسيط (${complaint.mediatorReferral.reference})`,
      fr: `La saisine du Médiateur est déjà enregistrée (${complaint.mediatorReferral.reference})`,
      en: `The Médiateur's referral is recorded already (${complaint.mediatorReferral.reference})`,
    });
  }
  const today = moroccanDate(now);
  const receivedOn = referral.receivedOn;
  if (receivedOn > today) {
    throw invalidDate({ ar: `لا يمكن أن يكون تاريخ التوصل (${receivedOn}) بعد اليوم`, fr: `La date de réception (${receivedOn}) ne peut pas être après aujourd'hui`, en: `The date of receipt (${receivedOn}) cannot be after today` });
  }
  const filedOn = complaint.receivedAt.slice(0, 10);
  if (receivedOn < filedOn) {
    throw invalidDate({
      ar: `لا يمكن أن يسبق تاريخ التوصل (${receivedOn}) تاريخ تسلم الشكاية (${filedOn})`,
      fr: `La date de réception (${receivedOn}) ne peut précéder celle de la réclamation (${filedOn})`,
      en: `The date of receipt (${receivedOn}) cannot precede the complaint's (${filedOn})`,
    });
  }
  const answerDays = complaint.rules.mediatorAnswerDays ?? DEFAULT_MEDIATOR_ANSWER_DAYS;
  const answerDueOn = formatCalendarDate(parseCalendarDate(receivedOn, 'receivedOn') + answerDays);
  const mediatorReferral: MediatorReferral = { reference: referral.reference, receivedOn, answerDueOn, answerDays, recordedAt: now.toISOString(), recordedBy: by };
  return change(complaint, { mediatorReferral }, 'referred-to-mediator', by, now, undefined, { reference: referral.reference, receivedOn, answerDueOn });
}

/** One step of the timeline, as the pack shows it: who acted by their role only. */
export interface TimelineStep {
  readonly at: string;
  readonly type: ComplaintEvent['type'];
  readonly byRole: Actor['role'];
  readonly statusAfter: ComplaintEvent['statusAfter'];
  readonly reason?: string;
}

export interface MediatorPack {
  readonly generatedAt: string;
  /** What the pack is for, and that the platform does not send it. */
  readonly purpose: Localized;
  readonly complaint: Pick<Complaint, 'id' | 'kind' | 'category' | 'commune' | 'filedWith' | 'channel' | 'receivedAt' | 'status' | 'text'> & { readonly address?: string };
  /** Each legal deadline: its last day, whether it was met and when. */
  readonly deadlines: readonly { readonly name: (typeof CLOCK_NAMES)[number]; readonly dueDate: string; readonly metAt?: string; readonly lapsedAt?: string; readonly met: boolean | null }[];
  readonly answer?: { readonly text: string; readonly signedBy: string; readonly at: string; readonly late: boolean };
  readonly mediatorReferral?: Omit<MediatorReferral, 'recordedBy'>;
  readonly timeline: readonly TimelineStep[];
}

const PURPOSE: Localized = {
  ar: 'ملف الشكاية وتسلسلها الزمني كاملا، لإرفاقه بطلب التظلم لدى مؤسسة الوسيط؛ لا ترسله المنصة',
  fr: "Le dossier de la réclamation et toute sa chronologie, à joindre à la saisine de l'institution du Médiateur ; la plateforme ne l'envoie pas",
  en: 'The complaint and its whole timeline, to join to a referral to the institution of the Médiateur; the platform does not send it',
};

/** When each clock was met: the acknowledgment by the acknowledgment, the answer by the first answer. */
function metAt(complaint: Complaint, name: (typeof CLOCK_NAMES)[number]): string | undefined {
  return name === 'acknowledgment' ? complaint.acknowledgment?.at : complaint.answer?.at;
}

/**
 * The pack of a complaint and its history (oldest first), as of `now`. A deadline not met yet is `met: null` while it
 * runs, `false` once passed.
 */
export function mediatorPack(complaint: Complaint, history: readonly ComplaintEvent[], now: Date): MediatorPack {
  const deadlines = CLOCK_NAMES.map((name) => {
    const clock = complaint.clocks[name];
    const met = metAt(complaint, name);
    const lapsedAt = complaint.lapses?.[name];
    const passed = lapsedAt !== undefined || now.getTime() > Date.parse(clock.dueAt);
    return {
      name,
      dueDate: clock.dueDate,
      ...(met && { metAt: met }),
      ...(lapsedAt && { lapsedAt }),
      met: met ? Date.parse(met) <= Date.parse(clock.dueAt) : passed ? false : null,
    };
  });
  const { recordedBy: _recordedBy, ...referral } = complaint.mediatorReferral ?? ({} as MediatorReferral);
  return {
    generatedAt: now.toISOString(),
    purpose: PURPOSE,
    complaint: {
      id: complaint.id,
      kind: complaint.kind,
      category: complaint.category,
      commune: complaint.commune,
      filedWith: complaint.filedWith,
      channel: complaint.channel,
      receivedAt: complaint.receivedAt,
      status: complaint.status,
      text: complaint.text,
      ...(complaint.location?.address && { address: complaint.location.address }),
    },
    deadlines,
    ...(complaint.answer && { answer: { text: complaint.answer.text, signedBy: complaint.answer.signedBy, at: complaint.answer.at, late: complaint.answer.late } }),
    ...(complaint.mediatorReferral && { mediatorReferral: referral }),
    timeline: history.map((event) => ({ at: event.at, type: event.type, byRole: event.by.role, statusAfter: event.statusAfter, ...(event.reason && { reason: event.reason }) })),
  };
}
