// GET /v1/documents/requests (citizen)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { documentsRepository } from '../adapters/documents-table.ts';
import { myRequests } from '../application/document-queries.use-cases.ts';
import { listMyRequestsRoute } from '../schemas/documents.schema.ts';

export const handler = httpHandler(listMyRequestsRoute, async ({ query, principal }) => ({ body: await myRequests(documentsRepository, principal, query) }));
