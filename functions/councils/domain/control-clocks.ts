// The governor's control deadlines as cases on the deadline-case kit: a closed session's transmission period (its
// deliberations go to the governor within N working days of the close) and a received deliberation's opposition
// window and, for the item types that need one, its visa period. Each case is watched by one deadline workflow that
// the check answers; at a due instant the check records what the law says happens: a late transmission is recorded
// and the secretariat told; an opposition window passed in silence makes the deliberation enforceable (an event).
// A holiday change counts the running periods again. Pure.
import { clockStatusAt, recount, startClock, type CaseClock, type CaseStanding } from '../../shared/case-clock/domain/case-clock.ts';
import { deadlineCheck, type DeadlineCheck } from '../../shared/case-clock/domain/deadline-check.ts';
import { deadlineCheckOfClocks, soonestOpenDue, unrecordedLapses, type NamedClocks } from '../../shared/case-clock/domain/case-clocks.ts';
import { domainEvent, type DomainEvent } from '../../shared/events/domain-event.ts';
import { formatCalendarDate, parseCalendarDate } from '../../shared/statutory-clock/calendar-date.ts';
import { startOfMoroccanDate } from '../../shared/statutory-clock/moroccan-day.ts';
import { moroccanDate } from '../../shared/time/morocco-time.ts';
import { notificationRequested } from '../../notifications/public.ts';
import type { CouncilSettings, ItemType } from './council-settings.ts';
import type { Deliberation, DeliberationChange } from './deliberation.ts';
import type { Actor, Session, SessionChange } from './session.ts';

export const CONTROL_EVENTS = {
  /** A control period started or moved: a deadline workflow watches the case at this version. */
  watched: 'council.control-deadline-watched',
  /** The opposition window (and the visa period, if any) passed without opposition: the deliberation is enforceable. */
  enforceable: 'council.deliberation-enforceable',
} as const;

/** What acts when a deadline passes: the platform itself, not a person. */
export const CONTROL_CLOCK_ACTOR: Actor = { sub: 'councils-deadline-check', role: 'system' };

/** The item types whose deliberation needs a visa, and the period of that visa from the governor's receipt. */
export interface VisaSettings {
  readonly itemTypes: readonly ItemType[];
  readonly days: number;
  readonly unit: 'calendar' | 'working';
}

/** Unconfirmed: "about 20 days" for the budget, loans and delegated management, from general knowledge. */
export const DEFAULT_VISA: VisaSettings = { itemTypes: ['budget', 'loan', 'delegated-management'], days: 20, unit: 'calendar' };

export const visaOf = (settings: CouncilSettings): VisaSettings => settings.visa ?? DEFAULT_VISA;

/** How many days before the last day a convocation can be sent the secretariat is reminded (our practice value). */
export interface ReminderSettings {
  readonly convocationDaysBefore: number;
}

export const DEFAULT_REMINDERS: ReminderSettings = { convocationDaysBefore: 3 };

export const remindersOf = (settings: CouncilSettings): ReminderSettings => settings.reminders ?? DEFAULT_REMINDERS;

/**
 * The reminder of a convocation deadline: a planned session's, or the drafted convocation of the meeting article 42
 * calls after a sitting without quorum (`round` 2 or 3); when it is due, to whom, and when it was sent.
 */
export interface ConvocationReminder {
  /** The meeting whose convocation is awaited; absent: the first. */
  readonly round?: 2 | 3;
  /** The last day (Moroccan date) the convocation can be sent with the notice the settings require. */
  readonly lastDay: string;
  readonly at: string;
  readonly notify: string;
  readonly sentAt?: string;
}

/** The reminder's hour on its day, in Morocco: the start of the working day. */
const REMINDER_HOUR = 9;

/** A closed session's transmission period, and what its check found at the due instant. */
export interface TransmissionControl {
  readonly clock: CaseClock;
  /** The `sub` told when the period passes with deliberations not transmitted: whoever closed the session. */
  readonly notify: string;
  readonly checked?: { readonly at: string; readonly late: readonly string[] };
}

