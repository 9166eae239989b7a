// Delivering what a context asked to tell someone: on every channel, in order. A channel that fails fails the
// delivery, and the event is handed again later; the channels that had delivered it recognise it then.
import type { DomainEvent } from '../../shared/events/domain-event.ts';
import { notificationOf } from '../domain/notification.ts';
import type { NotificationRequest } from '../public.ts';
import type { NotificationsDependencies } from './notifications.ports.ts';

export async function deliverNotification({ channels }: NotificationsDependencies, requested: DomainEvent<NotificationRequest>): Promise<void> {
  const notification = notificationOf(requested);
  for (const channel of channels) await channel.deliver(notification);
}
