// What other contexts may use of the documents context: the register of signed documents. A context that
// issues a signed paper (permits: the filing receipt and the deemed-approval certificate), of a kind declared
// in PAPER_KINDS, numbers it, lays it out, and hands it here to be signed with the documents' key, stored once and registered, so that
// `POST /v1/verify`, the revocation list and `POST /v1/documents/{number}/revoke` know it. Their wiring to
// DynamoDB and S3 is in ./public-paper-reader.ts, with the signing key in ./public-paper-issuer.ts.
import { PROBLEM_RESPONSE, type ResponseContract } from '../shared/http/route-contract.ts';

export { DOCUMENT_SIGNING_KEY_ID, DOCUMENTS_TABLE_ID, ISSUED_DOCUMENTS_BUCKET_ID } from './adapters/documents-keys.ts';
export type { IssuerClaims, PaperKind, RegisteredPaper } from './domain/issued-document.ts';
export { issuePaper, storedPaper, type IssuingContext, type PaperIssuing, type PaperReading, type PaperToIssue } from './application/signed-documents.use-cases.ts';

/** The answers of a route that serves a stored paper (`storedPaper`): the PDF, or 410 once it is revoked. */
export const STORED_PAPER_RESPONSES = {
  200: { description: 'PDF document, Arabic and French', contentType: 'application/pdf' },
  410: { ...PROBLEM_RESPONSE, description: '`document-revoked`: the paper was revoked and is no longer handed out' },
} as const satisfies Record<number, ResponseContract>;
