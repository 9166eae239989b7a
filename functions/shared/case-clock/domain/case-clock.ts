// The clock of a case with a legal deadline (a permit, a civil-registry request, a complaint, an access-to-information
// request, a council convocation): started at receipt, stopped by suspensions, extended once, lapsed when its due
// instant passes while it runs. It keeps only the facts its count depends on, so the count and its explanation
// are recomputed from them by the statutory clock. Pure: the caller supplies the instant and the holidays.
import { DomainError } from '../../errors/domain-errors.ts';
import { CASE_CLOCK_PROBLEMS } from '../case-clock.problems.ts';
import { moroccanDate } from '../../time/morocco-time.ts';
import {
  computeDeadline,
  type ExplanationStep,
  type StatutoryDeadline,
  type StatutoryPeriod,
  type Suspension,
} from '../../statutory-clock/statutory-clock.ts';

export class ExtensionRefusedError extends DomainError {
  readonly problem = CASE_CLOCK_PROBLEMS['extension-refused'];
}

/** A suspension as the law counts it (`from`, `to`: Moroccan dates) and the instants that started and ended it. */
export interface ClockSuspension extends Suspension {
  /** The instant the clock stopped (documents requested, information asked of the applicant...). */
  readonly startedAt: string;
  /** The instant it resumed; absent while the suspension lasts. */
  readonly endedAt?: string;
}

export interface ClockExtension {
  /** In the period's unit, as the statutory clock adds it. */
  readonly days: number;
  readonly reason: string;
  /** The Moroccan date it was granted. */
  readonly grantedOn: string;
}

/**
 * The clock's state: the facts of its count (receipt, period, suspensions, extension), the count's result (due
 * date and instant) and what the count met (the holidays, the date an open suspension was counted up to), so its
 * explanation is recomputed on read (`clockExplanation`) rather than stored.
 */
export interface CaseClock {
  /** The Moroccan date of receipt; the count starts the next day. */
  readonly receiptDate: string;
  readonly period: StatutoryPeriod;
  readonly suspensions: readonly ClockSuspension[];
  readonly extension?: ClockExtension;
  /** `YYYY-MM-DD`, always a working day. */
  readonly dueDate: string;
  /** The end of `dueDate` in Africa/Casablanca, with Morocco's offset. */
  readonly dueAt: string;
  /** The public holidays from the receipt to the due date: the only ones the count can meet. */
  readonly holidays: readonly string[];
  /** The Moroccan date the deadline was counted on; an open suspension is counted up to it. */
  readonly countedOn: string;
}

/** Where the clock stands. */
export type ClockStatus = 'running' | 'suspended' | 'lapsed' | 'stopped';

/**
 * What only the case knows: it is still `open`, it was `closed` before its deadline (decided, withdrawn), or it
 * was closed by the `lapse` of its deadline, which the case recorded.
 */
export type CaseStanding = 'open' | 'closed' | 'lapsed';

type ClockFacts = Pick<CaseClock, 'receiptDate' | 'period' | 'suspensions' | 'extension'>;

function count(facts: ClockFacts, holidays: ReadonlySet<string>, asOf: string): StatutoryDeadline {
  return computeDeadline({
    period: facts.period,
    receiptDate: facts.receiptDate,
    holidays,
    suspensions: facts.suspensions,
    ...(facts.extension && { extensionDays: facts.extension.days }),
    asOf,
  });
}

function counted(facts: ClockFacts, holidays: ReadonlySet<string>, asOf: string): CaseClock {
  const deadline = count(facts, holidays, asOf);
  // The count walks forward from the receipt and stops at the due date: holidays outside it never matter.
  const met = [...holidays].filter((holiday) => holiday >= facts.receiptDate && holiday <= deadline.dueDate).sort();
  return { ...facts, dueDate: deadline.dueDate, dueAt: deadline.dueAt, holidays: met, countedOn: asOf };
}

/** The suspension that still lasts, if any: at most one at a time. */
function openSuspension(clock: CaseClock): ClockSuspension | undefined {
  return clock.suspensions.find((suspension) => suspension.to === undefined);
}

export function isSuspended(clock: CaseClock): boolean {
  return openSuspension(clock) !== undefined;
}

/** Past its due instant while running: whoever looks first (its workflow, a staff action, the sweep) records the lapse. */
function isPastDue(clock: CaseClock, at: Date): boolean {
  return !isSuspended(clock) && at.getTime() > Date.parse(clock.dueAt);
}

/**
 * Starts the clock of a case received at `receivedAt`. `holidays` must hold every public holiday the count can
 * reach: the receipt's year and the next one cover any period the platform knows (at most 60 days).
 */
export function startClock(period: StatutoryPeriod, receivedAt: Date, holidays: ReadonlySet<string>): CaseClock {
  const receiptDate = moroccanDate(receivedAt);
  return counted({ receiptDate, period, suspensions: [] }, holidays, receiptDate);
}