/** A deliberation's visa period, started with the receipt, when its passing was recorded, and the governor's decision. */
export interface VisaControl {
  readonly clock: CaseClock;
  readonly passedAt?: string;
  /** Given or refused by the governor's office; `inTime`: before the period passed (after it, only a visa given). */
  readonly decision?: { readonly outcome: 'given' | 'refused'; readonly at: string; readonly by: Actor; readonly reasons?: string; readonly inTime: boolean };
}

/** The case names the kit knows: one workflow and one index entry per session or deliberation. */
export type ControlCase = { readonly kind: 'session'; readonly session: Session } | { readonly kind: 'deliberation'; readonly deliberation: Deliberation };

export const sessionSubject = (id: string) => `session-${id}`;
export const deliberationSubject = (id: string) => `deliberation-${id}`;

export function parseControlSubject(subject: string): { readonly kind: 'session' | 'deliberation'; readonly id: string } | undefined {
  const match = /^(session|deliberation)-(.+)$/.exec(subject);
  return match ? { kind: match[1] as 'session' | 'deliberation', id: match[2]! } : undefined;
}

export function controlWatched(subject: string, version: number, at: Date): DomainEvent {
  return domainEvent({ type: CONTROL_EVENTS.watched, source: 'councils', subject, occurredAt: at.toISOString(), version, data: { subject, version } });
}

// --- the planned session's convocation reminder

/**
 * The planned session with the reminder of its convocation deadline (N days before the last day the notice allows,
 * at 09:00 in Morocco), and a workflow asked to wake at it. None when that instant has passed already: whoever plans
 * a session that close to its deadline is at work on it (the reply shows `start`, the settings the notice), and a
 * reminder written at once would only race their next change to the session.
 */
export function withConvocationReminder(change: SessionChange, settings: CouncilSettings, actor: Actor, now: Date): SessionChange {
  const { session } = change;
  const day = parseCalendarDate(moroccanDate(new Date(session.start)), 'start');
  const lastDay = formatCalendarDate(day - settings.noticeDays[session.kind]);
  const remindOn = formatCalendarDate(day - settings.noticeDays[session.kind] - remindersOf(settings).convocationDaysBefore);
  const at = new Date(startOfMoroccanDate(remindOn).getTime() + REMINDER_HOUR * 3_600_000);
  if (at <= now) return change;
  const next: Session = { ...session, convocationReminder: { lastDay, at: at.toISOString(), notify: actor.sub } };
  return { ...change, session: next, outbox: [...change.outbox, controlWatched(sessionSubject(session.id), next.version, now)] };
}

/**
 * The drafted convocation of the next meeting (after a sitting without quorum) with its reminder: at 09:00 in Morocco
 * on the day after the adjournment, to whoever opened the sitting, while it is not sent. The last day it names is the
 * eve of the proposed meeting. Both are our practice, not the law's (which sets the meeting's day, not the notice).
 */
export function withNextMeetingReminder(change: SessionChange, actor: Actor, now: Date): SessionChange {
  const { session } = change;
  if (session.status !== 'adjourned' || !session.next) return change;
  const lastDay = formatCalendarDate(parseCalendarDate(session.next.earliest, 'earliest') - 1);
  const remindOn = formatCalendarDate(parseCalendarDate(moroccanDate(now), 'today') + 1);
  const at = new Date(startOfMoroccanDate(remindOn).getTime() + REMINDER_HOUR * 3_600_000);
  const next: Session = { ...session, convocationReminder: { round: session.next.round, lastDay, at: at.toISOString(), notify: actor.sub } };
  return { ...change, session: next, outbox: [...change.outbox, controlWatched(sessionSubject(session.id), next.version, now)] };
}

/** Whether the reminder is still to be sent: its meeting not convened yet, the reminder not sent. */
export function reminderPending(session: Session): boolean {
  const reminder = session.convocationReminder;
  if (!reminder || reminder.sentAt) return false;
  if (reminder.round === undefined) return session.status === 'planned' && session.convocations.length === 0;
  return session.status === 'adjourned' && session.next?.round === reminder.round;
}

