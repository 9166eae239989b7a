// Changes of a complaint, each checked against who asks and the complaint's state, and written with its history
// event on the version read: the unit acknowledges, qualifies, assigns, takes up, asks for information, transfers,
// answers and closes; its complainant replies, reopens and rates.
import type { Principal } from '../../shared/auth/principal.ts';
import { ConflictError } from '../../shared/errors/domain-errors.ts';
import { moroccanDate } from '../../shared/time/morocco-time.ts';
import { complainantOf, officerOf } from '../domain/complaint-access.ts';
import {
  acknowledgeComplaint,
  answerComplaint,
  assignComplaint,
  closeComplaint,
  provideInformation,
  qualifyComplaint,
  rateComplaint,
  reopenComplaint,
  requestInformation,
  takeUpComplaint,
  transferComplaint,
  type Complaint,
  type ComplaintChange,
  type Holder,
  type Qualification,
} from '../domain/complaint.ts';
import { recordMediatorReferral } from '../domain/mediator-referral.ts';
import { unknownCommuneAt } from '../../shared/errors/unknown-commune.ts';
import { unknownComplaint } from '../domain/complaints-errors.ts';
import type { ComplaintsRepository } from './complaints.ports.ts';

type Change = (complaint: Complaint) => ComplaintChange;

/**
 * Writes the change made from the complaint as read. When someone wrote it in between without moving its status
 * (the platform suggesting duplicates just after a filing, as a unit acts at once), the change is made again from
 * the complaint as it now is, once, and checked again; a change that moved the status (another officer's) stays a
 * conflict the caller is told of.
 */
async function savedOverQuietChanges<Read extends { readonly complaint: Complaint }>(repository: ComplaintsRepository, read: () => Promise<Read | undefined>, id: string, change: (found: Read) => ComplaintChange): Promise<Complaint> {
  const found = await read();
  if (!found) throw unknownComplaint(id);
  try {
    const made = change(found);
    await repository.save(made);
    return made.complaint;
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    const again = await read();
    if (!again || again.complaint.status !== found.complaint.status) throw error;
    const made = change(again);
    await repository.save(made);
    return made.complaint;
  }
}

function changed(repository: ComplaintsRepository, id: string, change: Change): Promise<Complaint> {
  return savedOverQuietChanges(repository, async () => {
    const complaint = await repository.get(id);
    return complaint && { complaint };
  }, id, ({ complaint }) => change(complaint));
}

/** A change of a clock, counted with the holidays of this year and the next (read with the complaint). */
function changedWithHolidays(repository: ComplaintsRepository, id: string, now: Date, change: (complaint: Complaint, holidays: ReadonlySet<string>) => ComplaintChange): Promise<Complaint> {
  const year = Number(moroccanDate(now).slice(0, 4));
  return savedOverQuietChanges(repository, () => repository.getWithHolidays(id, [year, year + 1]), id, ({ complaint, holidays }) => change(complaint, holidays));
}

const byOfficer = (principal: Principal, act: (complaint: Complaint, by: ReturnType<typeof officerOf>) => ComplaintChange): Change => (complaint) => act(complaint, officerOf(complaint.commune, principal));

const byComplainant = (principal: Principal, act: (complaint: Complaint, by: ReturnType<typeof complainantOf>) => ComplaintChange): Change => (complaint) => act(complaint, complainantOf(complaint, principal));

export const acknowledge = (repository: ComplaintsRepository, id: string, principal: Principal, now: Date) =>
  changed(repository, id, byOfficer(principal, (complaint, by) => acknowledgeComplaint(complaint, by, now)));

export const qualify = (repository: ComplaintsRepository, id: string, qualification: Qualification, principal: Principal, now: Date) =>
  changed(repository, id, byOfficer(principal, (complaint, by) => qualifyComplaint(complaint, qualification, by, now)));

export const assign = (repository: ComplaintsRepository, id: string, service: string, principal: Principal, now: Date) =>
  changed(repository, id, byOfficer(principal, (complaint, by) => assignComplaint(complaint, service, by, now)));

export const takeUp = (repository: ComplaintsRepository, id: string, principal: Principal, now: Date) =>
  changed(repository, id, byOfficer(principal, (complaint, by) => takeUpComplaint(complaint, by, now)));

export const askForInformation = (repository: ComplaintsRepository, id: string, question: string, principal: Principal, now: Date) =>
  changedWithHolidays(repository, id, now, (complaint, holidays) => requestInformation(complaint, question, officerOf(complaint.commune, principal), holidays, now));

export const replyWithInformation = (repository: ComplaintsRepository, id: string, text: string, principal: Principal, now: Date) =>
  changedWithHolidays(repository, id, now, (complaint, holidays) => provideInformation(complaint, text, complainantOf(complaint, principal), holidays, now));

/** To a collectivity of the platform, the commune must exist: its unit takes the file over. */
export async function transfer(repository: ComplaintsRepository, id: string, request: { readonly to: Holder; readonly reason: string }, principal: Principal, now: Date): Promise<Complaint> {
  const complaint = await repository.get(id);
  if (!complaint) throw unknownComplaint(id);
  const by = officerOf(complaint.commune, principal);
  if (request.to.commune && !(await repository.communeExists(request.to.commune))) throw unknownCommuneAt(request.to.commune, '/body/to/commune');
  const made = transferComplaint(complaint, request.to, request.reason, by, now);
  await repository.save(made);
  return made.complaint;
}

export const answer = (repository: ComplaintsRepository, id: string, request: { readonly text: string; readonly signedBy: string }, principal: Principal, now: Date) =>
  changed(repository, id, byOfficer(principal, (complaint, by) => answerComplaint(complaint, request, by, now)));

export const close = (repository: ComplaintsRepository, id: string, note: string | undefined, principal: Principal, now: Date) =>
  changed(repository, id, byOfficer(principal, (complaint, by) => closeComplaint(complaint, note, by, now)));

export const reopen = (repository: ComplaintsRepository, id: string, reason: string, principal: Principal, now: Date) =>
  changed(repository, id, byComplainant(principal, (complaint, by) => reopenComplaint(complaint, reason, by, now)));

export const rate = (repository: ComplaintsRepository, id: string, rating: { readonly score: number; readonly comment?: string }, principal: Principal, now: Date) =>
  changed(repository, id, byComplainant(principal, (complaint, by) => rateComplaint(complaint, rating, by, now)));

/** The unit records that the Médiateur du Royaume opened a file about the complaint. */
export const referToMediator = (repository: ComplaintsRepository, id: string, referral: { readonly reference: string; readonly receivedOn: string }, principal: Principal, now: Date) =>
  changed(repository, id, byOfficer(principal, (complaint, by) => recordMediatorReferral(complaint, referral, by, now)));
