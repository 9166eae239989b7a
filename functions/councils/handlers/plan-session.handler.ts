// POST /v1/councils/bodies/{body}/sessions (secretariat, president, governor): the session's id comes from the Idempotency-Key
import { randomUUID } from 'node:crypto';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idFromIdempotencyKey } from '../../shared/http/idempotency-ids.ts';
import { now } from '../../shared/time/time-source.ts';
import { councilsRepository } from '../adapters/councils.dependencies.ts';
import { planCouncilSession } from '../application/session.use-cases.ts';
import { planSessionRoute } from '../schemas/councils.schema.ts';

export const handler = httpHandler(planSessionRoute, async ({ params, body, principal, idempotencyKey }) => {
  const id = idempotencyKey ? idFromIdempotencyKey(principal.sub, idempotencyKey) : randomUUID();
  const { session, created } = await planCouncilSession(councilsRepository, params.body, id, body, principal, now());
  return { status: created ? 201 : 200, body: session, headers: { location: `/v1/councils/bodies/${params.body}/sessions/${id}` } };
});
