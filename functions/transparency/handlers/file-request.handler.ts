// POST /v1/transparency/requests (citizen)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { now } from '../../shared/time/time-source.ts';
import { transparencyDependencies } from '../adapters/transparency.dependencies.ts';
import { fileRequest } from '../application/open-request.use-cases.ts';
import { requestView } from '../application/request-queries.use-cases.ts';
import { fileRequestRoute } from '../schemas/transparency.schema.ts';

export const handler = httpHandler(fileRequestRoute, async ({ body, principal, idempotencyKey }) => {
  const at = now();
  const request = await fileRequest(transparencyDependencies, body, principal, { now: at, ...(idempotencyKey && { idempotencyKey }) });
  return { status: 201, body: requestView(request, at), headers: { location: `/v1/transparency/requests/${request.id}` } };
});
