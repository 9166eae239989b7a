// What the control deadlines' workflow, the nightly sweep and a holiday change ask of a session or a deliberation:
// remind the secretariat of a convocation deadline, record what happens when a period passes (a late transmission, told to the secretariat; an enforceable
// deliberation), count the running periods again; and the workflow's start from a case's event.
import type { HolidaysChanged } from '../../reference-data/public.ts';
import type { DeadlineWorkflow } from '../../shared/case-clock/application/deadline-workflow.ts';
import { recountDeadlinesOverYear, type RecountResult } from '../../shared/case-clock/application/recount-open-deadlines.use-case.ts';
import { sweepOverdueCases, type SweepResult } from '../../shared/case-clock/application/sweep-overdue-cases.use-case.ts';
import type { DeadlineCheck } from '../../shared/case-clock/domain/deadline-check.ts';
import { ConflictError } from '../../shared/errors/domain-errors.ts';
import type { DomainEvent } from '../../shared/events/domain-event.ts';
import { controlCheck, decidedDeliberations, recordConvocationReminder, recordDeliberationLapses, recordTransmissionCheck, recountControl, recountedClockOf, transmissionCheckDue, type ControlCase, type ControlChange } from '../domain/control-clocks.ts';
import type { CouncilsRepository } from './councils.ports.ts';

/** How many times a check reads the case again when a person's change got in first. */
const CHECK_ATTEMPTS = 3;

async function recordDue(repository: CouncilsRepository, found: ControlCase, now: Date): Promise<ControlCase> {
  if (found.kind === 'deliberation') {
    const change = recordDeliberationLapses(found.deliberation, now);
    if (!change) return found;
    await repository.saveDeliberation(change);
    return { kind: 'deliberation', deliberation: change.deliberation };
  }
  const { session } = found;
  const reminded = recordConvocationReminder(session, now);
  if (reminded) {
    await repository.saveSession(reminded);
    return { kind: 'session', session: reminded.session };
  }
  // Read only once the period has passed: which deliberations were still not transmitted then.
  if (!transmissionCheckDue(session, now)) return found;
  const change = recordTransmissionCheck(session, await repository.deliberationsByIds(decidedDeliberations(session)), now)!;
  await repository.saveSession(change);
  return { kind: 'session', session: change.session };
}

/** The deadline workflow's task (and the sweep's, for each overdue case): records what a passed period leaves, then answers. */
export async function checkControlDeadline(repository: CouncilsRepository, subject: string, now: Date, attempt = 1): Promise<DeadlineCheck> {
  const found = await repository.controlCase(subject);
  if (!found) return { subject, state: 'closed' };
  try {
    return controlCheck(subject, await recordDue(repository, found, now), now);
  } catch (error) {
    // A transmission, an opposition or a receipt was written in the same instant: look again at what it left.
    if (error instanceof ConflictError && attempt < CHECK_ATTEMPTS) return checkControlDeadline(repository, subject, now, attempt + 1);
    throw error;
  }
}

/** The nightly repair: every case whose period passed without its workflow acting is checked now. */
export function sweepOverdueControls(repository: CouncilsRepository, now: Date): Promise<SweepResult> {
  return sweepOverdueCases(repository, (subject) => checkControlDeadline(repository, subject, now), now);
}

/**
 * Holidays an administrator confirmed or moved: every running control period that may count over that year is
 * counted again; a case whose due instant moved gets a workflow for its new version (its event).
 */
export function recountControlDeadlines(repository: CouncilsRepository, change: HolidaysChanged, now: Date): Promise<RecountResult> {
  const cases = {
    get: (subject: string) => repository.controlCase(subject),
    holidays: (years: readonly number[]) => repository.holidays(years),
    openDueFrom: repository.openDueFrom.bind(repository),
    save: async (made: ControlChange) => {
      if (made.kind === 'session') await repository.saveSession(made.change);
      else await repository.saveDeliberation(made.change);
    },
  };
  return recountDeadlinesOverYear(cases, recountedClockOf, (found: ControlCase, holidays) => recountControl(found, holidays, now), change.year);
}

/** A case's control period started or moved: a workflow watches that version (it ends at once if nothing is left). */
export function followControlWatched(workflow: DeadlineWorkflow, event: DomainEvent): Promise<void> {
  const { subject, version } = event.data as { subject: string; version: number };
  return workflow.watch(subject, version);
}
