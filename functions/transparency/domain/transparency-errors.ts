// The platform errors the transparency context raises in more than one place, in its own words.
import { ConflictError, NotFoundError } from '../../shared/errors/domain-errors.ts';

export function unknownRequest(id: string): NotFoundError {
  return new NotFoundError({ ar: `لا يوجد طلب ${id}`, fr: `Aucune demande ${id}`, en: `No request ${id}` });
}

/** The request is no longer at the version the change was made from: someone else changed it first. */
export function changedMeanwhile(id: string, cause?: unknown): ConflictError {
  return new ConflictError(
    {
      ar: `غيّر شخص آخر الطلب ${id} في اللحظة نفسها؛ أعيدوا تحميله ثم حاولوا مجددا`,
      fr: `La demande ${id} a été modifiée par quelqu'un d'autre au même moment ; rechargez-la puis réessayez`,
      en: `Request ${id} was changed by someone else at the same moment; reload it and try again`,
    },
    { cause },
  );
}
