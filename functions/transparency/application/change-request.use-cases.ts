// The changes of a request by the commune's agents (acknowledge, process, notice then extend, answer) and by its
// requester (withdraw): each reads the request, checks who acts and that the deadline has not overtaken it, and
// writes the change with its event over the version read, so two changes at once end with one.
import type { Principal } from '../../shared/auth/principal.ts';
import type { Language, Localized } from '../../shared/i18n/language.ts';
import { moroccanDate } from '../../shared/time/morocco-time.ts';
import { GROUND_LABELS } from '../domain/refusal-grounds.ts';
import {
  acknowledgeRequest,
  answerRequest,
  noticeExtension,
  startProcessing,
  withdrawRequest,
  type Actor,
  type Answer,
  type ExtensionNotice,
  type InformationRequest,
  type RequestChange,
} from '../domain/information-request.ts';
import { agentActing, requesterActing, requesterOrAgent } from '../domain/request-access.ts';
import { askClarification, extendRequest, recordClarification, requireRunningClock, withRequesterTold } from '../domain/request-clock.ts';
import { unknownRequest } from '../domain/transparency-errors.ts';
import { withRefusalLetterDue } from '../domain/refusal-letter.ts';
import { publishInDisclosureLog, type DisclosureRequest } from '../domain/disclosure-log.ts';
import { requestView, type RequestView } from './request-queries.use-cases.ts';
import type { TransparencyRepository } from './transparency.ports.ts';

type Acting = (request: InformationRequest, principal: Principal) => Actor;

const byAgent: Acting = (request, principal) => agentActing(request.commune, principal);

async function changeRequest(
  repository: TransparencyRepository,
  id: string,
  principal: Principal,
  now: Date,
  acting: Acting,
  make: (request: InformationRequest, by: Actor) => RequestChange | Promise<RequestChange>,
): Promise<RequestView> {
  const request = await repository.get(id);
  if (!request) throw unknownRequest(id);
  const by = acting(request, principal);
  requireRunningClock(request, now);
  const made = await make(request, by);
  await repository.save(made);
  return requestView(made.request, now);
}

export function acknowledge(repository: TransparencyRepository, id: string, principal: Principal, now: Date): Promise<RequestView> {
  return changeRequest(repository, id, principal, now, byAgent, (request, by) =>
    withRequesterTold(acknowledgeRequest(request, by, now), 'information-request-acknowledged', {
      ar: `سُجل التوصل بطلبكم؛ أجل الجواب ينتهي في نهاية ${request.clock.dueDate}`,
      fr: `La réception de votre demande est accusée ; la réponse est due avant la fin du ${request.clock.dueDate}`,
      en: `Your request is acknowledged; the answer is due by the end of ${request.clock.dueDate}`,
    }),
  );
}

export function process(repository: TransparencyRepository, id: string, principal: Principal, now: Date): Promise<RequestView> {
  return changeRequest(repository, id, principal, now, byAgent, (request, by) => startProcessing(request, by, now));
}

/** The notice of an extension, recorded (and put in the inbox of a requester who filed online) before the extension. */
export function noticeOfExtension(repository: TransparencyRepository, id: string, notice: Pick<ExtensionNotice, 'reason' | 'channel'>, principal: Principal, now: Date): Promise<RequestView> {
  return changeRequest(repository, id, principal, now, byAgent, (request, by) =>
    withRequesterTold(noticeExtension(request, notice, by, now), 'deadline-extension-notice', {
      ar: `ستمدد الجماعة أجل الجواب عن طلبكم: ${notice.reason}`,
      fr: `La commune va proroger le délai de réponse à votre demande : ${notice.reason}`,
      en: `The commune is extending the deadline to answer your request: ${notice.reason}`,
    }),
  );
}

/**
 * A change that counts the clock again, read with the holidays in one request: before expiry the receipt was in
 * this year or the last (a period is at most 60 working days), and the new deadline falls in this year or the next.
 */