/**
 * Stops a running clock at `at`: the suspension counts from that Moroccan day, both ends included. The case says
 * whether it may be suspended; the clock refuses what it cannot count (a second suspension at once, a clock past
 * its due instant).
 */
export function suspendClock(clock: CaseClock, at: Date, holidays: ReadonlySet<string>): CaseClock {
  const open = openSuspension(clock);
  if (open) throw new RangeError(`the clock is already suspended since ${open.startedAt}`);
  if (isPastDue(clock, at)) throw new RangeError(`the deadline ${clock.dueAt} has passed: a lapsed clock cannot be suspended`);
  const today = moroccanDate(at);
  return counted({ ...clock, suspensions: [...clock.suspensions, { from: today, startedAt: at.toISOString() }] }, holidays, today);
}

/** Resumes a suspended clock at `at`, the legal end of the suspension: its Moroccan day is the last one suspended. */
export function resumeClock(clock: CaseClock, at: Date, holidays: ReadonlySet<string>): CaseClock {
  if (!isSuspended(clock)) throw new RangeError('the clock is not suspended');
  const today = moroccanDate(at);
  const endedAt = at.toISOString();
  const suspensions = clock.suspensions.map((suspension) => (suspension.to === undefined ? { ...suspension, to: today, endedAt } : suspension));
  return counted({ ...clock, suspensions }, holidays, today);
}

/**
 * Extends the deadline by `extension.days` in the period's unit. The case's rules say how long an extension may be
 * and until when it may be granted; the clock allows one, before its deadline has passed.
 */
export function extendClock(clock: CaseClock, extension: { readonly days: number; readonly reason: string }, holidays: ReadonlySet<string>, at: Date): CaseClock {
  if (clock.extension) {
    throw new ExtensionRefusedError({
      ar: 'سبق تمديد الأجل مرة واحدة؛ القانون لا يسمح إلا بتمديد واحد',
      fr: "Le délai a déjà été prorogé une fois ; la loi n'autorise qu'une prorogation",
      en: 'The deadline was already extended once; the law allows one extension',
    });
  }
  if (isPastDue(clock, at)) {
    throw new ExtensionRefusedError({
      ar: `انقضى أجل ${clock.dueDate}: لا يمكن تمديد أجل منقض`,
      fr: `Le délai du ${clock.dueDate} est écoulé : un délai écoulé ne peut plus être prorogé`,
      en: `The deadline of ${clock.dueDate} has passed: a lapsed deadline can no longer be extended`,
    });
  }
  const today = moroccanDate(at);
  return counted({ ...clock, extension: { ...extension, grantedOn: today } }, holidays, today);
}

/** Where the clock stands at `at`: lapsed as soon as its due instant has passed while it ran, even before the case records it. */
export function clockStatusAt(clock: CaseClock, standing: CaseStanding, at: Date): ClockStatus {
  if (standing === 'lapsed') return 'lapsed';
  if (standing === 'closed') return 'stopped';
  if (isSuspended(clock)) return 'suspended';
  return isPastDue(clock, at) ? 'lapsed' : 'running';
}

/** The first instant after the deadline: when a running clock's workflow looks again. */
export function wakeAt(clock: CaseClock): string {
  return new Date(Date.parse(clock.dueAt) + 1).toISOString();
}

/** The readable explanation of the deadline in ar, fr and en, recomputed from the clock's state as it was counted. */
export function clockExplanation(clock: CaseClock): readonly ExplanationStep[] {
  return count(clock, new Set(clock.holidays), clock.countedOn).explanation;
}

export interface Recount {
  /** The clock counted again on `asOf` with the new holidays. */
  readonly clock: CaseClock;
  /**
   * Whether its due instant changed. A running clock's workflow must then be armed again (it sleeps until the
   * former instant); a suspended clock's due instant is provisional and moves with each suspended day anyway.
   */
  readonly dueMoved: boolean;
}

/**
 * The clock counted again with a new holiday calendar, when an administrator confirms or moves a holiday.
 * `holidays` must hold every holiday of the years the count may now reach: `holidayYearsOf(clock)` and the next one.
 */
export function recount(clock: CaseClock, holidays: ReadonlySet<string>, asOf: Date): Recount {
  const recounted = counted(clock, holidays, moroccanDate(asOf));
  return { clock: recounted, dueMoved: recounted.dueAt !== clock.dueAt };
}

/**
 * The years whose holidays the count depends on: from the first counted day (the day after receipt) to the due
 * date, as counted on `countedOn`. A holiday outside them cannot move the deadline; a change of one inside them may.
 */
export function holidayYearsOf(clock: CaseClock): readonly number[] {
  const firstCounted = new Date(Date.parse(`${clock.receiptDate}T00:00:00Z`) + 86_400_000).getUTCFullYear();
  const last = Number(clock.dueDate.slice(0, 4));
  return Array.from({ length: last - firstCounted + 1 }, (_, index) => firstCounted + index);
}
