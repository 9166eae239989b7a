// Who may act on a body: its own secretariat, president and members (their token's collectivity), the governor's
// office and administrators for any body.
import type { Principal } from '../../shared/auth/principal.ts';
import type { Role } from '../../shared/auth/roles.ts';
import { ForbiddenError } from '../../shared/errors/domain-errors.ts';
import type { Actor } from '../domain/session.ts';

const UNSCOPED: readonly Role[] = ['admin', 'governor', 'auditor'];

/** The actor the change is recorded under: the first of `roles` the principal holds for `body`; refused otherwise. */
export function actorFor(principal: Principal, body: string, roles: readonly Role[]): Actor {
  const role = roles.find((candidate) => principal.roles.includes(candidate) && (UNSCOPED.includes(candidate) || principal.commune === body));
  if (!role) {
    throw new ForbiddenError({
      ar: `لا يقوم بهذا لمجلس ${body} إلا: ${roles.join('، ')}`,
      fr: `Seuls ces rôles le font pour le conseil ${body} : ${roles.join(', ')}`,
      en: `Only these roles do this for the council ${body}: ${roles.join(', ')}`,
    });
  }
  return { sub: principal.sub, role };
}