/** At the reminder's instant: the secretariat told the last day of the convocation; undefined before it or when not pending. */
export function recordConvocationReminder(session: Session, now: Date): SessionChange | undefined {
  const reminder = session.convocationReminder;
  if (!reminder || !reminderPending(session) || now < new Date(reminder.at)) return undefined;
  const at = now.toISOString();
  const next: Session = { ...session, convocationReminder: { ...reminder, sentAt: at }, version: session.version + 1, updatedAt: at };
  const cause = domainEvent({ type: 'council.convocation-reminder', source: 'councils', subject: session.id, occurredAt: at, version: next.version, data: { sessionId: session.id } });
  const told = notificationRequested(cause, {
    recipient: reminder.notify,
    topic: 'council-convocation-reminder',
    about: { kind: 'council-session', id: session.id, reference: session.name },
    message: reminder.round
      ? {
          ar: `الاستدعاء المعد للاجتماع ${reminder.round} للدورة «${session.name}» لم يرسل بعد؛ آخر أجل لإرساله هو ${reminder.lastDay}`,
          fr: `La convocation préparée de la réunion ${reminder.round} de la session « ${session.name} » n'est pas envoyée ; elle doit partir au plus tard le ${reminder.lastDay}`,
          en: `The drafted convocation of meeting ${reminder.round} of the session "${session.name}" is not sent; it must go by ${reminder.lastDay}`,
        }
      : {
          ar: `آخر أجل لإرسال استدعاءات الدورة «${session.name}» هو ${reminder.lastDay}`,
          fr: `Les convocations de la session « ${session.name} » doivent partir au plus tard le ${reminder.lastDay}`,
          en: `The convocations of the session "${session.name}" must be sent by ${reminder.lastDay}`,
        },
  });
  return { session: next, event: { sessionId: session.id, version: next.version, type: 'convocation-reminder-sent', at, by: CONTROL_CLOCK_ACTOR }, outbox: [told] };
}

// --- the session's transmission period

/**
 * The session's closing with its transmission period started at the close, when it decided anything (else there is
 * nothing to transmit), and a workflow asked to watch it.
 */
export function withTransmissionPeriod(change: SessionChange, settings: CouncilSettings, holidays: ReadonlySet<string>, actor: Actor, now: Date): SessionChange {
  const { session } = change;
  if (!session.closedAt || !session.agenda.some((item) => item.decision)) return change;
  const clock = startClock({ days: settings.transmissionDays, unit: 'working' }, new Date(session.closedAt), holidays);
  const next: Session = { ...session, transmissionControl: { clock, notify: actor.sub } };
  return { ...change, session: next, outbox: [...change.outbox, controlWatched(sessionSubject(session.id), next.version, now)] };
}

export function transmissionStanding(control: TransmissionControl): CaseStanding {
  if (!control.checked) return 'open';
  return control.checked.late.length > 0 ? 'lapsed' : 'closed';
}

/** The ids of the session's deliberations, in agenda order. */
export const decidedDeliberations = (session: Session): string[] => session.agenda.flatMap((item) => (item.decision ? [item.decision.deliberationId] : []));

/**
 * At the due instant: which of the session's deliberations were not transmitted, recorded on the session; when any,
 * the secretariat is told which. Undefined when the period still runs or was checked already.
 */
/** Whether the session's transmission period has passed unchecked: the check reads its deliberations then. */
export function transmissionCheckDue(session: Session, now: Date): boolean {
  const control = session.transmissionControl;
  return control !== undefined && !control.checked && clockStatusAt(control.clock, 'open', now) === 'lapsed';
}

export function recordTransmissionCheck(session: Session, deliberations: readonly Deliberation[], now: Date): SessionChange | undefined {
  const control = session.transmissionControl;
  if (!control || !transmissionCheckDue(session, now)) return undefined;
  const late = deliberations.filter((deliberation) => deliberation.state === 'adopted').map((deliberation) => deliberation.number).sort();
  const at = now.toISOString();
  const next: Session = { ...session, transmissionControl: { ...control, checked: { at, late } }, version: session.version + 1, updatedAt: at };
  const type = late.length > 0 ? 'transmission-late' : 'transmission-complete';
  const cause = domainEvent({ type: `council.${type}`, source: 'councils', subject: session.id, occurredAt: at, version: next.version, data: { sessionId: session.id, late } });
  const told =
    late.length > 0
      ? [
          notificationRequested(cause, {
            recipient: control.notify,
            topic: 'council-transmission-late',
            about: { kind: 'council-session', id: session.id, reference: session.name },
            message: {
              ar: `انقضى أجل الإحالة على عامل العمالة أو الإقليم في ${control.clock.dueDate} دون إحالة المداولات: ${late.join('، ')}`,
              fr: `Le délai de transmission au gouverneur a expiré le ${control.clock.dueDate} sans que soient transmises les délibérations : ${late.join(', ')}`,
              en: `The period to transmit to the governor ended on ${control.clock.dueDate} with these deliberations not transmitted: ${late.join(', ')}`,
            },
          }),
        ]
      : [];
  return { session: next, event: { sessionId: session.id, version: next.version, type, at, by: CONTROL_CLOCK_ACTOR }, outbox: told };
}

