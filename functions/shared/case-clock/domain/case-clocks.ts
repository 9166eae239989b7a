// A case that carries several named clocks at once (a complaint's acknowledgment and answer deadlines): one
// workflow and one open-deadline index entry per case, answering for all of its clocks. The case tells each clock's
// standing; the kit says which have lapsed unrecorded, when the workflow wakes next and which due instant the
// index sorts the case by.
import { clockStatusAt, isSuspended, wakeAt, type CaseClock, type CaseStanding } from './case-clock.ts';
import type { DeadlineCheck } from './deadline-check.ts';

/** One of a case's clocks with its standing, as the case tells it. */
export interface StandingClock {
  readonly clock: CaseClock;
  readonly standing: CaseStanding;
}

export type NamedClocks<Name extends string = string> = Readonly<Record<Name, StandingClock>>;

function entries<Name extends string>(clocks: NamedClocks<Name>): [Name, StandingClock][] {
  return Object.entries(clocks) as [Name, StandingClock][];
}

/** The clocks past their due instant while running that the case has not recorded yet: it records each lapse. */
export function unrecordedLapses<Name extends string>(clocks: NamedClocks<Name>, at: Date): Name[] {
  return entries(clocks)
    .filter(([, { clock, standing }]) => standing === 'open' && clockStatusAt(clock, standing, at) === 'lapsed')
    .map(([name]) => name);
}

/** The clocks still running at `at` (open, not suspended, not past due), soonest due first. */
export function runningClocks<Name extends string>(clocks: NamedClocks<Name>, at: Date): Name[] {
  return entries(clocks)
    .filter(([, { clock, standing }]) => clockStatusAt(clock, standing, at) === 'running')
    .sort(([, a], [, b]) => Date.parse(a.clock.dueAt) - Date.parse(b.clock.dueAt))
    .map(([name]) => name);
}

/**
 * The due instant the open-deadline index sorts the case by: the soonest of its clocks that are open and not
 * suspended, lapsed or not (a lapse not recorded yet is what the sweep is for); none when no clock is left to watch.
 */
export function soonestOpenDue(clocks: NamedClocks): string | undefined {
  const due = Object.values(clocks)
    .filter(({ clock, standing }) => standing === 'open' && !isSuspended(clock))
    .map(({ clock }) => clock.dueAt)
    .sort((a, b) => Date.parse(a) - Date.parse(b));
  return due[0];
}

/**
 * The answer to the deadline workflow for a case with several clocks, once the case has recorded their lapses:
 * `running` while any clock runs (waking just after the soonest deadline, or at `earlierWake` when the case has
 * something to do before it, a reminder), else `suspended` if one is suspended (resuming it starts a new
 * execution), else `lapsed` if one lapsed, else `closed`.
 */
export function deadlineCheckOfClocks(subject: string, clocks: NamedClocks, at: Date, earlierWake?: string): DeadlineCheck {
  const running = runningClocks(clocks, at);
  if (running.length > 0) {
    const deadlineWake = wakeAt(clocks[running[0]!]!.clock);
    const next = earlierWake && Date.parse(earlierWake) < Date.parse(deadlineWake) ? earlierWake : deadlineWake;
    return { subject, state: 'running', wakeAt: next };
  }
  const statuses = Object.values(clocks).map(({ clock, standing }) => clockStatusAt(clock, standing, at));
  if (statuses.includes('suspended')) return { subject, state: 'suspended' };
  if (statuses.includes('lapsed')) return { subject, state: 'lapsed' };
  return { subject, state: 'closed' };
}
