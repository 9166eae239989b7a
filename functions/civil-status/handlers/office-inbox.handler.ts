// GET /v1/civil-status/offices/{code}/inbox (registrar of that office)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { civilStatusRepository } from '../adapters/civil-status.dependencies.ts';
import { officeNotes } from '../application/marginal-notes.use-cases.ts';
import { officeInboxRoute } from '../schemas/civil-status.schema.ts';

export const handler = httpHandler(officeInboxRoute, async ({ params, query, principal }) => ({
  body: await officeNotes(civilStatusRepository, 'inbox', params.code, principal, query),
}));
