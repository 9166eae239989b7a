// What other contexts may use of the notifications context: the event that asks it to tell someone something.
// A context emits `notification.requested` through its own outbox; the notifications context consumes it and
// delivers it on the recipient's channels (the in-app inbox of `GET /v1/notifications`, SMS and e-mail later).
import { createHash } from 'node:crypto';
import type { DomainEvent } from '../shared/events/domain-event.ts';
import type { Localized } from '../shared/i18n/language.ts';

export const NOTIFICATION_REQUESTED = 'notification.requested';

export interface NotificationRequest extends Readonly<Record<string, unknown>> {
  /** The `sub` of the person told. */
  readonly recipient: string;
  /** What happened, stable for clients: `documents-requested`, `deadline-lapsed`, `deadline-moved`, ... */
  readonly topic: string;
  /** The file it is about, in the emitting context. */
  readonly about: {
    readonly kind: string;
    readonly id: string;
    /** What the recipient knows the file by (a receipt number, a registry number). */
    readonly reference: string;
  };
  readonly message: Localized;
}

/**
 * The request to tell `request.recipient` about what `cause` records: one per cause and recipient, so a redelivery
 * is recognised. The id names the recipient by a digest, never by their `sub`: event ids go into logs.
 */
export function notificationRequested(cause: DomainEvent, request: NotificationRequest): DomainEvent<NotificationRequest> {
  return {
    id: `${cause.id}/notify/${createHash('sha256').update(request.recipient).digest('base64url').slice(0, 22)}`,
    type: NOTIFICATION_REQUESTED,
    source: cause.source,
    subject: cause.subject,
    occurredAt: cause.occurredAt,
    data: request,
  };
}