async function recountingChange(
  repository: TransparencyRepository,
  id: string,
  principal: Principal,
  now: Date,
  acting: Acting,
  make: (request: InformationRequest, holidays: ReadonlySet<string>, by: Actor) => RequestChange,
): Promise<RequestView> {
  const year = Number(moroccanDate(now).slice(0, 4));
  const { request, holidays } = await repository.requestWithHolidays(id, [year - 1, year, year + 1]);
  if (!request) throw unknownRequest(id);
  const by = acting(request, principal);
  requireRunningClock(request, now);
  const made = make(request, holidays, by);
  await repository.save(made);
  return requestView(made.request, now);
}

export function extend(repository: TransparencyRepository, id: string, principal: Principal, now: Date): Promise<RequestView> {
  return recountingChange(repository, id, principal, now, byAgent, (request, holidays, by) => extendRequest(request, holidays, by, now));
}

export function askForClarification(repository: TransparencyRepository, id: string, question: string, principal: Principal, now: Date): Promise<RequestView> {
  return recountingChange(repository, id, principal, now, byAgent, (request, holidays, by) => askClarification(request, question, holidays, by, now));
}

/** The requester who filed online replies; an agent records a reply received at the counter, by post or e-mail. */
const byRequesterOrAgent: Acting = requesterOrAgent;

export function clarify(repository: TransparencyRepository, id: string, reply: string, principal: Principal, now: Date): Promise<RequestView> {
  return recountingChange(repository, id, principal, now, byRequesterOrAgent, (request, holidays, by) => recordClarification(request, reply, holidays, by, now));
}

const ANSWER_MESSAGES: Readonly<Record<Answer['outcome'], Localized>> = {
  full: { ar: 'أجابت الجماعة عن طلبكم', fr: 'La commune a répondu à votre demande', en: 'The commune answered your request' },
  partial: { ar: 'أجابت الجماعة عن جزء من طلبكم، مع أسباب حجب الباقي', fr: 'La commune a répondu en partie à votre demande, avec les motifs du reste', en: 'The commune answered part of your request, with the grounds for the rest' },
  refused: { ar: 'رفضت الجماعة طلبكم برفض معلل', fr: 'La commune a refusé votre demande par une décision motivée', en: 'The commune refused your request with its reasons' },
};

/** What the requester is told of an answer: a refusal names its grounds in their language. */
function answerMessage(given: DistributiveOmit<Answer, 'at' | 'by'>): Localized {
  const message = ANSWER_MESSAGES[given.outcome];
  if (given.outcome !== 'refused') return message;
  const grounds = (language: Language) => given.grounds.map(({ ground }) => GROUND_LABELS[ground][language]).join(language === 'ar' ? '، ' : ', ');
  return { ar: `${message.ar}: ${grounds('ar')}`, fr: `${message.fr} : ${grounds('fr')}`, en: `${message.en}: ${grounds('en')}` };
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export function answer(repository: TransparencyRepository, id: string, given: DistributiveOmit<Answer, 'at' | 'by'>, principal: Principal, now: Date): Promise<RequestView> {
  return changeRequest(repository, id, principal, now, byAgent, (request, by) =>
    withRefusalLetterDue(withRequesterTold(answerRequest(request, { ...given, at: now.toISOString(), by }, by, now), `information-request-answered-${given.outcome}`, answerMessage(given))),
  );
}

export function withdraw(repository: TransparencyRepository, id: string, reason: string | undefined, principal: Principal, now: Date): Promise<RequestView> {
  return changeRequest(repository, id, principal, now, requesterActing, (request, by) => withdrawRequest(request, reason, by, now));
}

/** An agent of its commune publishes an answered request in the disclosure log, where its requester consented. */
export function discloseRequest(repository: TransparencyRepository, id: string, disclosure: DisclosureRequest, principal: Principal, now: Date): Promise<RequestView> {
  return changeRequest(repository, id, principal, now, byAgent, (request, by) => publishInDisclosureLog(request, disclosure, by, now));
}
