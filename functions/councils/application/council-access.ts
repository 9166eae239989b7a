// Who may act on a body: its own secretariat, president and members (their token's collectivity); the governor's
// office for the bodies of its territory (organic laws 113-14 and 112-14: the governor of a prefecture or province
// controls its communes' councils and its own; 111-14: the wali of the region the region council); administrators
// and auditors for any body.
import type { Principal } from '../../shared/auth/principal.ts';
import type { Role } from '../../shared/auth/roles.ts';
import { ForbiddenError } from '../../shared/errors/domain-errors.ts';
import type { CouncilBody } from '../domain/council-body.ts';
import { unknownBody } from '../domain/council-errors.ts';
import type { Actor } from '../domain/session.ts';
import type { CouncilsRepository } from './councils.ports.ts';

const UNSCOPED: readonly Role[] = ['admin', 'auditor'];

/** The body a check is made for: its code alone, or the body as read, whose territory scopes the governor. */
export type BodyInScope = string | Pick<CouncilBody, 'id' | 'type' | 'territory'>;

/**
 * Whether the governor's office of `principal` controls `body`: a region council by the token's region, any other
 * by its prefecture or province. A token without the claim controls none, nor does a body's code alone (its
 * territory is only known once the body is read), nor a body stored without its territory.
 */
function governsBody(principal: Principal, body: BodyInScope): boolean {
  if (typeof body === 'string' || !body.territory) return false;
  if (body.type === 'region') return principal.region !== undefined && principal.region === body.territory.region;
  return principal.province !== undefined && principal.province === body.territory.province;
}

/** Who asks, and the roles that may do what they ask: checked on the body as soon as it is read. */
export interface AccessCheck {
  readonly principal: Principal;
  readonly roles: readonly Role[];
}

/**
 * The body to check `roles` against where a use case reads nothing else (a stored PDF): read only when the principal
 * holds the governor's role, whose scope is the body's territory; the others' is the body's code.
 */
export async function bodyInScope(repository: CouncilsRepository, bodyId: string, principal: Principal, roles: readonly Role[]): Promise<BodyInScope> {
  if (!roles.includes('governor') || !principal.roles.includes('governor')) return bodyId;
  const { body } = await repository.bodyContext(bodyId, {});
  if (!body) throw unknownBody(bodyId);
  return body;
}

function mayActAs(principal: Principal, body: BodyInScope, role: Role): boolean {
  if (!principal.roles.includes(role)) return false;
  if (UNSCOPED.includes(role)) return true;
  if (role === 'governor') return governsBody(principal, body);
  return principal.commune === (typeof body === 'string' ? body : body.id);
}

/** The actor the change is recorded under: the first of `roles` the principal holds for `body`; refused otherwise. */
export function actorFor(principal: Principal, body: BodyInScope, roles: readonly Role[]): Actor {
  const role = roles.find((candidate) => mayActAs(principal, body, candidate));
  if (!role) {
    const id = typeof body === 'string' ? body : body.id;
    throw new ForbiddenError({
      ar: `لا يقوم بهذا لمجلس ${id} إلا: ${roles.join('، ')}`,
      fr: `Seuls ces rôles le font pour le conseil ${id} : ${roles.join(', ')}`,
      en: `Only these roles do this for the council ${id}: ${roles.join(', ')}`,
    });
  }
  return { sub: principal.sub, role };
}
