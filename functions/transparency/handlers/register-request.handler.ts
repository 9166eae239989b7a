// POST /v1/transparency/registered-requests (agent of the commune)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { now } from '../../shared/time/time-source.ts';
import { transparencyDependencies } from '../adapters/transparency.dependencies.ts';
import { registerRequest } from '../application/open-request.use-cases.ts';
import { requestView } from '../application/request-queries.use-cases.ts';
import { registerRequestRoute } from '../schemas/transparency.schema.ts';

export const handler = httpHandler(registerRequestRoute, async ({ body, principal, idempotencyKey }) => {
  const at = now();
  const request = await registerRequest(transparencyDependencies, body, principal, { now: at, ...(idempotencyKey && { idempotencyKey }) });
  return { status: 201, body: requestView(request, at), headers: { location: `/v1/transparency/requests/${request.id}` } };
});
