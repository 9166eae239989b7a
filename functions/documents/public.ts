// What other contexts may use of the documents context: the register of signed documents. A context that
// issues a signed paper (permits: the filing receipt and the deemed-approval certificate), of a kind declared
// in PAPER_KINDS, numbers it, lays it out, and hands it here to be signed with the documents' key, stored once and registered, so that
// `POST /v1/verify`, the revocation list and `POST /v1/documents/{number}/revoke` know it. Their wiring to
// DynamoDB and S3 is in ./public-paper-reader.ts, with the signing key in ./public-paper-issuer.ts.
export { DOCUMENT_SIGNING_KEY_ID, DOCUMENTS_TABLE_ID, ISSUED_DOCUMENTS_BUCKET_ID } from './adapters/documents-keys.ts';
export type { IssuerClaims, PaperKind, RegisteredPaper } from './domain/issued-document.ts';
export { issuePaper, storedPaper, type IssuingContext, type PaperIssuing, type PaperReading, type PaperToIssue } from './application/signed-documents.use-cases.ts';