// --- the deliberation's opposition window and visa period

/** The visa period of a deliberation received at `now`, when its item type needs one. */
export function visaControlAt(itemType: ItemType, visa: VisaSettings, holidays: ReadonlySet<string>, now: Date): VisaControl | undefined {
  return visa.itemTypes.includes(itemType) ? { clock: startClock({ days: visa.days, unit: visa.unit }, now, holidays) } : undefined;
}

export type DeliberationClockName = 'opposition' | 'visa';

/** The deliberation's running control clocks with their standing. */
export function deliberationClocks(deliberation: Deliberation): NamedClocks<DeliberationClockName> {
  const clocks: Partial<Record<DeliberationClockName, { clock: CaseClock; standing: CaseStanding }>> = {};
  if (deliberation.receipt) {
    const standing: CaseStanding = deliberation.enforceableSince || deliberation.oppositionPassedAt ? 'lapsed' : deliberation.state === 'received' ? 'open' : 'closed';
    clocks.opposition = { clock: deliberation.receipt.oppositionClock, standing };
  }
  if (deliberation.visa) {
    const standing: CaseStanding = deliberation.visa.passedAt ? 'lapsed' : deliberation.state === 'withdrawn' || deliberation.visa.decision ? 'closed' : 'open';
    clocks.visa = { clock: deliberation.visa.clock, standing };
  }
  return clocks as NamedClocks<DeliberationClockName>;
}

/** The due instant the open-deadline index sorts the deliberation by, while a control clock runs. */
export const deliberationOpenDue = (deliberation: Deliberation): string | undefined => soonestOpenDue(deliberationClocks(deliberation));

/** The due instant the open-deadline index sorts the session by: its pending reminder, or its unchecked transmission period. */
export function sessionOpenDue(session: Session): string | undefined {
  if (reminderPending(session)) return session.convocationReminder!.at;
  return session.transmissionControl && !session.transmissionControl.checked ? session.transmissionControl.clock.dueAt : undefined;
}

/** The instant since which a received, unopposed deliberation is enforceable (its window and any visa period passed). */
export function enforceableSinceAt(deliberation: Deliberation, now: Date): string | undefined {
  if (deliberation.state !== 'received' || deliberation.result.outcome === 'rejected' || !deliberation.receipt) return undefined;
  const passed = (clock: CaseClock) => clockStatusAt(clock, 'open', now) === 'lapsed';
  if (!passed(deliberation.receipt.oppositionClock)) return undefined;
  const visa = deliberation.visa;
  if (visa?.decision?.outcome === 'refused') return undefined;
  // A visa given within its period ends it then; otherwise it is given tacitly when the period passes (our reading).
  const visaSince = visa?.decision?.inTime ? visa.decision.at : visa?.clock.dueAt;
  if (visa && !visa.decision?.inTime && !passed(visa.clock)) return undefined;
  return [deliberation.receipt.oppositionClock.dueAt, ...(visaSince ? [visaSince] : [])].sort().at(-1);
}

/**
 * The lapses of the deliberation's clocks the check has to record, as one change: the opposition window passed,
 * the visa period passed and, when nothing is left in the way, its enforceability with its event.
 */
