// POST /v1/permits/{id}/documents (the applicant): upload URLs for the requested documents; the clock resumes.
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { permitsWithWorkflow } from '../adapters/deadline-workflow.dependencies.ts';
import { planUploads } from '../adapters/documents-bucket.ts';
import { providePermitDocuments } from '../application/change-permit.use-cases.ts';
import { viewOf } from '../application/permit-queries.use-cases.ts';
import { provideDocumentsRoute } from '../schemas/permits.schema.ts';

export const handler = httpHandler(
  provideDocumentsRoute,
  async ({ params, body, principal }) => {
    const at = now();
    const uploads = await planUploads(params.id, body.documents, at);
    const documents = uploads.map((upload) => ({ name: upload.name, objectKey: upload.objectKey, providedAt: at.toISOString() }));
    const permit = await providePermitDocuments(permitsWithWorkflow, params.id, documents, principal, at);
    return { body: { permit: viewOf(permit, at), uploads } };
  },
  { idempotency: idempotentRequests },
);
