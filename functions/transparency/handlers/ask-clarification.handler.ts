// POST /v1/transparency/requests/{id}/clarification (agent of the request's commune)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { transparencyDependencies } from '../adapters/transparency.dependencies.ts';
import { askForClarification } from '../application/change-request.use-cases.ts';
import { askClarificationRoute } from '../schemas/transparency.schema.ts';

export const handler = httpHandler(
  askClarificationRoute,
  async ({ params, body, principal }) => ({ body: await askForClarification(transparencyDependencies.repository, params.id, body.question, principal, now()) }),
  { idempotency: idempotentRequests },
);
