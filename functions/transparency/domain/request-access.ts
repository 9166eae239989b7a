// Who may do what with a commune's access-to-information requests: its agents (the persons in charge the body
// designates) receive, answer and extend them; its president, head of the body, answers the complaints; auditors
// read every one; the citizen who filed a request online reads and withdraws it, and takes its recourse. The
// requester's identity is shown to no one else.
import type { Principal } from '../../shared/auth/principal.ts';
import { ForbiddenError } from '../../shared/errors/domain-errors.ts';
import type { Actor, InformationRequest } from './information-request.ts';

const agentOf = (principal: Principal, commune: string) => principal.roles.includes('agent') && principal.commune === commune;

const filedIt = (request: InformationRequest, principal: Principal) => request.filedBy !== undefined && request.filedBy === principal.sub && principal.roles.includes('citizen');

const presidentOf = (principal: Principal, commune: string) => principal.roles.includes('president') && principal.commune === commune;

export function mayRead(request: InformationRequest, principal: Principal): boolean {
  return principal.roles.includes('auditor') || agentOf(principal, request.commune) || filedIt(request, principal) || (presidentOf(principal, request.commune) && request.internalComplaint !== undefined);
}

/** Reading a commune's queue: its agents and auditors. */
export function mayReadQueue(commune: string, principal: Principal): boolean {
  return principal.roles.includes('auditor') || agentOf(principal, commune);
}

/** The agent of `commune` acting on its requests. */
export function agentActing(commune: string, principal: Principal): Actor {
  if (!agentOf(principal, commune)) {
    throw new ForbiddenError({
      ar: `لا يعالج طلبات الحصول على المعلومات الموجهة إلى الجماعة ${commune} إلا أعوانها`,
      fr: `Seuls les agents de la commune ${commune} traitent les demandes d'accès à l'information qui lui sont adressées`,
      en: `Only the agents of commune ${commune} handle the access-to-information requests addressed to it`,
    });
  }
  return { sub: principal.sub, role: 'agent' };
}

/** The president of `commune`, head of the body, answering a complaint. */
export function headOfBodyActing(commune: string, principal: Principal): Actor {
  if (!presidentOf(principal, commune)) {
    throw new ForbiddenError({
      ar: `لا يجيب عن الشكايات الموجهة إلى الجماعة ${commune} إلا رئيسها`,
      fr: `Seul le président de la commune ${commune} répond aux réclamations qui lui sont adressées`,
      en: `Only the president of commune ${commune} answers the complaints addressed to it`,
    });
  }
  return { sub: principal.sub, role: 'president' };
}

/** The requester who filed online, or an agent of its commune acting for one who came on paper. */
export function requesterOrAgent(request: InformationRequest, principal: Principal): Actor {
  return principal.roles.includes('citizen') ? requesterActing(request, principal) : agentActing(request.commune, principal);
}

/** The citizen who filed `request` online. */
export function requesterActing(request: InformationRequest, principal: Principal): Actor {
  if (!filedIt(request, principal)) {
    throw new ForbiddenError({ ar: 'لا يسحب الطلب إلا من قدمه', fr: 'Seul son auteur retire une demande', en: 'Only the person who filed a request withdraws it' });
  }
  return { sub: principal.sub, role: 'citizen' };
}
