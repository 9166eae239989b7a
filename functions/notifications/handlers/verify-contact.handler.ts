// POST /v1/notifications/contact/verification (every signed-in role: the code sent to one's own address)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { now } from '../../shared/time/time-source.ts';
import { contacts } from '../adapters/notifications.dependencies.ts';
import { verifyContact } from '../application/contacts.use-cases.ts';
import { verifyContactRoute } from '../schemas/notifications.schema.ts';

export const handler = httpHandler(verifyContactRoute, async ({ body, principal }) => ({ body: await verifyContact(contacts, principal, body.code, now()) }));
