// Registering an incoming or internal letter: lodged online by a citizen or registered by a clerk, it gets the
// next number of its register's year in the transaction that writes it. Everything that can refuse the letter is
// checked before a number is taken.
import { IdempotencyKeyReusedError } from '../../shared/errors/domain-errors.ts';
import { storedAsRequested } from '../../shared/http/same-request.ts';
import { lookupCodeDigest } from '../domain/lookup-code.ts';
import { registerLetter, type Actor, type Letter, type NewLetter } from '../domain/letter.ts';
import { deadlineWatched, processingClock } from '../domain/letter-deadline.ts';
import { letterIdOf, withNextNumber, type NumberingContext } from './numbering.ts';
import type { RegistryOfficeDependencies } from './registry-office.ports.ts';

export type LetterRequest = Omit<NewLetter, 'id' | 'lookupCodeDigest' | 'answers'>;

export interface RegisteredLetter {
  readonly letter: Letter;
  /** The secret lookup code, given only by the request that registered the letter (only its digest is kept). */
  readonly lookupCode?: string;
}

/** What makes a retry the same registration: the same letter asked for again with the same Idempotency-Key. */
export function sameRequest(existing: Letter | undefined, request: Readonly<Record<string, unknown>>, by: Actor): existing is Letter {
  return existing !== undefined && existing.registeredBy.sub === by.sub && storedAsRequested(existing, request);
}

export function idempotencyKeyReused(): IdempotencyKeyReusedError {
  return new IdempotencyKeyReusedError({
    ar: 'مفتاح عدم التكرار هذا استُعمل لتسجيل رسالة أخرى',
    fr: "Cette clé d'idempotence a déjà servi pour enregistrer un autre courrier",
    en: 'This Idempotency-Key was used to register another letter',
  });
}

export async function registerIncomingLetter(
  dependencies: RegistryOfficeDependencies,
  request: LetterRequest,
  by: Actor,
  context: NumberingContext,
): Promise<RegisteredLetter> {
  const id = letterIdOf(dependencies, by.sub, context);
  const lookupCode = dependencies.identifiers.newLookupCode();
  const written = await withNextNumber(dependencies, request, context.now, (snapshot) => {
    // An incoming letter is to be answered within its priority's working days; an internal one keeps no deadline.
    const clock = request.register === 'incoming' ? processingClock(request.priority, snapshot.settings.processingDays, context.now, snapshot.holidays) : undefined;
    const change = registerLetter(
      { ...request, id, lookupCodeDigest: lookupCodeDigest(lookupCode), ...(clock && { clock }) },
      { format: snapshot.settings.numberFormat, sequence: snapshot.lastSequence + 1 },
      by,
      context.now,
    );
    // Its workflow starts from the event, out of the request (reminders, then the lapse).
    return { change: clock ? { ...change, outbox: [...(change.outbox ?? []), deadlineWatched(change.letter, context.now)] } : change };
  });
  if ('created' in written) return { letter: written.created.letter, lookupCode };
  const first = await dependencies.repository.get(id);
  if (!sameRequest(first, request, by)) throw idempotencyKeyReused();
  return { letter: first };
}
