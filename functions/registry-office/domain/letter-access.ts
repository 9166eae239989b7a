// Who may do what with a commune's letters. Clerks and the commune's agents act for the commune of their token;
// auditors read every register; a citizen reads the letters they lodged. Confidential letters stay with the
// registry office (its clerks) and the auditors until they are routed.
import type { Principal } from '../../shared/auth/principal.ts';
import type { Role } from '../../shared/auth/roles.ts';
import { ForbiddenError } from '../../shared/errors/domain-errors.ts';
import type { Actor, Letter } from './letter.ts';

const ofCommune = (principal: Principal, commune: string, role: Role) => principal.roles.includes(role) && principal.commune === commune;

export function mayRead(letter: Letter, principal: Principal): boolean {
  if (principal.roles.includes('auditor') || ofCommune(principal, letter.commune, 'clerk')) return true;
  if (letter.confidentiality === 'normal' && ofCommune(principal, letter.commune, 'agent')) return true;
  return letter.lodgedBy !== undefined && letter.lodgedBy === principal.sub && principal.roles.includes('citizen');
}

/** The clerk of the registry office of `commune`, as the actor of a registration or a change. */
export function clerkOf(commune: string, principal: Principal): Actor {
  if (!ofCommune(principal, commune, 'clerk')) {
    throw new ForbiddenError({
      ar: `لا يسجل في سجلات الجماعة ${commune} إلا كتّاب مكتب الضبط التابعين لها`,
      fr: `Seuls les agents du bureau d'ordre de la commune ${commune} tiennent ses registres`,
      en: `Only the registry clerks of commune ${commune} keep its registers`,
    });
  }
  return { sub: principal.sub, role: 'clerk' };
}

/** Reading a whole register (or its settings): its clerks and the auditors. */
export function mayReadRegister(commune: string, principal: Principal): boolean {
  return principal.roles.includes('auditor') || ofCommune(principal, commune, 'clerk') || principal.roles.includes('admin');
}
