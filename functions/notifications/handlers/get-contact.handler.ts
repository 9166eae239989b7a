// GET /v1/notifications/contact (every signed-in role: one's own e-mail address)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { contacts } from '../adapters/notifications.dependencies.ts';
import { myContact } from '../application/contacts.use-cases.ts';
import { getContactRoute } from '../schemas/notifications.schema.ts';

export const handler = httpHandler(getContactRoute, async ({ principal }) => ({ body: await myContact(contacts, principal) }));
