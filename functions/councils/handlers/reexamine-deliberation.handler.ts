// POST /v1/councils/bodies/{body}/deliberations/{id}/re-examination
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { councilsRepository } from '../adapters/councils.dependencies.ts';
import { reexamineDeliberation } from '../application/deliberation.use-cases.ts';
import { reexamineRoute } from '../schemas/councils.schema.ts';

export const handler = httpHandler(
  reexamineRoute,
  async ({ params, body, principal }) => ({ body: await reexamineDeliberation(councilsRepository, params.body, params.id, body.outcome, principal, now()) }),
  { idempotency: idempotentRequests },
);
