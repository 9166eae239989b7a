// POST /v1/transparency/requests/{id}/processing (agent of the request's commune)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { transparencyDependencies } from '../adapters/transparency.dependencies.ts';
import { process } from '../application/change-request.use-cases.ts';
import { processRequestRoute } from '../schemas/transparency.schema.ts';

export const handler = httpHandler(processRequestRoute, async ({ params, principal }) => ({ body: await process(transparencyDependencies.repository, params.id, principal, now()) }), {
  idempotency: idempotentRequests,
});
