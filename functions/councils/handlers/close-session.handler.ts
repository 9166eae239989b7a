// POST /v1/councils/bodies/{body}/sessions/{id}/closing
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { councilsRepository } from '../adapters/councils.dependencies.ts';
import { closeCouncilSession } from '../application/session.use-cases.ts';
import { closeSessionRoute } from '../schemas/councils.schema.ts';

export const handler = httpHandler(
  closeSessionRoute,
  async ({ params, principal }) => ({ body: await closeCouncilSession(councilsRepository, params.body, params.id, principal, now()) }),
  { idempotency: idempotentRequests },
);
