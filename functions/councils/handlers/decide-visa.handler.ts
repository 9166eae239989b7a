// POST /v1/councils/bodies/{body}/deliberations/{id}/visa (governor): the visa given or refused with reasons.
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { councilsRepository } from '../adapters/councils.dependencies.ts';
import { decideDeliberationVisa } from '../application/deliberation.use-cases.ts';
import { visaRoute } from '../schemas/councils.schema.ts';

export const handler = httpHandler(
  visaRoute,
  async ({ params, body, principal }) => ({ body: await decideDeliberationVisa(councilsRepository, params.body, params.id, body, principal, now()) }),
  { idempotency: idempotentRequests },
);
