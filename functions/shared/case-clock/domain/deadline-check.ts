// What every context's check function answers the generic deadline workflow (statemachines/deadline-case.asl.json),
// which routes on `state` and carries `subject` on to the next check.
import { clockStatusAt, wakeAt, type CaseClock, type CaseStanding } from './case-clock.ts';

/** The workflow's input and each check's request: the case, by the id its context knows it by. */
export interface DeadlineCheckRequest {
  readonly subject: string;
}

export type DeadlineCheck = DeadlineCheckRequest &
  (
    /** Wait until `wakeAt`, the first instant after the deadline, and ask again: the deadline may have moved. */
    | { readonly state: 'running'; readonly wakeAt: string }
    /** The clock is stopped: this execution ends, and resuming the clock starts another. */
    | { readonly state: 'suspended' }
    /** The deadline passed in silence (the check recorded it, or it was recorded before). */
    | { readonly state: 'lapsed' }
    /** Decided, withdrawn, or gone: nothing is left to watch. */
    | { readonly state: 'closed' }
  );

/** The answer for a case whose clock and standing are as given at `at`; recording a lapse is the context's part. */
export function deadlineCheck(subject: string, clock: CaseClock, standing: CaseStanding, at: Date): DeadlineCheck {
  const status = clockStatusAt(clock, standing, at);
  if (status === 'running') return { subject, state: 'running', wakeAt: wakeAt(clock) };
  if (status === 'stopped') return { subject, state: 'closed' };
  return { subject, state: status };
}
