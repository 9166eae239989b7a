// POST /v1/permits/{id}/documents (the applicant): declares the files with their SHA-256, returns their upload URLs.
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { permitsWithDocuments } from '../adapters/documents.dependencies.ts';
import { declarePermitDocuments } from '../application/change-permit.use-cases.ts';
import { changedPermitView } from '../application/permit-queries.use-cases.ts';
import { provideDocumentsRoute } from '../schemas/permits.schema.ts';

export const handler = httpHandler(
  provideDocumentsRoute,
  async ({ params, body, principal }) => {
    const at = now();
    const { permit, uploads } = await declarePermitDocuments(permitsWithDocuments, params.id, body.documents, principal, at);
    return { body: { permit: changedPermitView(permit, at), uploads } };
  },
  { idempotency: idempotentRequests },
);
