// POST /v1/transparency/requests/{id}/acknowledgment (agent of the request's commune)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { transparencyDependencies } from '../adapters/transparency.dependencies.ts';
import { acknowledge } from '../application/change-request.use-cases.ts';
import { acknowledgeRequestRoute } from '../schemas/transparency.schema.ts';

export const handler = httpHandler(acknowledgeRequestRoute, async ({ params, principal }) => ({ body: await acknowledge(transparencyDependencies.repository, params.id, principal, now()) }), {
  idempotency: idempotentRequests,
});
