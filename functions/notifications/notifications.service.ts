// The platform's notifications: one inbox per person across services. Contexts ask for a notification with a
// `notification.requested` event in their outbox; DeliverNotifications delivers it on every channel (the in-app
// inbox now), and every signed-in person reads their own inbox.
import { COMPLAINTS_TABLE_ID } from '../complaints/public.ts';
import { PERMITS_TABLE_ID } from '../permits/public.ts';
import { REGISTRY_OFFICE_TABLE_ID } from '../registry-office/public.ts';
import { COUNCILS_TABLE_ID } from '../councils/public.ts';
import { TRANSPARENCY_TABLE_ID } from '../transparency/public.ts';
import type { EventSubscription, ServiceDescription } from '../shared/service-description.ts';
import { NOTIFICATIONS_TABLE_ID } from './adapters/notifications-keys.ts';
import { NOTIFICATION_REQUESTED } from './public.ts';
import { NOTIFICATIONS_PROBLEMS } from './notifications.problems.ts';
import { getContactRoute, listNotificationsRoute, putContactRoute, verifyContactRoute } from './schemas/notifications.schema.ts';

const handlers = 'functions/notifications/handlers';

/** The outboxes notifications are asked for through: one line per context that tells people something. */
const NOTIFICATION_PRODUCERS: readonly EventSubscription[] = [
  { tableId: PERMITS_TABLE_ID, eventTypes: [NOTIFICATION_REQUESTED] },
  { tableId: REGISTRY_OFFICE_TABLE_ID, eventTypes: [NOTIFICATION_REQUESTED] },
  { tableId: COMPLAINTS_TABLE_ID, eventTypes: [NOTIFICATION_REQUESTED] },
  { tableId: TRANSPARENCY_TABLE_ID, eventTypes: [NOTIFICATION_REQUESTED] },
  { tableId: COUNCILS_TABLE_ID, eventTypes: [NOTIFICATION_REQUESTED] },
];

export const notificationsService: ServiceDescription = {
  name: 'notifications',
  tables: [{ id: NOTIFICATIONS_TABLE_ID, partitionKey: 'pk', sortKey: 'sk' }],
  problems: NOTIFICATIONS_PROBLEMS,
  functions: [
    { id: 'ListNotifications', entry: `${handlers}/list-notifications.handler.ts`, route: listNotificationsRoute, tables: { [NOTIFICATIONS_TABLE_ID]: 'read' } },
    // One's own e-mail contact: declared (the code mailed to it), verified, read; nothing is ever deleted.
    { id: 'PutNotificationContact', entry: `${handlers}/put-contact.handler.ts`, route: putContactRoute, tables: { [NOTIFICATIONS_TABLE_ID]: 'append' }, sendsEmail: true },
    { id: 'VerifyNotificationContact', entry: `${handlers}/verify-contact.handler.ts`, route: verifyContactRoute, tables: { [NOTIFICATIONS_TABLE_ID]: 'append' } },
    { id: 'GetNotificationContact', entry: `${handlers}/get-contact.handler.ts`, route: getContactRoute, tables: { [NOTIFICATIONS_TABLE_ID]: 'read' } },
    // Writes each notification once and never deletes one; e-mails it to a verified address (its claim written first).
    {
      id: 'DeliverNotifications',
      entry: `${handlers}/deliver-notifications.handler.ts`,
      tables: { [NOTIFICATIONS_TABLE_ID]: 'append' },
      sendsEmail: true,
      consumes: NOTIFICATION_PRODUCERS,
    },
  ],
};
