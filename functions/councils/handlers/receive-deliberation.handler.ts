// POST /v1/councils/bodies/{body}/deliberations/{id}/receipt (governor)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { councilsRepository } from '../adapters/councils.dependencies.ts';
import { receiveDeliberation } from '../application/deliberation.use-cases.ts';
import { receiveRoute } from '../schemas/councils.schema.ts';

export const handler = httpHandler(
  receiveRoute,
  async ({ params, principal }) => ({ body: await receiveDeliberation(councilsRepository, params.body, params.id, principal, now()) }),
  { idempotency: idempotentRequests },
);
