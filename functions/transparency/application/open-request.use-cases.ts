// Opening an access-to-information request: filed online by a signed-in citizen (received at that instant),
// registered by an agent of the commune from the counter, the post or e-mail (received at the instant on its
// receipt), or handed over by the registry office (received at the letter's registry receipt instant). Its clock
// starts at receipt; its workflow starts from its event, out of the request.
import type { Principal } from '../../shared/auth/principal.ts';
import { IdempotencyKeyReusedError, ValidationFailedError } from '../../shared/errors/domain-errors.ts';
import { holdsFieldsOf } from '../../shared/http/idempotency-ids.ts';
import { moroccanReceiptInstant } from '../../shared/statutory-clock/moroccan-day.ts';
import { moroccanDate } from '../../shared/time/morocco-time.ts';
import type { LetterClassified } from '../../registry-office/public.ts';
import { openRequest, type Actor, type InformationRequest, type NewRequest, type Requester } from '../domain/information-request.ts';
import { agentActing } from '../domain/request-access.ts';
import { answerPeriodOf, deadlineWatched, requestClock, withRequesterTold } from '../domain/request-clock.ts';
import { unknownCommune } from '../../shared/errors/unknown-commune.ts';
import type { TransparencyDependencies } from './transparency.ports.ts';

/** What the requester asks, whoever writes it down. */
export interface AskedInformation {
  readonly commune: string;
  readonly requester: Requester;
  readonly information: string;
  readonly format: NonNullable<InformationRequest['format']>;
  readonly urgency?: { readonly justification: string };
  /** The requester consents to the publication of the answered request in the disclosure log, with no personal data. */
  readonly disclosureConsent?: boolean;
}

export interface OpeningContext {
  readonly now: Date;
  readonly idempotencyKey?: string;
}

type Opening = Omit<NewRequest, 'id' | 'answerPeriod' | 'recoursePeriods' | 'clarificationSuspendsClock' | 'clock'>;

async function open(dependencies: TransparencyDependencies, id: string, opening: Opening, by: Actor, now: Date): Promise<{ readonly request: InformationRequest; readonly created: boolean }> {
  const receivedAt = new Date(opening.receivedAt);
  const year = Number(moroccanDate(receivedAt).slice(0, 4));
  const snapshot = await dependencies.repository.communeSnapshot(opening.commune, [year, year + 1]);
  if (!snapshot.communeExists) throw unknownCommune(opening.commune);
  const answerPeriod = answerPeriodOf(snapshot.settings, opening.urgency !== undefined);
  const clock = requestClock(answerPeriod, receivedAt, snapshot.holidays);
  const made = openRequest({ ...opening, id, answerPeriod, recoursePeriods: snapshot.settings.recourse, clarificationSuspendsClock: snapshot.settings.clarificationSuspendsClock, clock }, by, now);
  const told = withRequesterTold({ ...made, outbox: [deadlineWatched(made.request, now)] }, 'information-request-received', {
    ar: `توصلت الجماعة ${opening.commune} بطلبكم للحصول على المعلومات؛ أجل الجواب ينتهي في نهاية ${clock.dueDate}`,
    fr: `La commune ${opening.commune} a reçu votre demande d'accès à l'information ; elle doit y répondre avant la fin du ${clock.dueDate}`,
    en: `Commune ${opening.commune} received your access-to-information request; it must answer by the end of ${clock.dueDate}`,
  });
  if ((await dependencies.repository.create(told)) === 'created') return { request: told.request, created: true };
  const first = await dependencies.repository.get(id);
  return { request: first!, created: false };
}

function idempotencyKeyReused(): IdempotencyKeyReusedError {
  return new IdempotencyKeyReusedError({
    ar: 'مفتاح عدم التكرار هذا استُعمل لطلب آخر',
    fr: "Cette clé d'idempotence a déjà servi pour une autre demande",
    en: 'This Idempotency-Key was used for another request',
  });
}

/** The first request written under the caller's key when it asks for the same thing; a 422 otherwise. */
function sameAsFirst(opened: { readonly request: InformationRequest; readonly created: boolean }, asked: Readonly<Record<string, unknown>>, by: Actor): InformationRequest {
  if (opened.created) return opened.request;
  if (opened.request.openedBy.sub !== by.sub || !holdsFieldsOf(opened.request, asked)) throw idempotencyKeyReused();
  return opened.request;
}

function requestIdOf(dependencies: TransparencyDependencies, callerSub: string, context: OpeningContext): string {
  return context.idempotencyKey ? dependencies.identifiers.requestIdFor(callerSub, context.idempotencyKey) : dependencies.identifiers.newRequestId();
}

/** A signed-in citizen files a request online: received now. */
export async function fileRequest(dependencies: TransparencyDependencies, asked: AskedInformation, principal: Principal, context: OpeningContext): Promise<InformationRequest> {
  const by: Actor = { sub: principal.sub, role: 'citizen' };
  const opening: Opening = { ...asked, channel: 'online', receivedAt: moroccanReceiptInstant(context.now), filedBy: principal.sub };
  const opened = await open(dependencies, requestIdOf(dependencies, principal.sub, context), opening, by, context.now);
  return sameAsFirst(opened, { ...asked }, by);
}

/** An agent registers a request the commune received at the counter, by post or e-mail, at the instant on its receipt. */
export async function registerRequest(
  dependencies: TransparencyDependencies,
  asked: Omit<AskedInformation, 'commune'> & { readonly channel: 'counter' | 'post' | 'email'; readonly receivedAt: string },
  principal: Principal,
  context: OpeningContext,
): Promise<InformationRequest> {
  const commune = principal.commune ?? '';
  const by = agentActing(commune, principal);
  const receivedAt = new Date(asked.receivedAt);
  if (receivedAt.getTime() > context.now.getTime()) {
    throw new ValidationFailedError(
      { ar: 'لحظة التوصل لا تكون في المستقبل', fr: "L'instant de réception ne peut pas être à venir", en: 'The receipt instant cannot be in the future' },
      { fieldIssues: [{ pointer: '/body/receivedAt', code: 'in_the_future', detail: { ar: 'لحظة في المستقبل', fr: 'Instant à venir', en: 'An instant to come' } }] },
    );
  }
  const opening: Opening = { ...asked, commune, receivedAt: moroccanReceiptInstant(receivedAt) };
  const opened = await open(dependencies, requestIdOf(dependencies, principal.sub, context), opening, by, context.now);
  return sameAsFirst(opened, { ...opening }, by);
}

const REGISTRY_OFFICE: Actor = { sub: 'registry-office', role: 'system' };

/**
 * A letter the registry office classified as an access-to-information request opens one, its clock from the
 * letter's registry receipt instant; the letter (at the registry office) says what is asked and by whom. A
 * redelivered hand-over names the same request and opens nothing more.
 */
export async function openFromRegistryLetter(dependencies: TransparencyDependencies, letter: LetterClassified, now: Date): Promise<InformationRequest | undefined> {
  if (letter.category !== 'access-to-information') return undefined;
  const opening: Opening = { commune: letter.commune, channel: 'registry-office', receivedAt: letter.receivedAt, registryLetter: { letterId: letter.letterId, number: letter.number } };
  return (await open(dependencies, dependencies.identifiers.requestIdOfLetter(letter.letterId), opening, REGISTRY_OFFICE, now)).request;
}
