// POST /v1/documents/requests/{id}/approve (registrar of the act's office)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { now } from '../../shared/time/time-source.ts';
import { documentsDependencies } from '../adapters/documents.dependencies.ts';
import { approveRequest } from '../application/review.use-cases.ts';
import { approveRequestRoute } from '../schemas/documents.schema.ts';

export const handler = httpHandler(
  approveRequestRoute,
  async ({ params, principal, correlationId }) => ({ body: await approveRequest(documentsDependencies, params.id, principal, { now: now(), requestId: correlationId }) }),
);
