// zod schemas and route contracts of the documents window.
import * as z from 'zod/mini';
import { checkedCivilId } from '../../civil-status/public.ts';
import { pageSchema, paginationQuery } from '../../shared/http/pagination.ts';
import { PROBLEM_RESPONSE, defineRoute } from '../../shared/http/route-contract.ts';
import { safeFreeText } from '../../shared/text/safe-text.schema.ts';
import { lazyValue } from '../../shared/lazy-value.ts';

const TAGS = ['Documents'];
const problem = PROBLEM_RESPONSE;

const requestId = lazyValue(() => z.strictObject({ id: z.uuid() }));
/** Every number of the register of signed documents: birth documents, permit receipts and certificates, letter acknowledgments. */
const documentId = lazyValue(() => z.strictObject({
  documentId: z.string().check(z.regex(/^(DOC-[0-9A-Z]{12}|(RCP|CDA)-[0-9A-Z][0-9A-Z-]{0,80}|ACK-[0-9A-F]{32})$/, 'a document number such as DOC-7K3M9Q2XW4HP, RCP-RABAT-2026-1A2B3C4D, CDA-RABAT-1A2B3C4D or ACK-6F1C2D3E4A5B46C7889900AABBCCDDEE')),
}));
const reason = lazyValue(() => z.strictObject({ reason: safeFreeText({ min: 3, max: 500 }) }));

const requestEvent = lazyValue(() => z.object({ type: z.string(), at: z.string(), by: z.string(), version: z.number(), details: z.optional(z.record(z.string(), z.unknown())) }));

const documentRequestSchema = lazyValue(() => z.object({
  id: z.string(),
  kind: z.enum(['birth-extract', 'birth-full-copy']),
  relationship: z.enum(['self', 'parent', 'child', 'spouse']),
  requester: z.object({ sub: z.string(), civilId: z.string() }),
  delivery: z.enum(['digital', 'pickup']),
  actId: z.string(),
  office: z.string(),
  status: z.enum(['awaiting-review', 'issued', 'rejected']),
  fee: z.object({ amount: z.number().check(z.describe('centimes of dirham')), currency: z.literal('MAD'), paymentId: z.string(), paymentStatus: z.literal('confirmed') }),
  createdAt: z.string(),
  dueDate: z.string(),
  dueAt: z.string(),
  reviewReason: z.optional(z.string()),
  documentId: z.optional(z.string()),
  issuedAt: z.optional(z.string()),
  decidedBy: z.optional(z.string()),
  rejectionReason: z.optional(z.string()),
  version: z.number(),
}));

const permitPaperClaimsSchema = lazyValue(() => z.object({
  v: z.literal(1),
  dn: z.string().check(z.describe('document number: the receipt or certificate number')),
  k: z.enum(['permit-receipt', 'permit-certificate']),
  rn: z.string().check(z.describe("the file's receipt number")),
  cm: z.string().check(z.describe("the commune's code")),
  due: z.string().check(z.describe('the legal deadline as printed')),
  iat: z.string().check(z.describe('issue date')),
  dg: z.string().check(z.describe("SHA-256 (base64url) of the paper's data")),
}));

const acknowledgmentClaimsSchema = lazyValue(() => z.object({
  v: z.literal(1),
  dn: z.string().check(z.describe("the acknowledgment's number")),
  k: z.literal('letter-acknowledgment'),
  ln: z.string().check(z.describe("the letter's number in its register")),
  cm: z.string().check(z.describe("the commune's code")),
  rg: z.literal('incoming'),
  rcv: z.string().check(z.describe('the receipt instant, to the second, Africa/Casablanca with its offset')),
  sd: z.string().check(z.describe('SHA-256 (base64url) of the subject as printed')),
  dg: z.string().check(z.describe("SHA-256 (base64url) of the acknowledgment's data")),
}));

const birthClaimsSchema = lazyValue(() => z.object({
  v: z.literal(1),
  dn: z.string().check(z.describe('document number')),
  k: z.enum(['extract', 'full-copy']),
  ref: z.string().check(z.describe("the act's reference: office/year/register/number")),
  nm: z.tuple([z.string(), z.string()]).check(z.describe('full name in Arabic, then in Latin script')),
  dob: z.string().check(z.describe('date of birth')),
  iat: z.string().check(z.describe('issue date')),
  dg: z.string().check(z.describe("SHA-256 (base64url) of the document's data")),
}));

