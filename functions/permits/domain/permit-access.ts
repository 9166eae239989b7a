// Who may see and act on a permit: its applicant, and the staff of its commune in their role.
import type { Principal } from '../../shared/auth/principal.ts';
import { COMMUNE_STAFF_ROLES, type Role } from '../../shared/auth/roles.ts';
import { ForbiddenError, NotFoundError } from '../../shared/errors/domain-errors.ts';
import type { Localized } from '../../shared/i18n/language.ts';
import type { Actor, Permit } from './permit.ts';

export type StaffRole = 'agent' | 'commission' | 'president';

/** Who acts in each staff role, with the article each sentence needs. */
const STAFF_ROLE_NAMES: Readonly<Record<StaffRole, Localized>> = {
  agent: { ar: 'الموظف المكلف بالدراسة', fr: "à l'agent instructeur", en: 'the agent' },
  commission: { ar: 'أعضاء اللجنة', fr: 'aux membres de la commission', en: 'a commission member' },
  president: { ar: 'رئيس المجلس', fr: 'au président du conseil', en: 'the president' },
};

export function isApplicant(permit: Permit, principal: Principal): boolean {
  return principal.roles.includes('citizen') && permit.applicant === principal.sub;
}

export function isCommuneStaff(permit: Permit, principal: Principal, roles: readonly Role[] = COMMUNE_STAFF_ROLES): boolean {
  return principal.commune === permit.commune.code && principal.roles.some((role) => roles.includes(role));
}

/** Anyone else is told the permit does not exist, so permit ids cannot be probed. */
export function requireReader(permit: Permit | undefined, id: string, principal: Principal): Permit {
  if (!permit || !(isApplicant(permit, principal) || isCommuneStaff(permit, principal))) {
    throw new NotFoundError({ ar: `لا يوجد ملف ${id}`, fr: `Aucun dossier ${id}`, en: `No permit ${id}` });
  }
  return permit;
}

/** A staff member acting in `role` on a permit of their commune; staff of another commune are refused. */
export function requireStaffActor(permit: Permit | undefined, id: string, principal: Principal, role: StaffRole): { permit: Permit; actor: Actor } {
  const readable = requireReader(permit, id, principal);
  if (!isCommuneStaff(readable, principal, [role])) {
    const commune = readable.commune.code;
    const name = STAFF_ROLE_NAMES[role];
    throw new ForbiddenError({
      ar: `هذه العملية من اختصاص ${name.ar} بجماعة ${commune}`,
      fr: `Cette opération revient ${name.fr} de la commune ${commune}`,
      en: `Only ${name.en} of commune ${commune} may do this`,
    });
  }
  return { permit: readable, actor: { sub: principal.sub, role } };
}

/** A member of the staff of the permit's commune, reading in whichever staff role they hold. */
export function requireStaffReader(permit: Permit | undefined, id: string, principal: Principal): { permit: Permit; actor: Actor } {
  const readable = requireReader(permit, id, principal);
  const role = principal.roles.find((candidate) => COMMUNE_STAFF_ROLES.includes(candidate));
  if (!role || !isCommuneStaff(readable, principal)) {
    throw new ForbiddenError({
      ar: `وثائق الملف لا يطلع عليها إلا موظفو جماعة ${readable.commune.code}`,
      fr: `Les documents du dossier ne sont consultés que par le personnel de la commune ${readable.commune.code}`,
      en: `The documents of the permit are read by the staff of commune ${readable.commune.code} only`,
    });
  }
  return { permit: readable, actor: { sub: principal.sub, role } };
}

export function requireApplicantActor(permit: Permit | undefined, id: string, principal: Principal): { permit: Permit; actor: Actor } {
  const readable = requireReader(permit, id, principal);
  if (!isApplicant(readable, principal)) {
    throw new ForbiddenError({ ar: 'هذه العملية من اختصاص صاحب الطلب وحده', fr: 'Seul le demandeur peut faire cela', en: 'Only the applicant may do this' });
  }
  return { permit: readable, actor: { sub: principal.sub, role: 'citizen' } };
}
