// POST /v1/councils/bodies/{body}/sessions/{id}/sittings: the attendance in one write
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { councilsRepository } from '../adapters/councils.dependencies.ts';
import { openCouncilSitting } from '../application/session.use-cases.ts';
import { openSittingRoute } from '../schemas/councils.schema.ts';

export const handler = httpHandler(
  openSittingRoute,
  async ({ params, body, principal }) => ({ body: await openCouncilSitting(councilsRepository, params.body, params.id, body, principal, now()) }),
  { idempotency: idempotentRequests },
);
