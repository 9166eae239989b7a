// What the deadline workflow, the nightly sweep and a holiday change ask of a letter: send the reminders whose time
// has come, record the lapse when its deadline passes with the letter still open, count the deadline again; and
// what follows a letter's events (its workflow's start, out of the request that caused it).
import type { HolidaysChanged } from '../../reference-data/public.ts';
import { recountOpenDeadlines, type RecountResult } from '../../shared/case-clock/application/recount-open-deadlines.use-case.ts';
import { sweepOverdueCases, type SweepResult } from '../../shared/case-clock/application/sweep-overdue-cases.use-case.ts';
import { deadlineCheck, type DeadlineCheck } from '../../shared/case-clock/domain/deadline-check.ts';
import { ConflictError } from '../../shared/errors/domain-errors.ts';
import type { DomainEvent } from '../../shared/events/domain-event.ts';
import { dueReminders, letterStanding, nextWake, recordLapse, recountLetterDeadline, remindLetter } from '../domain/letter-deadline.ts';
import type { RegistryOfficeRepository } from './registry-office.ports.ts';
import type { DeadlineWorkflow } from '../../shared/case-clock/application/deadline-workflow.ts';

/** How many times a check reads the letter again when a change got in first. */
const CHECK_ATTEMPTS = 3;

export async function checkLetterDeadline(repository: RegistryOfficeRepository, letterId: string, now: Date, attempt = 1): Promise<DeadlineCheck> {
  const letter = await repository.get(letterId);
  if (!letter?.clock) return { subject: letterId, state: 'closed' };
  const standing = letterStanding(letter);
  const check = deadlineCheck(letterId, letter.clock, standing, now);
  const change = standing !== 'open' ? undefined : check.state === 'lapsed' ? recordLapse(letter, now) : dueReminders(letter, now).length > 0 ? remindLetter(letter, dueReminders(letter, now), now) : undefined;
  if (change) {
    try {
      await repository.save(change);
    } catch (error) {
      // A clerk or the recipient changed the letter in the same instant: look again at what they wrote.
      if (error instanceof ConflictError && attempt < CHECK_ATTEMPTS) return checkLetterDeadline(repository, letterId, now, attempt + 1);
      throw error;
    }
  }
  const current = change?.letter ?? letter;
  return check.state === 'running' ? { subject: letterId, state: 'running', wakeAt: nextWake({ ...current, clock: letter.clock }) } : check;
}

/** The nightly repair: every letter whose deadline passed without its workflow acting is checked now. */
export function sweepOverdueLetters(repository: RegistryOfficeRepository, now: Date): Promise<SweepResult> {
  return sweepOverdueCases(repository, (letterId) => checkLetterDeadline(repository, letterId, now), now);
}

async function recountLetter(repository: RegistryOfficeRepository, letterId: string, change: HolidaysChanged, now: Date): Promise<boolean> {
  const letter = await repository.get(letterId);
  if (!letter?.clock || Number(letter.clock.receiptDate.slice(0, 4)) > change.year) return false;
  const receiptYear = Number(letter.clock.receiptDate.slice(0, 4));
  const recounted = recountLetterDeadline(letter, await repository.holidays([receiptYear, receiptYear + 1]), change.year, now);
  if (!recounted) return false;
  await repository.save(recounted);
  return true;
}

/**
 * Holidays an administrator confirmed or moved: every letter whose running deadline may count over that year is
 * counted again; one that moved gets a workflow for its new instant (its event). A conflict fails the recount, and
 * the redelivered event tries again.
 */
export function recountLetterDeadlines(repository: RegistryOfficeRepository, change: HolidaysChanged, now: Date): Promise<RecountResult> {
  // A deadline before the first instant of the changed year (in UTC, earlier than in Morocco) cannot count over it.
  const from = new Date(Date.UTC(change.year, 0, 1) - 3_600_000);
  return recountOpenDeadlines(repository, (letterId) => recountLetter(repository, letterId, change, now), from);
}

/** A letter's clock started or moved: a workflow watches that version (it ends at once if nothing is left to watch). */
export function followDeadlineWatched(workflow: DeadlineWorkflow, event: DomainEvent): Promise<void> {
  const { letterId, version } = event.data as { letterId: string; version: number };
  return workflow.watch(letterId, version);
}
