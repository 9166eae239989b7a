// POST /v1/councils/bodies/{body}/deliberations/{id}/court-referral (governor)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { councilsRepository } from '../adapters/councils.dependencies.ts';
import { referDeliberation } from '../application/deliberation.use-cases.ts';
import { referRoute } from '../schemas/councils.schema.ts';

export const handler = httpHandler(
  referRoute,
  async ({ params, body, principal }) => ({ body: await referDeliberation(councilsRepository, params.body, params.id, body.court, body.reference, principal, now()) }),
  { idempotency: idempotentRequests },
);
