// GET /v1/permits/{id}/documents/{documentId} (staff of the commune): a short-lived link, the read logged.
import { httpHandler } from '../../shared/http/http-handler.ts';
import { now } from '../../shared/time/time-source.ts';
import { permitsWithDocuments } from '../adapters/documents.dependencies.ts';
import { readPermitDocument } from '../application/permit-queries.use-cases.ts';
import { readDocumentRoute } from '../schemas/permits.schema.ts';

export const handler = httpHandler(readDocumentRoute, async ({ params, principal }) => ({
  body: await readPermitDocument(permitsWithDocuments.repository, permitsWithDocuments.documents, params.id, params.documentId, principal, now()),
}));
