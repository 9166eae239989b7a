// The documents window: citizens request birth extracts and full copies, registrars review what cannot be
// issued at once, and anyone verifies an issued document offline from its signed QR code.
import { CIVIL_STATUS_TABLE_ID } from '../civil-status/public.ts';
import { REFERENCE_TABLE_ID } from '../reference-data/public.ts';
import type { ServiceDescription } from '../shared/service-description.ts';
import { DOCUMENT_PROBLEMS } from './documents.problems.ts';
import { PDF_PACKAGE_FILES } from '../shared/pdf/font-files.ts';
import { DOCUMENT_SIGNING_KEY_ID, DOCUMENTS_INDEXES, DOCUMENTS_TABLE_ID, ISSUED_DOCUMENTS_BUCKET_ID } from './adapters/documents-keys.ts';
import {
  approveRequestRoute,
  createRequestRoute,
  documentEventsRoute,
  downloadDocumentRoute,
  getRequestRoute,
  jwksRoute,
  listMyRequestsRoute,
  rejectRequestRoute,
  revocationListRoute,
  revokeDocumentRoute,
  reviewQueueRoute,
  verifyRoute,
} from './schemas/documents.schema.ts';

const handlers = 'functions/documents/handlers';
const reads = { [DOCUMENTS_TABLE_ID]: 'read' } as const;
/**
 * Issuing reads the act and the office, writes the request, the document and the act's access-log entries. The
 * register is civil status' own: documents only adds entries to its access log (Law 09-08), never deletes there.
 */
const issuing = {
  tables: { [DOCUMENTS_TABLE_ID]: 'write', [CIVIL_STATUS_TABLE_ID]: 'append', [REFERENCE_TABLE_ID]: 'read' },
  buckets: { [ISSUED_DOCUMENTS_BUCKET_ID]: 'write' },
  signingKeys: { [DOCUMENT_SIGNING_KEY_ID]: 'sign' },
  packageFiles: PDF_PACKAGE_FILES,
  // Rendering a PDF with its Arabic shaping is CPU-bound: more memory is more CPU on Lambda.
  memoryMb: 1024,
  timeoutSeconds: 30,
} as const;
const verifying = { signingKeys: { [DOCUMENT_SIGNING_KEY_ID]: 'verify' } } as const;

export const documentsService: ServiceDescription = {
  name: 'documents',
  problems: DOCUMENT_PROBLEMS,
  tables: [{ id: DOCUMENTS_TABLE_ID, partitionKey: 'pk', sortKey: 'sk', globalIndexes: Object.values(DOCUMENTS_INDEXES) }],
  buckets: [{ id: ISSUED_DOCUMENTS_BUCKET_ID }],
  signingKeys: [{ id: DOCUMENT_SIGNING_KEY_ID, description: 'Signs the QR codes of the register of signed documents: birth extracts and copies, permit receipts and certificates (ES256)' }],
  functions: [
    { id: 'RequestDocument', entry: `${handlers}/request-document.handler.ts`, route: createRequestRoute, ...issuing },
    { id: 'ListMyDocumentRequests', entry: `${handlers}/my-requests.handler.ts`, route: listMyRequestsRoute, tables: reads },
    { id: 'GetDocumentRequest', entry: `${handlers}/get-request.handler.ts`, route: getRequestRoute, tables: reads },
    { id: 'ApproveDocumentRequest', entry: `${handlers}/approve-request.handler.ts`, route: approveRequestRoute, ...issuing },
    { id: 'RejectDocumentRequest', entry: `${handlers}/reject-request.handler.ts`, route: rejectRequestRoute, tables: { [DOCUMENTS_TABLE_ID]: 'write' } },
    { id: 'DocumentReviewQueue', entry: `${handlers}/review-queue.handler.ts`, route: reviewQueueRoute, tables: reads },
    {
      id: 'DownloadDocument',
      entry: `${handlers}/download-document.handler.ts`,
      route: downloadDocumentRoute,
      // Logs the download.
      tables: { [DOCUMENTS_TABLE_ID]: 'write' },
      buckets: { [ISSUED_DOCUMENTS_BUCKET_ID]: 'read' },
    },
    { id: 'DocumentEvents', entry: `${handlers}/document-events.handler.ts`, route: documentEventsRoute, tables: reads },
    { id: 'RevokeDocument', entry: `${handlers}/revoke-document.handler.ts`, route: revokeDocumentRoute, tables: { [DOCUMENTS_TABLE_ID]: 'write' } },
    { id: 'DocumentRevocations', entry: `${handlers}/revocations.handler.ts`, route: revocationListRoute, tables: reads },
    { id: 'DocumentVerificationKeys', entry: `${handlers}/verification-keys.handler.ts`, route: jwksRoute, ...verifying },
    // Logs each verification of a known document.
    { id: 'VerifyDocument', entry: `${handlers}/verify-document.handler.ts`, route: verifyRoute, tables: { [DOCUMENTS_TABLE_ID]: 'write' }, ...verifying },
  ],
};
