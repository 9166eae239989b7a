// The end of a request's recourse chain: the CDAI's decision recorded (by an agent of the commune, or the requester
// who filed online), the court appeal and the closure (an agent of the commune); and the reminder to the head of the
// body that a workflow wakes for before the head's answer period ends.
import type { Principal } from '../../shared/auth/principal.ts';
import type { DeadlineCheck } from '../../shared/case-clock/domain/deadline-check.ts';
import { ConflictError } from '../../shared/errors/domain-errors.ts';
import type { DomainEvent } from '../../shared/events/domain-event.ts';
import { moroccanDate } from '../../shared/time/morocco-time.ts';
import type { RequestChange, InformationRequest, Actor } from '../domain/information-request.ts';
import { closeRequest, complaintReminderDue, recordCdaiDecision, recordCourtAppeal, remindHeadOfBody, type CdaiDecision, type Closure, type CourtAppeal } from '../domain/recourse-end.ts';
import { agentActing, requesterOrAgent } from '../domain/request-access.ts';
import { unknownRequest } from '../domain/transparency-errors.ts';
import { requestView, type RequestView } from './request-queries.use-cases.ts';
import type { DeadlineWorkflow } from '../../shared/case-clock/application/deadline-workflow.ts';
import type { TransparencyRepository } from './transparency.ports.ts';

async function changed(repository: TransparencyRepository, made: RequestChange, now: Date): Promise<RequestView> {
  await repository.save(made);
  return requestView(made.request, now);
}

async function requestOf(repository: TransparencyRepository, id: string): Promise<InformationRequest> {
  const request = await repository.get(id);
  if (!request) throw unknownRequest(id);
  return request;
}

/** The decision's periods are calendar days: the holidays of the decision's years are read with the request, in one request. */
export async function recordDecision(repository: TransparencyRepository, id: string, given: Pick<CdaiDecision, 'outcome' | 'summary' | 'complaintFiledOn' | 'decidedOn'>, principal: Principal, now: Date): Promise<RequestView> {
  const year = Number(moroccanDate(now).slice(0, 4));
  const { request, holidays } = await repository.requestWithHolidays(id, [year - 1, year, year + 1]);
  if (!request) throw unknownRequest(id);
  return changed(repository, recordCdaiDecision(request, given, holidays, requesterOrAgent(request, principal), now), now);
}

export async function recordAppeal(repository: TransparencyRepository, id: string, given: Pick<CourtAppeal, 'court' | 'filedOn'>, principal: Principal, now: Date): Promise<RequestView> {
  const request = await requestOf(repository, id);
  return changed(repository, recordCourtAppeal(request, given, requesterOrAgent(request, principal), now), now);
}

export async function close(repository: TransparencyRepository, id: string, given: { readonly reason: Closure['reason']; readonly judgment?: { readonly summary: string; readonly on: string } }, principal: Principal, now: Date): Promise<RequestView> {
  const request = await requestOf(repository, id);
  const by: Actor = agentActing(request.commune, principal);
  return changed(repository, closeRequest(request, given, by, now), now);
}

/** A complaint was filed: a workflow watches its reminder (named after the request's version: a redelivery starts none). */
export function followComplaintReminder(workflow: DeadlineWorkflow, event: DomainEvent): Promise<void> {
  const { requestId, version } = event.data as { requestId: string; version: number };
  return workflow.watch(requestId, version);
}

/** How many times the reminder reads the request again when a change got in first. */
const REMINDER_ATTEMPTS = 3;

/** The reminder workflow's check: wait until the reminder's instant, then remind the head of the body once. */
export async function checkComplaintReminder(repository: TransparencyRepository, requestId: string, now: Date, attempt = 1): Promise<DeadlineCheck> {
  const request = await repository.get(requestId);
  if (!request) return { subject: requestId, state: 'closed' };
  const due = complaintReminderDue(request, now);
  if (due.state === 'running') return { subject: requestId, state: 'running', wakeAt: due.wakeAt };
  if (due.state === 'due') {
    const { settings } = await repository.communeSnapshot(request.commune, []);
    try {
      await repository.save(remindHeadOfBody(request, settings.headOfBody, now));
    } catch (error) {
      if (error instanceof ConflictError && attempt < REMINDER_ATTEMPTS) return checkComplaintReminder(repository, requestId, now, attempt + 1);
      throw error;
    }
  }
  return { subject: requestId, state: 'closed' };
}
