// POST /v1/transparency/requests/{id}/withdrawal (the citizen who filed it)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { transparencyDependencies } from '../adapters/transparency.dependencies.ts';
import { withdraw } from '../application/change-request.use-cases.ts';
import { withdrawRequestRoute } from '../schemas/transparency.schema.ts';

export const handler = httpHandler(
  withdrawRequestRoute,
  async ({ params, body, principal }) => ({ body: await withdraw(transparencyDependencies.repository, params.id, body.reason, principal, now()) }),
  { idempotency: idempotentRequests },
);
