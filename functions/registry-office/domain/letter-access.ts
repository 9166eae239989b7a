// Who may do what with a commune's letters. Clerks and the commune's agents act for the commune of their token;
// auditors read every register; a citizen reads the letters they lodged and the answers addressed to them. A
// confidential letter is read, besides the registry office and the auditors, only by those on its diffusion list.
import type { Principal } from '../../shared/auth/principal.ts';
import type { Role } from '../../shared/auth/roles.ts';
import { ForbiddenError } from '../../shared/errors/domain-errors.ts';
import { recipientOf, type Actor, type Letter } from './letter.ts';

export const ofCommune = (principal: Principal, commune: string, role: Role) => principal.roles.includes(role) && principal.commune === commune;

/** On the letter's list, or named to sign it (the delegate of an answer's signature). */
const onDiffusionList = (letter: Letter, principal: Principal) =>
  ofCommune(principal, letter.commune, 'agent') &&
  ((letter.routing?.diffusion ?? []).some((entry) => entry.sub === principal.sub) || (letter.signature?.signers ?? []).includes(principal.sub));

const isRegistryOrAuditor = (letter: Letter, principal: Principal) => principal.roles.includes('auditor') || ofCommune(principal, letter.commune, 'clerk');

export const lodgedItOnline = (letter: Letter, principal: Principal) => letter.lodgedBy !== undefined && letter.lodgedBy === principal.sub && principal.roles.includes('citizen');

export function mayRead(letter: Letter, principal: Principal): boolean {
  if (isRegistryOrAuditor(letter, principal)) return true;
  if (ofCommune(principal, letter.commune, 'agent') && (letter.confidentiality === 'normal' || onDiffusionList(letter, principal))) return true;
  return lodgedItOnline(letter, principal);
}

/**
 * Reading a letter's acknowledgment: the citizen who lodged it, the commune's clerks (who print it for a sender
 * at the counter) and auditors; the services that answer the letter need no proof of its receipt.
 */
export function mayReadAcknowledgment(letter: Letter, principal: Principal): boolean {
  return isRegistryOrAuditor(letter, principal) || lodgedItOnline(letter, principal);
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

/** The agent a letter is assigned to, answering it. */
export function recipientAgentOf(letter: Letter, principal: Principal): Actor {
  if (!ofCommune(principal, letter.commune, 'agent') || !letter.routing || recipientOf(letter.routing) !== principal.sub) {
    throw new ForbiddenError({
      ar: `لا يجيب عن الرسالة ${letter.number} إلا المرسل إليه`,
      fr: `Seul le destinataire du courrier ${letter.number} y répond`,
      en: `Only the recipient of letter ${letter.number} answers it`,
    });
  }
  return { sub: principal.sub, role: 'agent' };
}

/** Redirecting or closing: the agent the letter is assigned to, or a clerk of its commune. */
export function recipientOrClerkOf(letter: Letter, principal: Principal): Actor {
  if (ofCommune(principal, letter.commune, 'clerk')) return { sub: principal.sub, role: 'clerk' };
  if (letter.routing && ofCommune(principal, letter.commune, 'agent') && recipientOf(letter.routing) === principal.sub) return { sub: principal.sub, role: 'agent' };
  throw new ForbiddenError({
    ar: `لا يغير مسار الرسالة ${letter.number} إلا المرسل إليه أو مكتب الضبط`,
    fr: `Seuls le destinataire du courrier ${letter.number} et le bureau d'ordre en changent le cours`,
    en: `Only the recipient of letter ${letter.number} or the registry office changes its course`,
  });
}

/** Reading a whole register (or its settings): its clerks, administrators and auditors. */
export function mayReadRegister(commune: string, principal: Principal): boolean {
  return principal.roles.includes('auditor') || ofCommune(principal, commune, 'clerk') || principal.roles.includes('admin');
}

/** Reading a service's queue: the commune's clerks and agents, and auditors. */
export function mayReadQueue(commune: string, principal: Principal): boolean {
  return principal.roles.includes('auditor') || ofCommune(principal, commune, 'clerk') || ofCommune(principal, commune, 'agent');
}

/** Giving an opinion or an approval: the commune's agents and its president (the list says whose step it is). */
export function staffOf(letter: Letter, principal: Principal): Actor {
  const role = (['agent', 'president'] as const).find((staff) => ofCommune(principal, letter.commune, staff));
  if (!role) {
    throw new ForbiddenError({
      ar: `لا يعطي رأيا أو تأشيرة في الرسالة ${letter.number} إلا أعوان الجماعة ورئيسها`,
      fr: `Seuls les agents et le président de la commune donnent un avis ou un visa sur le courrier ${letter.number}`,
      en: `Only the commune's agents and president give an opinion or an approval on letter ${letter.number}`,
    });
  }
  return { sub: principal.sub, role };
}

/**
 * Signing an outgoing letter: the commune's president, who holds the power to sign, or the delegate the incoming
 * letter's list names as signer (an agent holding the president's signature delegation).
 */
export function signerOf(letter: Letter, principal: Principal): Actor {
  if (ofCommune(principal, letter.commune, 'president')) return { sub: principal.sub, role: 'president' };
  if (ofCommune(principal, letter.commune, 'agent') && (letter.signature?.signers ?? []).includes(principal.sub)) return { sub: principal.sub, role: 'agent' };
  throw new ForbiddenError({
    ar: `لا يوقع الرسالة ${letter.number} إلا رئيس الجماعة أو المفوض له المذكور في لائحة التوزيع`,
    fr: `Seuls le président de la commune et le délégataire nommé sur la liste de diffusion signent le courrier ${letter.number}`,
    en: `Only the commune's president or the delegate the diffusion list names signs letter ${letter.number}`,
  });
}
