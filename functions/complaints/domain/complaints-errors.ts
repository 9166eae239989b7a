// The errors the complaints context raises in more than one place.
import { ConflictError, NotFoundError } from '../../shared/errors/domain-errors.ts';

export function unknownComplaint(id: string): NotFoundError {
  return new NotFoundError({ ar: `لا توجد شكاية ${id}`, fr: `Aucune réclamation ${id}`, en: `No complaint ${id}` });
}

/** The complaint is no longer at the version the change was made from: someone else changed it first. */
export function changedMeanwhile(id: string, cause?: unknown): ConflictError {
  return new ConflictError(
    {
      ar: `غيّر شخص آخر الشكاية ${id} في اللحظة نفسها؛ أعيدوا تحميلها ثم حاولوا مجددا`,
      fr: `La réclamation ${id} a été modifiée par quelqu'un d'autre au même moment ; rechargez-la puis réessayez`,
      en: `Complaint ${id} was changed by someone else at the same moment; reload it and try again`,
    },
    { cause },
  );
}

