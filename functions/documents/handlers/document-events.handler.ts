// GET /v1/documents/{documentId}/events (registrar of the act's office, auditor)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { documentsRepository } from '../adapters/documents-table.ts';
import { documentEvents } from '../application/document-queries.use-cases.ts';
import { documentEventsRoute } from '../schemas/documents.schema.ts';

export const handler = httpHandler(documentEventsRoute, async ({ params, query, principal }) => ({
  body: await documentEvents(documentsRepository, params.documentId, principal, query),
}));
