// The processing deadline of an incoming letter: N working days from its receipt, by priority, on the case clock
// with the Moroccan calendar. The periods are data each commune's administrator edits; the defaults (urgent 3,
// normal 15 working days) are practice, found in no legal text. Two reminders go to the recipient before it.
import { recount, startClock, wakeAt, type CaseClock, type CaseStanding } from '../../shared/case-clock/domain/case-clock.ts';
import { domainEvent, type DomainEvent } from '../../shared/events/domain-event.ts';
import { notificationRequested } from '../../notifications/public.ts';
import { InvalidStateError } from '../../shared/errors/domain-errors.ts';
import { change, recipientOf, type Actor, type Letter, type LetterChange, type Priority } from './letter.ts';

export type ProcessingDays = Readonly<Record<Priority, number>>;

export const DEFAULT_PROCESSING_DAYS: ProcessingDays = { urgent: 3, normal: 15 };

/** The reminders before the deadline, at these fractions of the time from the receipt instant to the due instant. */
export const REMINDERS = [
  { name: 'half', fraction: 0.5 },
  { name: 'four-fifths', fraction: 0.8 },
] as const;
export type ReminderName = (typeof REMINDERS)[number]['name'];

export const LETTER_EVENTS = {
  /** A clock started or its due instant moved: a deadline workflow watches this version. */
  deadlineWatched: 'letter.deadline-watched',
} as const;

const SOURCE = 'registry-office';

export function processingClock(priority: Priority, days: ProcessingDays, receivedAt: Date, holidays: ReadonlySet<string>): CaseClock {
  return startClock({ days: days[priority], unit: 'working' }, receivedAt, holidays);
}

/** Open until answered, closed or cancelled; `lapsed` once its lapse is recorded. */
export function letterStanding(letter: Letter): CaseStanding {
  if (letter.lapsedAt) return 'lapsed';
  return letter.status === 'registered' || letter.status === 'assigned' ? 'open' : 'closed';
}

function reminderInstant(clock: CaseClock, receivedAt: string, fraction: number): Date {
  const from = Date.parse(receivedAt);
  return new Date(from + Math.round((Date.parse(clock.dueAt) - from) * fraction));
}

/** The reminders whose instant has come and that were not sent. */
export function dueReminders(letter: Letter, now: Date): ReminderName[] {
  if (!letter.clock) return [];
  const sent = letter.remindersSent ?? [];
  return REMINDERS.filter(({ name, fraction }) => !sent.includes(name) && reminderInstant(letter.clock!, letter.receivedAt, fraction) <= now).map(({ name }) => name);
}

/** When the workflow should next look at the letter: its next reminder, or just after its deadline. */
export function nextWake(letter: Letter & { readonly clock: CaseClock }): string {
  const sent = letter.remindersSent ?? [];
  const next = REMINDERS.find(({ name }) => !sent.includes(name));
  return next ? reminderInstant(letter.clock, letter.receivedAt, next.fraction).toISOString() : wakeAt(letter.clock);
}

/** The event that has a deadline workflow watch `letter` at its version. */
export function deadlineWatched(letter: Letter, at: Date): DomainEvent {
  return domainEvent({ type: LETTER_EVENTS.deadlineWatched, source: SOURCE, subject: letter.id, occurredAt: at.toISOString(), version: letter.version, data: { letterId: letter.id, version: letter.version } });
}

const SYSTEM = { sub: 'system', role: 'system' } as const;

function systemChange(letter: Letter, fields: Partial<Letter>, type: 'reminded' | 'deadline-lapsed' | 'deadline-moved', now: Date, details: Readonly<Record<string, unknown>>): LetterChange {
  const version = letter.version + 1;
  return {
    letter: { ...letter, ...fields, version },
    event: { letterId: letter.id, version, type, at: now.toISOString(), by: SYSTEM, statusBefore: letter.status, statusAfter: letter.status, details },
  };
}

