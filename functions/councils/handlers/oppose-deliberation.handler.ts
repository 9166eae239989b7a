// POST /v1/councils/bodies/{body}/deliberations/{id}/opposition (governor)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { councilsRepository } from '../adapters/councils.dependencies.ts';
import { opposeDeliberation } from '../application/deliberation.use-cases.ts';
import { opposeRoute } from '../schemas/councils.schema.ts';

export const handler = httpHandler(
  opposeRoute,
  async ({ params, body, principal }) => ({ body: await opposeDeliberation(councilsRepository, params.body, params.id, body.reasons, principal, now()) }),
  { idempotency: idempotentRequests },
);
