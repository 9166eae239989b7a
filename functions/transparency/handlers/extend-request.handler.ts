// POST /v1/transparency/requests/{id}/extension (agent of the request's commune)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { transparencyDependencies } from '../adapters/transparency.dependencies.ts';
import { extend } from '../application/change-request.use-cases.ts';
import { extendRequestRoute } from '../schemas/transparency.schema.ts';

export const handler = httpHandler(extendRequestRoute, async ({ params, principal }) => ({ body: await extend(transparencyDependencies.repository, params.id, principal, now()) }), {
  idempotency: idempotentRequests,
});
