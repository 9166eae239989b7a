// GET /v1/documents/{documentId} (its owner; a registrar of the act's office)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { now } from '../../shared/time/time-source.ts';
import { documentsRepository } from '../adapters/documents-table.ts';
import { issuedFiles } from '../adapters/issued-files.ts';
import { downloadDocument } from '../application/document-queries.use-cases.ts';
import { downloadDocumentRoute } from '../schemas/documents.schema.ts';

export const handler = httpHandler(downloadDocumentRoute, async ({ params, principal, correlationId }) => {
  const { document, pdf } = await downloadDocument({ repository: documentsRepository, files: issuedFiles }, params.documentId, principal, { now: now(), requestId: correlationId });
  return { body: pdf, contentType: 'application/pdf', headers: { 'content-disposition': `inline; filename="${document.id}.pdf"`, 'cache-control': 'private, no-store' } };
});
