// The registry office's own domain errors, and the platform errors it raises in more than one place.
import { ConflictError, DomainError, NotFoundError } from '../../shared/errors/domain-errors.ts';
import { REGISTRY_OFFICE_PROBLEMS } from '../registry-office.problems.ts';

/** Every try at the register's next number met another registration taking it first: nothing was written. */
export class RegisterBusyError extends DomainError {
  readonly problem = REGISTRY_OFFICE_PROBLEMS['register-busy'];
}

export function unknownLetter(id: string): NotFoundError {
  return new NotFoundError({ ar: `لا توجد رسالة ${id}`, fr: `Aucun courrier ${id}`, en: `No letter ${id}` });
}

/** The letter is no longer at the version the change was made from: someone else changed it first. */
export function changedMeanwhile(number: string, cause?: unknown): ConflictError {
  return new ConflictError(
    {
      ar: `غيّر شخص آخر الرسالة ${number} في اللحظة نفسها؛ أعيدوا تحميلها ثم حاولوا مجددا`,
      fr: `Le courrier ${number} a été modifié par quelqu'un d'autre au même moment ; rechargez-le puis réessayez`,
      en: `Letter ${number} was changed by someone else at the same moment; reload it and try again`,
    },
    { cause },
  );
}
