// GET /v1/documents/requests/{id} (the requester, a registrar of the act's office, an auditor)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { documentsRepository } from '../adapters/documents-table.ts';
import { readRequest } from '../application/document-queries.use-cases.ts';
import { getRequestRoute } from '../schemas/documents.schema.ts';

export const handler = httpHandler(getRequestRoute, async ({ params, principal }) => ({ body: await readRequest(documentsRepository, params.id, principal) }));