export function recordDeliberationLapses(deliberation: Deliberation, now: Date): DeliberationChange | undefined {
  const lapses = unrecordedLapses(deliberationClocks(deliberation), now);
  if (lapses.length === 0) return undefined;
  const at = now.toISOString();
  let next: Deliberation = { ...deliberation, version: deliberation.version + 1, updatedAt: at };
  if (lapses.includes('opposition')) next = { ...next, oppositionPassedAt: at };
  if (lapses.includes('visa')) next = { ...next, visa: { ...next.visa!, passedAt: at } };
  const since = deliberation.enforceableSince ? undefined : enforceableSinceAt(next, now);
  if (since) next = { ...next, enforceableSince: since };
  const type = since ? 'became-enforceable' : lapses.includes('visa') ? 'visa-period-passed' : 'opposition-window-passed';
  const outbox = since
    ? [domainEvent({ type: CONTROL_EVENTS.enforceable, source: 'councils', subject: deliberation.id, occurredAt: at, version: next.version, data: { deliberationId: deliberation.id, body: deliberation.body, number: deliberation.number, since } })]
    : [];
  return { deliberation: next, event: { deliberationId: deliberation.id, version: next.version, type, at, by: CONTROL_CLOCK_ACTOR }, outbox };
}

// --- the workflow's answer and the recount

/** The workflow's answer for a case as it stands after the check recorded what it had to. */
export function controlCheck(subject: string, found: ControlCase | undefined, now: Date): DeadlineCheck {
  if (!found) return { subject, state: 'closed' };
  if (found.kind === 'deliberation') return deadlineCheckOfClocks(subject, deliberationClocks(found.deliberation), now);
  if (reminderPending(found.session)) {
    const reminder = found.session.convocationReminder!;
    // Not due yet (a sent one is no longer pending): wake at it.
    return { subject, state: 'running', wakeAt: reminder.at };
  }
  const control = found.session.transmissionControl;
  return control ? deadlineCheck(subject, control.clock, transmissionStanding(control), now) : { subject, state: 'closed' };
}

/** The clock whose receipt year a recount starts from (the soonest started of the case). */
export function recountedClockOf(found: ControlCase): CaseClock | undefined {
  if (found.kind === 'session') return found.session.transmissionControl?.clock;
  return found.deliberation.receipt?.oppositionClock;
}

export type ControlChange = { readonly kind: 'session'; readonly change: SessionChange } | { readonly kind: 'deliberation'; readonly change: DeliberationChange };

/**
 * The case's open clocks counted again with the holidays as they now stand; undefined when no due instant moved. A
 * moved case gets a workflow for its new version (the one it had wakes at the old instant and finds nothing to do).
 */
export function recountControl(found: ControlCase, holidays: ReadonlySet<string>, now: Date): ControlChange | undefined {
  const at = now.toISOString();
  if (found.kind === 'session') {
    const { session } = found;
    const control = session.transmissionControl;
    if (!control || control.checked) return undefined;
    const counted = recount(control.clock, holidays, now);
    if (!counted.dueMoved) return undefined;
    const next: Session = { ...session, transmissionControl: { ...control, clock: counted.clock }, version: session.version + 1, updatedAt: at };
    return {
      kind: 'session',
      change: { session: next, event: { sessionId: session.id, version: next.version, type: 'deadline-recounted', at, by: CONTROL_CLOCK_ACTOR }, outbox: [controlWatched(sessionSubject(session.id), next.version, now)] },
    };
  }
  const { deliberation } = found;
  const clocks = deliberationClocks(deliberation);
  let next: Deliberation = deliberation;
  if (clocks.opposition?.standing === 'open') {
    const counted = recount(clocks.opposition.clock, holidays, now);
    if (counted.dueMoved) next = { ...next, receipt: { ...next.receipt!, oppositionClock: counted.clock } };
  }
  if (clocks.visa?.standing === 'open') {
    const counted = recount(clocks.visa.clock, holidays, now);
    if (counted.dueMoved) next = { ...next, visa: { ...next.visa!, clock: counted.clock } };
  }
  if (next === deliberation) return undefined;
  next = { ...next, version: deliberation.version + 1, updatedAt: at };
  return {
    kind: 'deliberation',
    change: { deliberation: next, event: { deliberationId: deliberation.id, version: next.version, type: 'deadline-recounted', at, by: CONTROL_CLOCK_ACTOR }, outbox: [controlWatched(deliberationSubject(deliberation.id), next.version, now)] },
  };
}
