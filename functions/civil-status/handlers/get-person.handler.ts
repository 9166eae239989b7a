// GET /v1/civil-status/persons/{civilId}?reason= (registrar, the person)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { now } from '../../shared/time/time-source.ts';
import { civilStatusRepository } from '../adapters/civil-status.dependencies.ts';
import { readPerson } from '../application/civil-status.use-cases.ts';
import { getPersonRoute } from '../schemas/civil-status.schema.ts';

export const handler = httpHandler(getPersonRoute, async ({ params, query, principal, correlationId }) => ({
  body: await readPerson(civilStatusRepository, params.civilId, { principal, reason: query.reason, requestId: correlationId, now: now() }),
}));
