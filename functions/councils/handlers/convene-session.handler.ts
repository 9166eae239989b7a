// POST /v1/councils/bodies/{body}/sessions/{id}/convocation
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { councilsRepository } from '../adapters/councils.dependencies.ts';
import { conveneSession } from '../application/session.use-cases.ts';
import { conveneSessionRoute } from '../schemas/councils.schema.ts';

export const handler = httpHandler(
  conveneSessionRoute,
  async ({ params, principal }) => ({ body: await conveneSession(councilsRepository, params.body, params.id, principal, now()) }),
  { idempotency: idempotentRequests },
);
