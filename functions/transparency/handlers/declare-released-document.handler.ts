// POST /v1/transparency/requests/{id}/documents (agent of its commune): declares a document to release; answers its upload URL.
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { releasedDocumentsDependencies } from '../adapters/released-documents.dependencies.ts';
import { declareDocument } from '../application/released-documents.use-cases.ts';
import { declareReleasedDocumentRoute } from '../schemas/requests-recourse.schema.ts';

const dependencies = releasedDocumentsDependencies();

export const handler = httpHandler(
  declareReleasedDocumentRoute,
  async ({ params, body, principal }) => ({ status: 201, body: await declareDocument(dependencies, params.id, body, principal, now()) }),
  { idempotency: idempotentRequests },
);
