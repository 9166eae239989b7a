// Taking the next number of a register: the letter is built on the sequence read and written with the counter
// in one transaction; if another registration took that number first, read again and try the next one. So
// numbers are never skipped nor given twice.
import { unknownCommuneAt } from '../../shared/errors/unknown-commune.ts';
import { registerYear, type LetterChange } from '../domain/letter.ts';
import type { Register } from '../domain/letter-number.ts';
import { RegisterBusyError, changedMeanwhile } from '../domain/registry-office-errors.ts';
import type { RegistrationSnapshot, RegistryOfficeDependencies } from './registry-office.ports.ts';

/** Tries at the next number before the caller is told the register is busy (their retry is safe: same key). */
export const NUMBERING_ATTEMPTS = 64;

/** When and under which Idempotency-Key a letter is numbered. */
export interface NumberingContext {
  readonly now: Date;
  readonly idempotencyKey?: string;
}

/** The id of the letter a request makes: named after the caller's Idempotency-Key, so a retry names the same letter. */
export function letterIdOf(dependencies: RegistryOfficeDependencies, callerSub: string, context: NumberingContext): string {
  const { identifiers } = dependencies;
  return context.idempotencyKey ? identifiers.letterIdFor(callerSub, context.idempotencyKey) : identifiers.newLetterId();
}

export interface NumberedWrite {
  readonly change: LetterChange;
  /** Another letter's change that must happen with this one (the incoming letter an outgoing one answers). */
  readonly alongside?: LetterChange;
}

/**
 * Writes the letter `build` makes on the register's next number. `build` refuses (throws) before anything is
 * written; it is called again, on the next sequence, after each lost number. `existing` when a letter with that
 * id was there already: an earlier attempt of the same request.
 */
export async function withNextNumber(
  dependencies: RegistryOfficeDependencies,
  place: { readonly commune: string; readonly register: Register },
  now: Date,
  build: (snapshot: RegistrationSnapshot) => NumberedWrite,
): Promise<{ readonly created: LetterChange } | { readonly existing: true }> {
  for (let attempt = 1; attempt <= NUMBERING_ATTEMPTS; attempt += 1) {
    if (attempt > 1) await dependencies.pauseBeforeRetry(attempt);
    const snapshot = await dependencies.repository.loadRegistration(place.commune, place.register, registerYear(now));
    if (!snapshot.communeExists) {
      throw unknownCommuneAt(place.commune, '/body/commune');
    }
    const { change, alongside } = build(snapshot);
    const outcome = await dependencies.repository.create(change, snapshot.lastSequence, alongside);
    if (outcome === 'created') return { created: change };
    if (outcome === 'letter-exists') return { existing: true };
    if (outcome === 'changed-meanwhile') {
      throw changedMeanwhile(alongside!.letter.number);
    }
  }
  throw new RegisterBusyError({
    ar: `تعذر إعطاء رقم في سجل ${place.commune} بسبب تسجيلات متزامنة؛ لم يُسجل شيء`,
    fr: `Aucun numéro n'a pu être pris dans le registre de ${place.commune} à cause d'enregistrements simultanés ; rien n'est enregistré`,
    en: `No number could be taken in the register of ${place.commune} because of simultaneous registrations; nothing was registered`,
  });
}
