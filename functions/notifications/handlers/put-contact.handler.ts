// PUT /v1/notifications/contact (every signed-in role: one's own e-mail address)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { declarationDependencies } from '../adapters/email.dependencies.ts';
import { declareContact } from '../application/contacts.use-cases.ts';
import { putContactRoute } from '../schemas/notifications.schema.ts';

export const handler = httpHandler(putContactRoute, async ({ body, principal }) => ({ body: await declareContact(declarationDependencies, principal, body, now()) }), {
  idempotency: idempotentRequests,
});
