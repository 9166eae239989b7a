// What the deadline workflow, the nightly sweep and a holiday change ask of a request: record the implicit refusal
// when its deadline passes with the request still open, count the deadline again; and what follows a request's
// events (its workflow's start, out of the request that caused it).
import type { HolidaysChanged } from '../../reference-data/public.ts';
import { recountDeadlinesOverYear, type RecountResult } from '../../shared/case-clock/application/recount-open-deadlines.use-case.ts';
import { sweepOverdueCases, type SweepResult } from '../../shared/case-clock/application/sweep-overdue-cases.use-case.ts';
import { deadlineCheck, type DeadlineCheck } from '../../shared/case-clock/domain/deadline-check.ts';
import { ConflictError } from '../../shared/errors/domain-errors.ts';
import type { DomainEvent } from '../../shared/events/domain-event.ts';
import { requestStanding, type InformationRequest } from '../domain/information-request.ts';
import { recordImplicitRefusal, recountRequestDeadline } from '../domain/request-clock.ts';
import type { TransparencyRepository } from './transparency.ports.ts';
import type { DeadlineWorkflow } from '../../shared/case-clock/application/deadline-workflow.ts';

/** How many times a check reads the request again when an agent's change got in first. */
const CHECK_ATTEMPTS = 3;

export async function checkRequestDeadline(repository: TransparencyRepository, requestId: string, now: Date, attempt = 1): Promise<DeadlineCheck> {
  const request = await repository.get(requestId);
  if (!request) return { subject: requestId, state: 'closed' };
  const standing = requestStanding(request);
  const check = deadlineCheck(requestId, request.clock, standing, now);
  if (standing === 'open' && check.state === 'lapsed') {
    try {
      await repository.save(recordImplicitRefusal(request, now));
    } catch (error) {
      // An answer or an extension was written in the same instant: look again at what it left.
      if (error instanceof ConflictError && attempt < CHECK_ATTEMPTS) return checkRequestDeadline(repository, requestId, now, attempt + 1);
      throw error;
    }
  }
  return check;
}

/** The nightly repair: every request whose deadline passed without its workflow acting is checked now. */
export function sweepOverdueRequests(repository: TransparencyRepository, now: Date): Promise<SweepResult> {
  return sweepOverdueCases(repository, (requestId) => checkRequestDeadline(repository, requestId, now), now);
}

/**
 * Holidays an administrator confirmed or moved: every request whose running deadline may count over that year is
 * counted again; one that moved gets a workflow for its new instant (its event). A conflict fails the recount, and
 * the redelivered event tries again.
 */
export function recountRequestDeadlines(repository: TransparencyRepository, change: HolidaysChanged, now: Date): Promise<RecountResult> {
  return recountDeadlinesOverYear(repository, (request: InformationRequest) => request.clock, (request, holidays) => recountRequestDeadline(request, holidays, change.year, now), change.year);
}

/** A request's clock started or moved: a workflow watches that version (it ends at once if nothing is left to watch). */
export function followDeadlineWatched(workflow: DeadlineWorkflow, event: DomainEvent): Promise<void> {
  const { requestId, version } = event.data as { requestId: string; version: number };
  return workflow.watch(requestId, version);
}
