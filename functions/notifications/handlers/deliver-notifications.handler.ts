// Consumes `notification.requested` from the outboxes of the contexts that ask for notifications.
import { eventConsumer } from '../../shared/events/event-consumer.ts';
import { notificationsDependencies } from '../adapters/email.dependencies.ts';
import { deliverNotification } from '../application/deliver-notification.use-case.ts';
import { NOTIFICATION_REQUESTED } from '../public.ts';
import { requestedNotification } from '../schemas/notifications.schema.ts';

export const handler = eventConsumer({
  [NOTIFICATION_REQUESTED]: (event) => deliverNotification(notificationsDependencies, requestedNotification(event)),
});
