// GET /v1/civil-status/acts/{id}?reason= (registrar of its office, auditor, the person of a birth act)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { now } from '../../shared/time/time-source.ts';
import { civilStatusRepository } from '../adapters/civil-status.dependencies.ts';
import { readCivilAct } from '../application/civil-status.use-cases.ts';
import { getActRoute } from '../schemas/civil-status.schema.ts';

export const handler = httpHandler(getActRoute, async ({ params, query, principal, correlationId }) => ({
  body: await readCivilAct(civilStatusRepository, params.id, { principal, reason: query.reason, requestId: correlationId, now: now() }),
}));
