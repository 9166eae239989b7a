// Changes of a complaint, each checked against who asks and the complaint's state, and written with its history
// event on the version read: the unit acknowledges, qualifies, assigns, takes up, asks for information, transfers,
// answers and closes; its complainant replies, reopens and rates.
import type { Principal } from '../../shared/auth/principal.ts';
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

async function changed(repository: ComplaintsRepository, id: string, change: Change): Promise<Complaint> {
  const complaint = await repository.get(id);
  if (!complaint) throw unknownComplaint(id);
  const made = change(complaint);
  await repository.save(made);
  return made.complaint;
}

/** A change of a clock, counted with the holidays of this year and the next (read with the complaint). */
async function changedWithHolidays(repository: ComplaintsRepository, id: string, now: Date, change: (complaint: Complaint, holidays: ReadonlySet<string>) => ComplaintChange): Promise<Complaint> {
  const year = Number(moroccanDate(now).slice(0, 4));
  const found = await repository.getWithHolidays(id, [year, year + 1]);
  if (!found) throw unknownComplaint(id);
  const made = change(found.complaint, found.holidays);
  await repository.save(made);
  return made.complaint;
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
