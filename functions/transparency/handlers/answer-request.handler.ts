// POST /v1/transparency/requests/{id}/answer (agent of the request's commune)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { transparencyDependencies } from '../adapters/transparency.dependencies.ts';
import { answer } from '../application/change-request.use-cases.ts';
import { answerRequestRoute } from '../schemas/transparency.schema.ts';

export const handler = httpHandler(
  answerRequestRoute,
  async ({ params, body, principal }) => ({ body: await answer(transparencyDependencies.repository, params.id, body, principal, now()) }),
  { idempotency: idempotentRequests },
);
