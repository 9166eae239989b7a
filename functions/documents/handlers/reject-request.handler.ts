// POST /v1/documents/requests/{id}/reject (registrar of the act's office)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { now } from '../../shared/time/time-source.ts';
import { documentsRepository } from '../adapters/documents-table.ts';
import { rejectRequest } from '../application/review.use-cases.ts';
import { rejectRequestRoute } from '../schemas/documents.schema.ts';

export const handler = httpHandler(
  rejectRequestRoute,
  async ({ params, body, principal, correlationId }) => ({
    body: await rejectRequest(documentsRepository, params.id, body.reason, principal, { now: now(), requestId: correlationId }),
  }),
);
