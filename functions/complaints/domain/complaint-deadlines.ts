// The two legal clocks of a complaint on the deadline-case kit: where each stands, the reminders to the unit before
// each deadline, and each lapse recorded by the deadline workflow at the instant it passes, so that a late
// acknowledgment or a late answer is counted when it happens.
import { notificationRequested } from '../../notifications/public.ts';
import { domainEvent } from '../../shared/events/domain-event.ts';
import { isSuspended, recount, type CaseStanding } from '../../shared/case-clock/domain/case-clock.ts';
import { unrecordedLapses, type NamedClocks } from '../../shared/case-clock/domain/case-clocks.ts';
import { CLOCK_NAMES, change, deadlineWatched, type ClockName, type Complaint, type ComplaintChange, type ComplaintStatus } from './complaint.ts';

const SYSTEM = { sub: 'system', role: 'system' } as const;

/** Statuses in which no answer is owed any more: answered, or ended at the qualification. */
const ANSWER_OWED_NO_MORE: readonly ComplaintStatus[] = ['answered', 'closed', 'reopened', 'inadmissible', 'duplicate'];

function standingOf(complaint: Complaint, name: ClockName): CaseStanding {
  if (complaint.lapses?.[name]) return 'lapsed';
  if (name === 'acknowledgment') return complaint.status === 'submitted' ? 'open' : 'closed';
  return complaint.answer || ANSWER_OWED_NO_MORE.includes(complaint.status) ? 'closed' : 'open';
}

/** Both clocks with their standings, as the kit reads them. */
export function complaintClocks(complaint: Complaint): NamedClocks<ClockName> {
  return Object.fromEntries(CLOCK_NAMES.map((name) => [name, { clock: complaint.clocks[name], standing: standingOf(complaint, name) }])) as NamedClocks<ClockName>;
}

function reminderInstant(complaint: Complaint, name: ClockName, daysBefore: Readonly<Record<ClockName, number>>): number {
  return Date.parse(complaint.clocks[name].dueAt) - daysBefore[name] * 86_400_000;
}

/** The clocks that will need a reminder: open, not suspended (its reminder waits for it to resume), not reminded of. */
function awaitingReminder(complaint: Complaint): ClockName[] {
  const clocks = complaintClocks(complaint);
  return CLOCK_NAMES.filter((name) => clocks[name].standing === 'open' && !isSuspended(complaint.clocks[name]) && !(complaint.remindersSent ?? []).includes(name));
}

/** The clocks whose reminder's time has come. */
export function dueReminders(complaint: Complaint, daysBefore: Readonly<Record<ClockName, number>>, now: Date): ClockName[] {
  return awaitingReminder(complaint).filter((name) => reminderInstant(complaint, name, daysBefore) <= now.getTime());
}

/** The next reminder's instant, for the workflow to wake at; none when no clock awaits one. */
export function nextReminder(complaint: Complaint, daysBefore: Readonly<Record<ClockName, number>>): string | undefined {
  const pending = awaitingReminder(complaint).map((name) => reminderInstant(complaint, name, daysBefore));
  return pending.length > 0 ? new Date(Math.min(...pending)).toISOString() : undefined;
}

/**
 * What the deadline workflow records at `now`: the lapse of each clock whose deadline has just passed (the late
 * acknowledgment or answer counted at that instant), else the reminders whose time has come; nothing otherwise.
 */
export function deadlineChange(complaint: Complaint, daysBefore: Readonly<Record<ClockName, number>>, now: Date): ComplaintChange | undefined {
  const lapsed = unrecordedLapses(complaintClocks(complaint), now);
  if (lapsed.length > 0) {
    const lapses = { ...complaint.lapses, ...Object.fromEntries(lapsed.map((name) => [name, now.toISOString()])) };
    return change(complaint, { lapses }, 'deadline-lapsed', SYSTEM, now, undefined, { clocks: lapsed, dueAt: Object.fromEntries(lapsed.map((name) => [name, complaint.clocks[name].dueAt])) });
  }
  const reminders = dueReminders(complaint, daysBefore, now);
  if (reminders.length === 0) return undefined;
  const made = change(complaint, { remindersSent: [...(complaint.remindersSent ?? []), ...reminders] }, 'reminded', SYSTEM, now, undefined, {
    clocks: reminders,
    dueAt: Object.fromEntries(reminders.map((name) => [name, complaint.clocks[name].dueAt])),
  });
  return remindUnit(made, reminders, now);
}

/**
 * The reminder goes to the officer who last took the complaint in hand (assigned or acknowledged it); one nobody
 * has touched yet is in the unit's queue, marked reminded, for whoever opens it.
 */
function remindUnit(made: ComplaintChange, reminders: readonly ClockName[], now: Date): ComplaintChange {
  const { complaint } = made;
  const officer = complaint.assignment?.by.sub ?? complaint.acknowledgment?.by.sub;
  if (!officer) return made;
  const cause = domainEvent({ type: 'complaint.reminded', source: 'complaints', subject: complaint.id, occurredAt: now.toISOString(), version: complaint.version, data: {} });
  const due = reminders.map((name) => `${name} ${complaint.clocks[name].dueDate}`).join(', ');
  const notice = notificationRequested(cause, {
    recipient: officer,
    topic: 'complaint-deadline-reminder',
    about: { kind: 'complaint', id: complaint.id, reference: complaint.id },
    message: { ar: `تذكير بآجال الشكاية: ${due}`, fr: `Rappel des délais de la réclamation : ${due}`, en: `Reminder of the complaint's deadlines: ${due}` },
  });
  return { ...made, outbox: [...(made.outbox ?? []), notice] };
}

/**
 * The open clocks counted again with a holiday calendar an administrator confirmed or moved; a change only if a
 * due date moved, with a new workflow to watch it (the former one wakes, finds nothing due, and goes on waiting
 * for the new instant or ends).
 */
export function recountComplaintClocks(complaint: Complaint, holidays: ReadonlySet<string>, year: number, now: Date): ComplaintChange | undefined {
  const standings = complaintClocks(complaint);
  const moved: ClockName[] = [];
  const clocks = Object.fromEntries(
    CLOCK_NAMES.map((name) => {
      if (standings[name].standing !== 'open') return [name, complaint.clocks[name]];
      const recounted = recount(complaint.clocks[name], holidays, now);
      if (recounted.dueMoved) moved.push(name);
      return [name, recounted.clock];
    }),
  ) as Complaint['clocks'];
  if (moved.length === 0) return undefined;
  const made = change(complaint, { clocks }, 'deadline-moved', SYSTEM, now, undefined, {
    reason: 'holidays-changed',
    year,
    moved: Object.fromEntries(moved.map((name) => [name, { dueDateBefore: complaint.clocks[name].dueDate, dueDateAfter: clocks[name].dueDate }])),
  });
  return { ...made, outbox: [...(made.outbox ?? []), deadlineWatched(made.complaint, now)] };
}
