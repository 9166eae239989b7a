// GET /v1/civil-status/offices/{code}/outbox (registrar of that office)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { civilStatusRepository } from '../adapters/civil-status.dependencies.ts';
import { officeNotes } from '../application/marginal-notes.use-cases.ts';
import { officeOutboxRoute } from '../schemas/civil-status.schema.ts';

export const handler = httpHandler(officeOutboxRoute, async ({ params, query, principal }) => ({
  body: await officeNotes(civilStatusRepository, 'outbox', params.code, principal, query),
}));
