// GET /v1/notifications (every signed-in role: one's own inbox)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { inbox } from '../adapters/notifications.dependencies.ts';
import { myNotifications } from '../application/inbox.use-case.ts';
import { listNotificationsRoute } from '../schemas/notifications.schema.ts';

export const handler = httpHandler(listNotificationsRoute, async ({ query, principal }) => ({ body: await myNotifications(inbox, principal, query) }));
