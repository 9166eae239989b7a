// POST /v1/councils/bodies/{body}/deliberations/{id}/transmission
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { councilsRepository } from '../adapters/councils.dependencies.ts';
import { transmitDeliberation } from '../application/deliberation.use-cases.ts';
import { transmitRoute } from '../schemas/councils.schema.ts';

export const handler = httpHandler(
  transmitRoute,
  async ({ params, principal }) => ({ body: await transmitDeliberation(councilsRepository, params.body, params.id, principal, now()) }),
  { idempotency: idempotentRequests },
);
