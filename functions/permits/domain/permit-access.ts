// Who may see and act on a permit: its applicant, and the staff of its commune in their role.
import type { Principal } from '../../shared/auth/principal.ts';
import { COMMUNE_STAFF_ROLES, type Role } from '../../shared/auth/roles.ts';
import { ForbiddenError, NotFoundError } from '../../shared/errors/domain-errors.ts';
import type { Actor, Permit } from './permit.ts';

export function isApplicant(permit: Permit, principal: Principal): boolean {
  return principal.roles.includes('citizen') && permit.applicant === principal.sub;
}

export function isCommuneStaff(permit: Permit, principal: Principal, roles: readonly Role[] = COMMUNE_STAFF_ROLES): boolean {
  return principal.commune === permit.commune.code && principal.roles.some((role) => roles.includes(role));
}

/** Anyone else is told the permit does not exist, so permit ids cannot be probed. */
export function requireReader(permit: Permit | undefined, id: string, principal: Principal): Permit {
  if (!permit || !(isApplicant(permit, principal) || isCommuneStaff(permit, principal))) {
    throw new NotFoundError(`No permit ${id}`);
  }
  return permit;
}

/** A staff member acting in `role` on a permit of their commune; staff of another commune are refused. */
export function requireStaffActor(permit: Permit | undefined, id: string, principal: Principal, role: Role): { permit: Permit; actor: Actor } {
  const readable = requireReader(permit, id, principal);
  if (!isCommuneStaff(readable, principal, [role])) throw new ForbiddenError(`Only the ${role} of commune ${readable.commune.code} may do this`);
  return { permit: readable, actor: { sub: principal.sub, role } };
}

export function requireApplicantActor(permit: Permit | undefined, id: string, principal: Principal): { permit: Permit; actor: Actor } {
  const readable = requireReader(permit, id, principal);
  if (!isApplicant(readable, principal)) throw new ForbiddenError('Only the applicant may do this');
  return { permit: readable, actor: { sub: principal.sub, role: 'citizen' } };
}
