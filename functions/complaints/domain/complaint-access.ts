// Who may do what with a complaint. The complaints unit of a collectivity (role `complaints-officer`, scoped to the
// commune of its token) handles the complaints its collectivity holds now; a citizen follows, completes, reopens
// and rates their own. No one else reads a complaint: its complainant's identity is for the unit handling it
// (Law 09-08); auditors read the queues, which carry no complainant.
import type { Principal } from '../../shared/auth/principal.ts';
import { ForbiddenError } from '../../shared/errors/domain-errors.ts';
import type { Actor, Complaint } from './complaint.ts';

const OFFICER = 'complaints-officer';

function isOfficerOf(commune: string, principal: Principal): boolean {
  return principal.roles.includes(OFFICER) && principal.commune === commune;
}

function isComplainantOf(complaint: Complaint, principal: Principal): boolean {
  return complaint.complainant !== undefined && complaint.complainant === principal.sub && principal.roles.includes('citizen');
}

export function mayRead(complaint: Complaint, principal: Principal): boolean {
  return isOfficerOf(complaint.commune, principal) || isComplainantOf(complaint, principal);
}

/** The unit of `commune`, acting on the complaints it holds. */
export function officerOf(commune: string, principal: Principal): Actor {
  if (!isOfficerOf(commune, principal)) {
    throw new ForbiddenError({
      ar: `لا يعالج شكايات الجماعة ${commune} إلا مكلفوها بالشكايات`,
      fr: `Seule la cellule des réclamations de ${commune} traite ses réclamations`,
      en: `Only the complaints unit of ${commune} handles its complaints`,
    });
  }
  return { sub: principal.sub, role: OFFICER };
}

/** The citizen who filed it. */
export function complainantOf(complaint: Complaint, principal: Principal): Actor {
  if (!isComplainantOf(complaint, principal)) {
    throw new ForbiddenError({
      ar: 'لا يتصرف في الشكاية إلا صاحبها',
      fr: 'Seul son auteur agit sur cette réclamation',
      en: 'Only its complainant acts on this complaint',
    });
  }
  return { sub: principal.sub, role: 'citizen' };
}

/** A unit's queue: its own officers, and auditors (the queue shows no complainant). */
export function mayReadQueue(commune: string, principal: Principal): boolean {
  return isOfficerOf(commune, principal) || principal.roles.includes('auditor');
}

/** A commune's complaints settings: its unit, administrators and auditors read them; administrators set them. */
export function mayReadSettings(commune: string, principal: Principal): boolean {
  return isOfficerOf(commune, principal) || principal.roles.includes('admin') || principal.roles.includes('auditor');
}