export const createRequestRoute = defineRoute({
  operationId: 'requestDocument',
  method: 'POST',
  path: '/v1/documents/requests',
  summary: 'Ask for a birth extract or full copy, for yourself, a parent, a child or your spouse; issued at once when the act is digitized',
  tags: TAGS,
  access: ['citizen'],
  idempotent: 'by-use-case',
  body: () => z.strictObject({
      kind: z.enum(['birth-extract', 'birth-full-copy']),
      act: z.optional(z.uuid()).check(z.describe('the birth act, or give civilId')),
      civilId: z.optional(checkedCivilId()).check(z.describe('the civil identifier of the person the act is about')),
      relationship: z.enum(['self', 'parent', 'child', 'spouse']).check(z.describe('who that person is to you')),
      delivery: z.enum(['digital', 'pickup']),
    }).check(z.refine((body) => (body.act === undefined) !== (body.civilId === undefined), { message: 'Give either act or civilId', path: ['act'] })),
  responses: {
    201: { description: 'The request: `issued` with its document, or `awaiting-review` by the office', schema: documentRequestSchema },
    400: problem,
    401: problem,
    403: problem,
    409: problem,
    422: problem,
  },
});

export const listMyRequestsRoute = defineRoute({
  operationId: 'listMyDocumentRequests',
  method: 'GET',
  path: '/v1/documents/requests',
  summary: 'Your requests, newest first',
  tags: TAGS,
  access: ['citizen'],
  query: () => z.strictObject(paginationQuery),
  responses: { 200: { description: 'A page of requests', schema: () => pageSchema(documentRequestSchema()) }, 400: problem, 401: problem, 403: problem },
});

export const getRequestRoute = defineRoute({
  operationId: 'getDocumentRequest',
  method: 'GET',
  path: '/v1/documents/requests/{id}',
  summary: 'A request with its history and, once issued, the link to its document',
  tags: TAGS,
  access: ['citizen', 'registrar', 'auditor'],
  params: requestId,
  responses: {
    200: { description: 'The request', schema: () => z.extend(documentRequestSchema(), { history: z.array(requestEvent()), downloadUrl: z.optional(z.string()) }) },
    400: problem,
    401: problem,
    403: problem,
    404: problem,
  },
});

export const approveRequestRoute = defineRoute({
  operationId: 'approveDocumentRequest',
  method: 'POST',
  path: '/v1/documents/requests/{id}/approve',
  summary: 'Approve a request waiting for review: the document is issued at once; approving again answers with the same document',
  tags: TAGS,
  access: ['registrar'],
  params: requestId,
  responses: { 200: { description: 'The request, issued', schema: documentRequestSchema }, 400: problem, 401: problem, 403: problem, 404: problem, 409: problem },
});

export const rejectRequestRoute = defineRoute({
  operationId: 'rejectDocumentRequest',
  method: 'POST',
  path: '/v1/documents/requests/{id}/reject',
  summary: 'Reject a request waiting for review, with the reason the requester is given; rejecting again answers with the same rejection',
  tags: TAGS,
  access: ['registrar'],
  params: requestId,
  body: reason,
  responses: { 200: { description: 'The request, rejected', schema: documentRequestSchema }, 400: problem, 401: problem, 403: problem, 404: problem, 409: problem },
});

export const reviewQueueRoute = defineRoute({
  operationId: 'documentReviewQueue',
  method: 'GET',
  path: '/v1/documents/review-queue',
  summary: "Requests waiting for review in your office, most urgent first; `overdue=true` keeps those past their service deadline",
  tags: TAGS,
  access: ['registrar'],
  query: () => z.strictObject({ ...paginationQuery, overdue: z._default(z.enum(['true', 'false']), 'false') }),
  responses: {
    200: { description: 'A page of requests', schema: () => pageSchema(z.extend(documentRequestSchema(), { overdue: z.boolean() })) },
    400: problem,
    401: problem,
    403: problem,
  },
});

