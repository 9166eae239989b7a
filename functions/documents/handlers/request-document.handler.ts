// POST /v1/documents/requests (citizen)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { now } from '../../shared/time/time-source.ts';
import { documentsDependencies } from '../adapters/documents.dependencies.ts';
import { requestDocument } from '../application/request-document.use-case.ts';
import { createRequestRoute } from '../schemas/documents.schema.ts';

export const handler = httpHandler(createRequestRoute, async ({ body, principal, correlationId, idempotencyKey }) => {
  const request = await requestDocument(documentsDependencies, body, principal, { now: now(), requestId: correlationId, ...(idempotencyKey && { idempotencyKey }) });
  return { status: 201, body: request, headers: { location: `/v1/documents/requests/${request.id}` } };
});
