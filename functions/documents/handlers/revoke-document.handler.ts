// POST /v1/documents/{documentId}/revoke (registrar of the act's office)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { documentsRepository } from '../adapters/documents-table.ts';
import { revokeDocument } from '../application/document-queries.use-cases.ts';
import { revokeDocumentRoute } from '../schemas/documents.schema.ts';

export const handler = httpHandler(
  revokeDocumentRoute,
  async ({ params, body, principal, correlationId }) => {
    const revoked = await revokeDocument(documentsRepository, params.documentId, body.reason, principal, { now: now(), requestId: correlationId });
    return { body: { id: revoked.id, status: revoked.status, revokedAt: revoked.revokedAt } };
  },
  { idempotency: idempotentRequests },
);