export const downloadDocumentRoute = defineRoute({
  operationId: 'downloadDocument',
  method: 'GET',
  path: '/v1/documents/{documentId}',
  summary: 'The PDF, to its owner (or to a registrar of the office, to print it for a pickup); every download is logged',
  tags: TAGS,
  access: ['citizen', 'registrar'],
  params: documentId,
  responses: {
    200: { description: 'The document', contentType: 'application/pdf' },
    400: problem,
    401: problem,
    403: problem,
    404: problem,
    410: { ...problem, description: '`document-revoked`: the document was revoked and is no longer handed out' },
  },
});

export const documentEventsRoute = defineRoute({
  operationId: 'documentEvents',
  method: 'GET',
  path: '/v1/documents/{documentId}/events',
  summary: 'Who issued, downloaded, verified or revoked the document, and when',
  tags: TAGS,
  access: ['registrar', 'auditor'],
  params: documentId,
  query: () => z.strictObject(paginationQuery),
  responses: {
    200: { description: 'A page of events, oldest first', schema: () => pageSchema(z.object({ documentId: z.string(), requestId: z.optional(z.string()), type: z.string(), at: z.string(), by: z.string(), outcome: z.optional(z.string()) })) },
    400: problem,
    401: problem,
    403: problem,
    404: problem,
  },
});

export const revokeDocumentRoute = defineRoute({
  operationId: 'revokeDocument',
  method: 'POST',
  path: '/v1/documents/{documentId}/revoke',
  summary:
    "Revoke a document (e.g. issued from an act since corrected); it joins the published revocation list. A birth document is revoked by a registrar of the act's office, a permit receipt or certificate by the president of its commune, a letter's acknowledgment by a registry clerk of its commune",
  tags: TAGS,
  access: ['registrar', 'president', 'clerk'],
  idempotent: true,
  params: documentId,
  body: reason,
  responses: {
    200: { description: 'The document, revoked', schema: () => z.object({ id: z.string(), status: z.literal('revoked'), revokedAt: z.string() }) },
    400: problem,
    401: problem,
    403: problem,
    404: problem,
    409: problem,
  },
});

export const revocationListRoute = defineRoute({
  operationId: 'documentRevocations',
  method: 'GET',
  path: '/v1/documents/revocations',
  summary: 'The revocation list: numbers of revoked documents, latest first, for offline verifiers',
  tags: TAGS,
  access: 'public',
  query: () => z.strictObject(paginationQuery),
  responses: { 200: { description: 'A page of revoked documents', schema: () => pageSchema(z.object({ id: z.string(), revokedAt: z.string() })) }, 400: problem },
});

export const jwksRoute = defineRoute({
  operationId: 'documentVerificationKeys',
  method: 'GET',
  path: '/.well-known/jwks.json',
  summary: "The public keys that verify documents' QR codes (JWK Set, ES256)",
  tags: TAGS,
  access: 'public',
  responses: {
    200: { description: 'The key set', schema: () => z.object({ keys: z.array(z.object({ kty: z.literal('EC'), crv: z.literal('P-256'), x: z.string(), y: z.string(), kid: z.string(), alg: z.literal('ES256'), use: z.literal('sig') })) }) },
  },
});

export const verifyRoute = defineRoute({
  operationId: 'verifyDocument',
  method: 'POST',
  path: '/v1/verify',
  summary:
    'Check a document from its QR code: `valid`, `tampered` (the signature or the content fails, or no such document was issued) or `revoked`; a text that is no signed code at all is a 400',
  tags: TAGS,
  access: 'public',
  throttle: { ratePerSecond: 20, burst: 40 },
  body: () => z.strictObject({ qr: z.string().check(z.minLength(1), z.maxLength(4096)) }),
  responses: {
    200: { description: 'The outcome, and the claims of a genuine QR code', schema: () => z.object({ valid: z.boolean(), status: z.enum(['valid', 'tampered', 'revoked']), claims: z.optional(z.union([birthClaimsSchema(), permitPaperClaimsSchema(), acknowledgmentClaimsSchema()])), revokedAt: z.optional(z.string()) }) },
    400: problem,
    429: problem,
  },
});
