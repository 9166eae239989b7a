// Key builders of the documents table (access patterns in ../README.md); no key is written by hand elsewhere.
export const DOCUMENTS_TABLE_ID = 'documents';
export const ISSUED_DOCUMENTS_BUCKET_ID = 'issued-documents';
export const DOCUMENT_SIGNING_KEY_ID = 'document-signing';

export const DOCUMENTS_INDEXES = {
  /** A person's requests, newest first. */
  byRequester: { name: 'byRequester', partitionKey: 'requesterPk', sortKey: 'createdAt' },
  /** Requests of an office waiting for review, by service deadline (sparse: only while waiting). */
  byReviewQueue: { name: 'byReviewQueue', partitionKey: 'queuePk', sortKey: 'dueAt' },
  /** The revocation list (sparse: revoked documents only). */
  byRevocation: { name: 'byRevocation', partitionKey: 'revokedPk', sortKey: 'revokedAt' },
} as const;

export const DOCUMENTS_INDEX_ATTRIBUTES = ['requesterPk', 'queuePk', 'revokedPk'] as const;

export const documentsKeys = {
  request: (id: string) => ({ pk: `REQUEST#${id}`, sk: 'REQUEST' }),
  requestEvent: (id: string, version: number, index: number) => ({ pk: `REQUEST#${id}`, sk: `EVENT#${String(version).padStart(4, '0')}#${index}` }),
  requester: (civilId: string) => `REQUESTER#${civilId}`,
  reviewQueue: (office: string) => `REVIEW#${office}`,
  document: (id: string) => ({ pk: `DOCUMENT#${id}`, sk: 'DOCUMENT' }),
  documentEvents: (id: string) => ({ pk: `DOCUMENT#${id}`, skPrefix: 'EVENT#' }),
  documentEvent: (id: string, at: string, requestId: string) => ({ pk: `DOCUMENT#${id}`, sk: `EVENT#${at}#${requestId}` }),
  revocations: () => 'REVOKED',
} as const;
