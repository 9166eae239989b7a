// POST /v1/permits/{id}/documents/{documentId}/complete (the applicant): the upload is checked; the last one resumes the clock.
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { permitsWithDocuments } from '../adapters/documents.dependencies.ts';
import { completePermitDocument } from '../application/change-permit.use-cases.ts';
import { changedPermitView } from '../application/permit-queries.use-cases.ts';
import { completeDocumentRoute } from '../schemas/permits.schema.ts';

const dependencies = permitsWithDocuments;

export const handler = httpHandler(
  completeDocumentRoute,
  async ({ params, principal }) => {
    const at = now();
    return { body: changedPermitView(await completePermitDocument(dependencies, params.id, params.documentId, principal, at), at) };
  },
  { idempotency: idempotentRequests },
);
