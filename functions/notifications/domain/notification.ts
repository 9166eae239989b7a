// A notification: what a person is told, by which context, about which of their files. It is made from the
// `notification.requested` event that asked for it, so the same event always makes the same notification: a
// redelivered event is recognised by the notification's id, and no one is told twice.
import { createHash } from 'node:crypto';
import type { DomainEvent } from '../../shared/events/domain-event.ts';
import type { NotificationRequest } from '../public.ts';

export interface Notification {
  /** Derived from the id of the event that asked for it. */
  readonly id: string;
  /** The `sub` of the person told. */
  readonly recipient: string;
  readonly topic: string;
  /** The context that asked for it (`permits`, ...). */
  readonly source: string;
  readonly about: NotificationRequest['about'];
  readonly message: NotificationRequest['message'];
  /** When what it tells of happened, in UTC (ISO 8601). */
  readonly at: string;
}

/** A notification as its recipient reads it in their inbox: they know whom it is for. */
export type InboxNotification = Omit<Notification, 'recipient'>;

/** 22 base64url characters of a SHA-256: 132 bits, as unguessable as a UUID and shorter in a URL. */
function notificationId(eventId: string): string {
  return createHash('sha256').update(eventId).digest('base64url').slice(0, 22);
}

export function notificationOf(event: DomainEvent<NotificationRequest>): Notification {
  const { recipient, topic, about, message } = event.data;
  return {
    id: notificationId(event.id),
    recipient,
    topic,
    source: event.source,
    about: { kind: about.kind, id: about.id, reference: about.reference },
    message: { ar: message.ar, fr: message.fr, en: message.en },
    // Producers may write an offset; the inbox sorts by this instant, so it is stored in one form.
    at: new Date(event.occurredAt).toISOString(),
  };
}
