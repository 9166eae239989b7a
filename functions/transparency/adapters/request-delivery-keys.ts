// Keys of a request's delivery: the released-documents bucket (scanned for malware in AWS) and, in the transparency
// table, one item per document read beside the request, and each commune's tariff with its versions.
import type { BucketDescription } from '../../shared/service-description.ts';

export const RELEASED_DOCUMENTS_BUCKET_ID = 'transparency-released-documents';

export const RELEASED_DOCUMENTS_BUCKET: BucketDescription = { id: RELEASED_DOCUMENTS_BUCKET_ID, malwareScan: true, browserTransfers: true };

export const releasedDocumentKeys = {
  object: (requestId: string, documentId: string) => `requests/${requestId}/${documentId}`,
  /** A read of a document, in the request's partition: `DOCUMENT-READ#<instant>#<document id>#<reader>`. */
  read: (requestId: string, documentId: string, at: string, readerSub: string) => ({ pk: `REQUEST#${requestId}`, sk: `DOCUMENT-READ#${at}#${documentId}#${readerSub}` }),
  /** Every read of a request's documents, by instant. */
  reads: (requestId: string) => ({ pk: `REQUEST#${requestId}`, skPrefix: 'DOCUMENT-READ#' }),
} as const;

/** A commune's tariff in force, and each of its versions beside it. */
export const tariffKeys = {
  current: (commune: string) => ({ pk: `TARIFF#${commune}`, sk: 'TARIFF' }),
  version: (commune: string, version: number) => ({ pk: `TARIFF#${commune}`, sk: `VERSION#${String(version).padStart(6, '0')}` }),
  history: (commune: string) => ({ pk: `TARIFF#${commune}`, skPrefix: 'VERSION#' }),
} as const;
