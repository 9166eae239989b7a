// GET /v1/notifications (citizen)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { permitsDependencies } from '../adapters/permits.dependencies.ts';
import { applicantNotifications } from '../application/permit-queries.use-cases.ts';
import { listNotificationsRoute } from '../schemas/permits.schema.ts';

export const handler = httpHandler(listNotificationsRoute, async ({ query, principal }) => ({
  body: await applicantNotifications(permitsDependencies.repository, principal, query),
}));
