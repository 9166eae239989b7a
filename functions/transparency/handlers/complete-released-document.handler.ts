// POST /v1/transparency/requests/{id}/documents/{documentId}/complete (the agent who declared it): checked, then stored.
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { releasedDocumentsDependencies } from '../adapters/released-documents.dependencies.ts';
import { completeDocument } from '../application/released-documents.use-cases.ts';
import { completeReleasedDocumentRoute } from '../schemas/requests-recourse.schema.ts';

const dependencies = releasedDocumentsDependencies();

export const handler = httpHandler(
  completeReleasedDocumentRoute,
  async ({ params, principal }) => ({ body: await completeDocument(dependencies, params.id, params.documentId, principal, now()) }),
  { idempotency: idempotentRequests },
);
