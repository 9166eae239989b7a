// POST /v1/transparency/requests/{id}/clarification-reply (its requester, or an agent of its commune)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { transparencyDependencies } from '../adapters/transparency.dependencies.ts';
import { clarify } from '../application/change-request.use-cases.ts';
import { clarifyRequestRoute } from '../schemas/transparency.schema.ts';

export const handler = httpHandler(
  clarifyRequestRoute,
  async ({ params, body, principal }) => ({ body: await clarify(transparencyDependencies.repository, params.id, body.reply, principal, now()) }),
  { idempotency: idempotentRequests },
);