/** Records the reminders sent and asks for them in the recipient's inbox (a letter not routed yet has no one to remind). */
export function remindLetter(letter: Letter, reminders: readonly ReminderName[], now: Date): LetterChange {
  const recipient = letter.routing && recipientOf(letter.routing);
  const made = systemChange(letter, { remindersSent: [...(letter.remindersSent ?? []), ...reminders] }, 'reminded', now, { reminders, ...(recipient && { recipient }) });
  if (!recipient) return made;
  const cause = domainEvent({ type: 'letter.reminded', source: SOURCE, subject: letter.id, occurredAt: now.toISOString(), version: made.letter.version, data: {} });
  const due = letter.clock!.dueDate;
  const told = notificationRequested(cause, {
    recipient,
    topic: 'letter-deadline-reminder',
    about: { kind: 'letter', id: letter.id, reference: letter.number },
    message: {
      ar: `تذكير: يجب الجواب عن الرسالة ${letter.number} قبل نهاية ${due}`,
      fr: `Rappel : le courrier ${letter.number} doit recevoir sa réponse avant la fin du ${due}`,
      en: `Reminder: letter ${letter.number} must be answered by the end of ${due}`,
    },
  });
  return { ...made, outbox: [told] };
}

/** The deadline passed with the letter still open: recorded, and the letter joins its service's overdue list. */
export function recordLapse(letter: Letter, now: Date): LetterChange {
  return systemChange(letter, { lapsedAt: now.toISOString() }, 'deadline-lapsed', now, { dueAt: letter.clock!.dueAt });
}

/** Counts the deadline again with a new holiday calendar; a change only if the due date moved, watched afresh. */
export function recountLetterDeadline(letter: Letter, holidays: ReadonlySet<string>, year: number, now: Date): LetterChange | undefined {
  if (!letter.clock || letterStanding(letter) !== 'open') return undefined;
  const { clock, dueMoved } = recount(letter.clock, holidays, now);
  if (!dueMoved) return undefined;
  const made = systemChange(letter, { clock }, 'deadline-moved', now, { reason: 'holidays-changed', year, dueDateBefore: letter.clock.dueDate, dueDateAfter: clock.dueDate });
  return { ...made, outbox: [deadlineWatched(made.letter, now)] };
}

/**
 * Whether asking `priority` changes the letter's: only while its deadline runs (once the lapse is recorded, the
 * deadline is history); `false` at that priority already, which then needs no change (a retry finds it done).
 */
export function changesPriority(letter: Letter, priority: Priority): boolean {
  if (!letter.clock || letterStanding(letter) !== 'open') {
    throw new InvalidStateError({
      ar: `لا تتغير أولوية الرسالة ${letter.number} إلا وأجل معالجتها جار`,
      fr: `La priorité du courrier ${letter.number} ne change que tant que son délai court`,
      en: `The priority of letter ${letter.number} changes only while its processing deadline runs`,
    });
  }
  return letter.priority !== priority;
}

/**
 * A clerk changes an open letter's priority: its deadline is counted again from the receipt instant with the new
 * priority's period (the commune's periods and holidays now), its reminders start afresh on the new deadline (those
 * whose instant has passed go at the next check), and a workflow watches the new version.
 */
export function changePriority(letter: Letter & { readonly clock: CaseClock }, priority: Priority, days: ProcessingDays, holidays: ReadonlySet<string>, by: Actor, now: Date): LetterChange {
  const clock = processingClock(priority, days, new Date(letter.receivedAt), holidays);
  const made = change(letter, { priority, clock, remindersSent: [] }, 'priority-changed', by, now, {
    priorityBefore: letter.priority,
    priorityAfter: priority,
    dueDateBefore: letter.clock.dueDate,
    dueDateAfter: clock.dueDate,
  });
  return { ...made, outbox: [deadlineWatched(made.letter, now)] };
}
