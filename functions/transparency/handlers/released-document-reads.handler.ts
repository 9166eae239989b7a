// GET /v1/transparency/requests/{id}/document-reads (its requester, agents of its commune, auditors)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { releasedDocumentsRepository } from '../adapters/released-documents-repository.dependencies.ts';
import { documentReads } from '../application/released-documents.use-cases.ts';
import { releasedDocumentReadsRoute } from '../schemas/requests-recourse.schema.ts';

export const handler = httpHandler(releasedDocumentReadsRoute, async ({ params, query, principal }) => ({ body: await documentReads(releasedDocumentsRepository, params.id, principal, query) }));
