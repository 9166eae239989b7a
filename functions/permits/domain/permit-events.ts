// The domain events a permit change emits, carried by the permit item it writes (the outbox of a one-item change):
// the change itself (`permit.<event type>`, with its history entry and the counters it adds to the figures) and
// what the applicant is to be told.
import { domainEvent, type DomainEvent } from '../../shared/events/domain-event.ts';
import { notificationRequested } from '../../notifications/public.ts';
import { moroccanDate } from '../../shared/time/morocco-time.ts';
import { applicantNotification } from './applicant-notification.ts';
import type { Counter } from './permit-figures.ts';
import type { PermitChange, PermitEvent, PermitEventType, PermitStatus } from './permit.ts';

export const PERMIT_EVENT_SOURCE = 'permits';

export type PermitEventName = `permit.${PermitEventType}`;

export interface PermitChanged extends Readonly<Record<string, unknown>> {
  readonly permitId: string;
  readonly version: number;
  readonly commune: string;
  readonly procedure: string;
  readonly statusAfter: PermitStatus;
  /** What the change adds to the commune's daily figures (on the Moroccan date of `occurredAt`). */
  readonly counters: readonly Counter[];
  /**
   * Whether a deadline workflow must carry the permit on from this version: its clock (re)started, or its deadline
   * moved earlier than the instant the running workflow sleeps until. (A deadline moved later needs none: the running
   * workflow wakes at the former instant, finds the clock still running and sleeps until the new one.)
   */
  readonly startsWorkflow: boolean;
  /**
   * The change's history entry, which the history's consumer writes (`RecordPermitHistory`). Absent from events
   * emitted before 2026-12-03, whose entry their transaction wrote.
   */
  readonly entry?: PermitEvent;
}

export const permitEventName = (type: PermitEventType): PermitEventName => `permit.${type}`;

// Every kind of change, spelled once so that the compiler finds a kind added to PermitEventType and not here.
const EVERY_EVENT_TYPE: Readonly<Record<PermitEventType, true>> = {
  filed: true,
  'documents-requested': true,
  'documents-declared': true,
  'document-verified': true,
  'documents-provided': true,
  extended: true,
  'opinion-given': true,
  decided: true,
  'deadline-lapsed': true,
  'deadline-recomputed': true,
  'deemed-approval-invoked': true,
};

/** The event of every kind of change: what the history's consumer subscribes to. */
export const EVERY_PERMIT_EVENT: readonly PermitEventName[] = (Object.keys(EVERY_EVENT_TYPE) as PermitEventType[]).map(permitEventName);

/** Changes after which a deadline workflow may have to carry the permit on (`startsWorkflow` says whether it must). */
export const CLOCK_STARTING_EVENTS: readonly PermitEventName[] = ['permit.filed', 'permit.documents-provided', 'permit.deadline-recomputed'];

function startsWorkflow({ permit, event }: PermitChange): boolean {
  if (permit.status !== 'filed') return false;
  if (event.type === 'filed' || event.type === 'documents-provided') return true;
  if (event.type === 'deadline-recomputed') return Date.parse(String(event.details?.dueAtAfter)) < Date.parse(String(event.details?.dueAtBefore));
  return false;
}

/** Changes that add to the figures. */
export const COUNTED_EVENTS: readonly PermitEventName[] = ['permit.filed', 'permit.decided', 'permit.deadline-lapsed', 'permit.deemed-approval-invoked'];

/** What a counted event adds to the figures, and where: its commune's Moroccan day of the change. */
export interface CountedFigures {
  readonly commune: string;
  readonly procedure: string;
  /** The Moroccan date of the change (`YYYY-MM-DD`). */
  readonly date: string;
  readonly counters: readonly Counter[];
}

/**
 * The one counting rule every reader of the permit figures follows (the ministry's figures here, the open data of
 * the transparency context): an event adds its counters once, on the Moroccan date it occurred, to its commune.
 */
export function countedFigures(event: DomainEvent<PermitChanged>): CountedFigures {
  const { commune, procedure, counters } = event.data;
  return { commune, procedure, date: moroccanDate(new Date(event.occurredAt)), counters };
}

export function permitEvents({ permit, event }: PermitChange, counters: readonly Counter[]): DomainEvent[] {
  const changed = domainEvent<PermitChanged>({
    type: permitEventName(event.type),
    source: PERMIT_EVENT_SOURCE,
    subject: permit.id,
    version: permit.version,
    occurredAt: event.at,
    data: {
      permitId: permit.id,
      version: permit.version,
      commune: permit.commune.code,
      procedure: permit.procedure.code,
      statusAfter: permit.status,
      counters,
      startsWorkflow: startsWorkflow({ permit, event }),
      entry: event,
    },
  });
  const notification = applicantNotification({ permit, event });
  return [
    changed,
    ...(notification
      ? [
          notificationRequested(changed, {
            recipient: permit.applicant,
            topic: notification.topic,
            about: { kind: 'permit', id: permit.id, reference: permit.receiptNumber },
            message: notification.message,
          }),
        ]
      : []),
  ];
}
