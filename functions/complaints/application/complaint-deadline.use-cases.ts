// What the deadline workflow and the nightly sweep ask of a complaint: record each lapse at the instant its
// deadline passes, send the reminders whose time has come, and say when to look again; and what follows a
// complaint's clock starting or resuming (its workflow, out of the request that caused it).
import type { HolidaysChanged } from '../../reference-data/public.ts';
import { recountOpenDeadlines, type RecountResult } from '../../shared/case-clock/application/recount-open-deadlines.use-case.ts';
import { sweepOverdueCases, type SweepResult } from '../../shared/case-clock/application/sweep-overdue-cases.use-case.ts';
import { deadlineCheckOfClocks } from '../../shared/case-clock/domain/case-clocks.ts';
import type { DeadlineCheck } from '../../shared/case-clock/domain/deadline-check.ts';
import { ConflictError } from '../../shared/errors/domain-errors.ts';
import type { DomainEvent } from '../../shared/events/domain-event.ts';
import { complaintClocks, deadlineChange, nextReminder, recountComplaintClocks } from '../domain/complaint-deadlines.ts';
import type { ComplaintsRepository } from './complaints.ports.ts';
import type { DeadlineWorkflow } from '../../shared/case-clock/application/deadline-workflow.ts';

/** How many times a check reads the complaint again when a change got in first. */
const CHECK_ATTEMPTS = 3;

export async function checkComplaintDeadlines(repository: ComplaintsRepository, id: string, now: Date, attempt = 1): Promise<DeadlineCheck> {
  const complaint = await repository.get(id);
  if (!complaint) return { subject: id, state: 'closed' };
  const { reminderDaysBefore } = complaint.rules;
  const made = deadlineChange(complaint, reminderDaysBefore, now);
  if (made) {
    try {
      await repository.save(made);
    } catch (error) {
      // The unit or the complainant changed it in the same instant: look again at what they wrote.
      if (error instanceof ConflictError && attempt < CHECK_ATTEMPTS) return checkComplaintDeadlines(repository, id, now, attempt + 1);
      throw error;
    }
    // A lapse and a reminder due together: the next check, at once, sends the reminder.
    if (made.event.type === 'deadline-lapsed') return checkComplaintDeadlines(repository, id, now);
  }
  const current = made?.complaint ?? complaint;
  return deadlineCheckOfClocks(id, complaintClocks(current), now, nextReminder(current, reminderDaysBefore));
}

/** The nightly repair: every complaint whose soonest deadline passed without its workflow acting is checked now. */
export function sweepOverdueComplaints(repository: ComplaintsRepository, now: Date): Promise<SweepResult> {
  return sweepOverdueCases(repository, (id) => checkComplaintDeadlines(repository, id, now), now);
}

/**
 * Holidays an administrator confirmed or moved: every complaint whose soonest open deadline may count over that year
 * is counted again; one whose deadline moved gets a workflow for its new instant. A conflict fails the recount, and
 * the redelivered event tries again (a complaint already recounted does not move twice).
 */
export function recountComplaintDeadlines(repository: ComplaintsRepository, holidaysChanged: HolidaysChanged, now: Date): Promise<RecountResult> {
  // A deadline before the first instant of the changed year (in UTC, earlier than in Morocco) cannot count over it.
  const from = new Date(Date.UTC(holidaysChanged.year, 0, 1) - 3_600_000);
  // A clock reaching the changed year started in it or the year before; its count reaches the year after at most.
  const years = [holidaysChanged.year - 1, holidaysChanged.year, holidaysChanged.year + 1];
  return recountOpenDeadlines(
    repository,
    async (id) => {
      const found = await repository.getWithHolidays(id, years);
      const recounted = found && recountComplaintClocks(found.complaint, found.holidays, holidaysChanged.year, now);
      if (!recounted) return false;
      await repository.save(recounted);
      return true;
    },
    from,
  );
}

export function followDeadlineWatched(workflow: DeadlineWorkflow, event: DomainEvent): Promise<void> {
  const { complaintId, version } = event.data as { complaintId: string; version: number };
  return workflow.watch(complaintId, version);
}
