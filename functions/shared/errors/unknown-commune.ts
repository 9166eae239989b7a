// A commune the reference data does not hold, in the words every context uses for it.
import { NotFoundError, ValidationFailedError } from './domain-errors.ts';

const noCommune = (commune: string) => ({ ar: `الجماعة ${commune} غير معروفة`, fr: `Commune ${commune} inconnue`, en: `No commune ${commune}` });

/** The commune a route's path names: nothing of it to show. */
export function unknownCommune(commune: string): NotFoundError {
  return new NotFoundError(noCommune(commune));
}

/** The commune a body names at `pointer`: refused before anything is written. */
export function unknownCommuneAt(commune: string, pointer: string): ValidationFailedError {
  return new ValidationFailedError(noCommune(commune), {
    fieldIssues: [{ pointer, code: 'unknown_commune', detail: { ar: 'جماعة غير معروفة', fr: 'Commune inconnue', en: 'Unknown commune' } }],
  });
}
