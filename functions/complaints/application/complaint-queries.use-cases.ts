// Reading complaints: one complaint and its history (its complainant, the unit holding it), a unit's queue (its
// officers, auditors), a complaint followed by its token, and a commune's settings.
import type { Principal } from '../../shared/auth/principal.ts';
import { ForbiddenError, NotFoundError } from '../../shared/errors/domain-errors.ts';
import type { Page, PageRequest } from '../../shared/http/pagination.ts';
import { mayRead, mayReadQueue } from '../domain/complaint-access.ts';
import type { Complaint, ComplaintEvent } from '../domain/complaint.ts';
import { unknownComplaint } from '../domain/complaints-errors.ts';
import { followUpTokenDigest, followUpViewOf, type FollowUpView } from '../domain/follow-up.ts';
import { mediatorPack, type MediatorPack } from '../domain/mediator-referral.ts';
import type { ComplaintsRepository, OwnComplaint, QueueEntry } from './complaints.ports.ts';

async function readable(repository: ComplaintsRepository, id: string, principal: Principal): Promise<Complaint> {
  const complaint = await repository.get(id);
  if (!complaint) throw unknownComplaint(id);
  if (!mayRead(complaint, principal)) {
    throw new ForbiddenError({
      ar: 'لا يطلع على الشكاية إلا صاحبها والمكلفون بمعالجتها',
      fr: "Une réclamation n'est lisible que par son auteur et la cellule qui la traite",
      en: 'A complaint is read only by its complainant and the unit handling it',
    });
  }
  return complaint;
}

export const getComplaint = readable;

export async function complaintHistory(repository: ComplaintsRepository, id: string, principal: Principal, page: PageRequest): Promise<Page<ComplaintEvent>> {
  await readable(repository, id, principal);
  return repository.history(id, page);
}

/** History pages read at once for the Médiateur's pack: a complaint's whole history is a few dozen events. */
const PACK_HISTORY_PAGE = 100;

/** The file and its whole timeline, for its complainant or the unit to join to a referral to the Médiateur. */
export async function complaintMediatorPack(repository: ComplaintsRepository, id: string, principal: Principal, now: Date): Promise<MediatorPack> {
  const complaint = await readable(repository, id, principal);
  const events: ComplaintEvent[] = [];
  let cursor: string | undefined;
  do {
    const page = await repository.history(id, { limit: PACK_HISTORY_PAGE, ...(cursor && { cursor }) });
    events.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return mediatorPack(complaint, events, now);
}

export async function unitQueue(repository: ComplaintsRepository, commune: string, principal: Principal, page: PageRequest): Promise<Page<QueueEntry>> {
  if (!mayReadQueue(commune, principal)) {
    throw new ForbiddenError({
      ar: `لا يطلع على شكايات ${commune} إلا المكلفون بها والمراقبون`,
      fr: `Les réclamations de ${commune} ne sont lisibles que par sa cellule et les auditeurs`,
      en: `The complaints of ${commune} are read only by its unit and the auditors`,
    });
  }
  return repository.queue(commune, page);
}

/** Where a complaint filed without signing in stands, for whoever holds its follow-up token. */
export async function followUp(repository: ComplaintsRepository, token: string): Promise<FollowUpView> {
  const complaint = await repository.followedUp(followUpTokenDigest(token));
  if (!complaint) throw new NotFoundError({ ar: 'لا توجد شكاية بهذا الرمز', fr: 'Aucune réclamation ne porte ce jeton', en: 'No complaint has this follow-up token' });
  return followUpViewOf(complaint);
}

/** The complaints the signed-in citizen filed, newest first (a letter they lodged online that became one among them). */
export function myComplaints(repository: ComplaintsRepository, principal: Principal, page: PageRequest): Promise<Page<OwnComplaint>> {
  if (!principal.roles.includes('citizen')) {
    throw new ForbiddenError({ ar: 'هذه القائمة لشكايات المواطن نفسه', fr: 'Cette liste est celle des réclamations du citoyen lui-même', en: "This list is a citizen's own complaints" });
  }
  return repository.mine(principal.sub, page);
}
