// Who may read an act: the registrars of its office, auditors, and the person a birth act is about (by the
// civil identifier linked to their national digital identity). Anyone else is told it does not exist.
import type { Principal } from '../../shared/auth/principal.ts';
import { ForbiddenError, NotFoundError } from '../../shared/errors/domain-errors.ts';
import type { Localized } from '../../shared/i18n/language.ts';
import type { CivilAct } from './civil-act.ts';

export function isOwnBirthAct(act: CivilAct, principal: Principal): boolean {
  return act.type === 'birth' && principal.roles.includes('citizen') && principal.civilId !== undefined && principal.civilId === act.person.civilId;
}

export function canReadAct(act: CivilAct, principal: Principal): boolean {
  return (
    (principal.roles.includes('registrar') && principal.office === act.office) || principal.roles.includes('auditor') || isOwnBirthAct(act, principal)
  );
}

export function requireActReader(act: CivilAct | undefined, id: string, principal: Principal): CivilAct {
  if (!act || !canReadAct(act, principal)) throw new NotFoundError(noSuchAct(id));
  return act;
}

export const noSuchAct = (id: string): Localized => ({ ar: `لا يوجد عقد ${id}`, fr: `Aucun acte ${id}`, en: `No act ${id}` });

/** The registrar a principal is, with the office their account is attached to (403 without one). */
export function registrarOf(principal: Principal): { sub: string; office: string } {
  if (!principal.office) {
    throw new ForbiddenError({
      ar: 'حسابك غير مرتبط بأي مكتب للحالة المدنية',
      fr: "Votre compte n'est rattaché à aucun bureau d'état civil",
      en: 'Your account is not attached to a civil-status office',
    });
  }
  return { sub: principal.sub, office: principal.office };
}
