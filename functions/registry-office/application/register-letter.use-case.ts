// Registering a letter: lodged online by a citizen or registered by a clerk, it gets the next number of its
// register's year in the transaction that writes it, so numbers are never skipped nor given twice. Everything
// that can refuse the letter is checked before a number is taken.
import { IdempotencyKeyReusedError, ValidationFailedError } from '../../shared/errors/domain-errors.ts';
import { lookupCodeDigest } from '../domain/lookup-code.ts';
import { registerLetter, registerYear, type Actor, type Letter, type NewLetter } from '../domain/letter.ts';
import { RegisterBusyError } from '../domain/registry-office-errors.ts';
import type { RegistryOfficeDependencies } from './registry-office.ports.ts';

/** Tries at the next number before the caller is told the register is busy (their retry is safe: same key). */
export const NUMBERING_ATTEMPTS = 64;

export type LetterRequest = Omit<NewLetter, 'id' | 'lookupCodeDigest'>;

export interface RegisteredLetter {
  readonly letter: Letter;
  /** The secret lookup code, given only by the request that registered the letter (only its digest is kept). */
  readonly lookupCode?: string;
}

/** What makes a retry the same registration: the same letter asked for again with the same Idempotency-Key. */
function sameLetter(existing: Letter, request: LetterRequest, by: Actor): boolean {
  // Stored maps come back from DynamoDB in any key order: compare with sorted keys.
  const canonical = (value: unknown) => JSON.stringify(value, (_key, field: unknown) =>
    field && typeof field === 'object' && !Array.isArray(field) ? Object.fromEntries(Object.entries(field).sort(([a], [b]) => a.localeCompare(b))) : field,
  );
  const kept = Object.fromEntries(Object.keys(request).map((field) => [field, existing[field as keyof Letter]]));
  return existing.registeredBy.sub === by.sub && canonical(kept) === canonical(request);
}

export async function registerIncomingLetter(
  dependencies: RegistryOfficeDependencies,
  request: LetterRequest,
  by: Actor,
  context: { readonly now: Date; readonly idempotencyKey?: string },
): Promise<RegisteredLetter> {
  const { repository, identifiers } = dependencies;
  const id = context.idempotencyKey ? identifiers.letterIdFor(by.sub, context.idempotencyKey) : identifiers.newLetterId();
  const lookupCode = identifiers.newLookupCode();
  const year = registerYear(context.now);
  for (let attempt = 1; attempt <= NUMBERING_ATTEMPTS; attempt += 1) {
    if (attempt > 1) await dependencies.pauseBeforeRetry(attempt);
    const snapshot = await repository.loadRegistration(request.commune, request.register, year);
    if (!snapshot.communeExists) {
      throw new ValidationFailedError(
        { ar: `الجماعة ${request.commune} غير معروفة`, fr: `Commune ${request.commune} inconnue`, en: `No commune ${request.commune}` },
        { fieldIssues: [{ pointer: '/body/commune', code: 'unknown_commune', detail: { ar: 'جماعة غير معروفة', fr: 'Commune inconnue', en: 'Unknown commune' } }] },
      );
    }
    const change = registerLetter(
      { ...request, id, lookupCodeDigest: lookupCodeDigest(lookupCode) },
      { format: snapshot.settings.numberFormat, sequence: snapshot.lastSequence + 1 },
      by,
      context.now,
    );
    const outcome = await repository.create(change, snapshot.lastSequence);
    if (outcome === 'created') return { letter: change.letter, lookupCode };
    if (outcome === 'letter-exists') return { letter: await firstRegistration(dependencies, id, request, by) };
  }
  throw new RegisterBusyError({
    ar: `تعذر إعطاء رقم في سجل ${request.commune} بسبب تسجيلات متزامنة؛ لم يُسجل شيء`,
    fr: `Aucun numéro n'a pu être pris dans le registre de ${request.commune} à cause d'enregistrements simultanés ; rien n'est enregistré`,
    en: `No number could be taken in the register of ${request.commune} because of simultaneous registrations; nothing was registered`,
  });
}

/** The letter an earlier attempt of the same request registered: the caller gets it, with its number, once more. */
async function firstRegistration(dependencies: RegistryOfficeDependencies, id: string, request: LetterRequest, by: Actor): Promise<Letter> {
  const first = await dependencies.repository.get(id);
  if (!first || !sameLetter(first, request, by)) {
    throw new IdempotencyKeyReusedError({
      ar: 'مفتاح عدم التكرار هذا استُعمل لتسجيل رسالة أخرى',
      fr: "Cette clé d'idempotence a déjà servi pour enregistrer un autre courrier",
      en: 'This Idempotency-Key was used to register another letter',
    });
  }
  return first;
}
