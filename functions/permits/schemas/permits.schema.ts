// zod schemas and route contracts of the permits API.
import * as z from 'zod/mini';
import { codeSchema } from '../../shared/http/common.schema.ts';
import { pageSchema, paginationQuery } from '../../shared/http/pagination.ts';
import { STORED_PAPER_RESPONSES } from '../../documents/public.ts';
import { PROBLEM_RESPONSE, defineRoute } from '../../shared/http/route-contract.ts';
import { bilingualNameSchema } from '../../shared/i18n/bilingual-name.schema.ts';
import { SCOPE_LEVELS } from '../domain/permit-figures.ts';
import { safeFreeText, safeIdentifier, safeName } from '../../shared/text/safe-text.schema.ts';
import { lazyValue } from '../../shared/lazy-value.ts';

const TAGS = ['Permits'];
const problem = PROBLEM_RESPONSE;
const code = codeSchema;
const permitId = lazyValue(() => z.strictObject({ id: z.uuid() }));
const permitDocumentId = lazyValue(() => z.strictObject({ id: z.uuid(), documentId: z.uuid() }));
/** A title, an address or a document's name: one line, no invisible or control character. */
const line = (max: number) => safeName({ max });
/** A note, a reason, a comment: line breaks allowed, no invisible or control character. */
const text = (max: number) => safeFreeText({ max });

export const PERMIT_STATUSES = ['filed', 'awaiting-documents', 'approved', 'rejected', 'deemed-approval-available', 'deemed-approved'] as const;

const clockSchema = lazyValue(() => z.object({
  receiptDate: z.iso.date(),
  period: z.object({ days: z.int(), unit: z.enum(['calendar', 'working']) }),
  suspensions: z.array(
    z.object({
      from: z.iso.date(),
      to: z.optional(z.iso.date()),
      startedAt: z.string().check(z.describe('When the documents were requested')),
      endedAt: z.optional(z.string()).check(z.describe('The instant the last requested document was verified present: the legal end of the suspension')),
    }),
  ),
  extension: z.optional(z.object({ days: z.int(), reason: z.string(), grantedOn: z.iso.date() })),
  dueDate: z.iso.date(),
  dueAt: z.string().check(z.describe('End of the due day in Africa/Casablanca, ISO 8601 with offset')),
  status: z.enum(['running', 'suspended', 'lapsed', 'stopped']),
  explanation: z.optional(z.array(
    z.object({
      code: z.string(),
      date: z.optional(z.string()),
      from: z.optional(z.string()),
      to: z.optional(z.string()),
      days: z.optional(z.number()),
      text: z.object({ ar: z.string(), fr: z.string(), en: z.string() }),
    }),
  )).check(z.describe('How the deadline was counted, in Arabic, French and English; given by the reads (GET /v1/permits/{id}, lists), not by the changes')),
}));

const documentSchema = lazyValue(() => z.object({
  id: z.uuid(),
  name: z.string().check(z.describe('The requested document it answers')),
  contentType: z.string(),
  sha256: z.string(),
  status: z.enum(['awaiting-upload', 'verified']).check(z.describe('Only a verified file counts as provided')),
  declaredAt: z.string(),
  verifiedAt: z.optional(z.string()),
  sizeBytes: z.optional(z.int()),
}));

export const permitSchema = lazyValue(() => z.object({
  id: z.uuid(),
  receiptNumber: z.string(),
  procedure: z.object({
    code: z.string(),
    names: bilingualNameSchema,
    category: z.enum(['urbanism', 'economic']),
    period: z.object({ days: z.int(), unit: z.enum(['calendar', 'working']) }),
    deemedApproval: z.enum(['on-request', 'automatic', 'none']),
  }),
  commune: z.object({ code: z.string(), names: bilingualNameSchema }),
  applicant: z.string(),
  project: z.object({ title: z.string(), address: z.string(), description: z.optional(z.string()), parcelReference: z.optional(z.string()) }),
  status: z.enum(PERMIT_STATUSES),
  filedAt: z.string(),
  version: z.int(),
  clock: clockSchema(),
  opinions: z.array(z.object({ by: z.string(), verdict: z.enum(['favorable', 'unfavorable', 'reserved']), comment: z.string(), at: z.string() })),
  documents: z.array(documentSchema()),
  documentRequest: z.optional(z.object({ documents: z.array(z.string()), note: z.string(), requestedAt: z.string(), uploads: z.array(documentSchema()) })),
  decision: z.optional(z.object({ outcome: z.enum(['approved', 'rejected']), reasons: z.string(), by: z.string(), at: z.string() })),
  lapsedAt: z.optional(z.string()),
  deemedApproval: z.optional(z.object({ invokedAt: z.string(), certificateNumber: z.string(), automatic: z.boolean() })),
}));

const eventSchema = lazyValue(() => z.object({
  permitId: z.string(),
  version: z.int(),
  type: z.string(),
  at: z.string(),
  by: z.object({ sub: z.string(), role: z.string() }),
  statusBefore: z.optional(z.enum(PERMIT_STATUSES)),
  statusAfter: z.enum(PERMIT_STATUSES),
  clockBefore: z.optional(z.object({ status: z.string(), dueDate: z.string() })),
  clockAfter: z.object({ status: z.string(), dueDate: z.string() }),
  details: z.optional(z.record(z.string(), z.unknown())),
}));

const permitResponses = { 200: { description: "The permit as it now stands (its clock's explanation: GET /v1/permits/{id})", schema: permitSchema }, 400: problem, 401: problem, 403: problem, 404: problem, 409: problem };

export const filePermitRoute = defineRoute({
  operationId: 'filePermit',
  method: 'POST',
  path: '/v1/permits',
  summary: 'File a permit application; the legal deadline starts the day after receipt',
  tags: TAGS,
  access: ['citizen'],
  idempotent: true,
  body: () => z.strictObject({
    procedure: code,
    commune: code,
    project: z.strictObject({
      title: line(200),
      address: line(300),
      description: z.optional(text(4000)),
      parcelReference: z.optional(safeIdentifier({ max: 100 })),
    }),
  }),
  responses: { 201: { description: 'The filed permit, with its receipt number and clock', schema: permitSchema }, 400: problem, 401: problem, 403: problem },
});

export const getPermitRoute = defineRoute({
  operationId: 'getPermit',
  method: 'GET',
  path: '/v1/permits/{id}',
  summary: 'A permit with its clock: due date, due instant, status and a readable explanation',
  tags: TAGS,
  access: ['citizen', 'agent', 'commission', 'president'],
  params: permitId,
  responses: { 200: { description: 'The permit', schema: permitSchema }, 400: problem, 401: problem, 403: problem, 404: problem },
});

export const listPermitsRoute = defineRoute({
  operationId: 'listPermits',
  method: 'GET',
  path: '/v1/permits',
  summary: "Citizens: their own files. Staff: their commune's files, newest first, filterable by status",
  tags: TAGS,
  access: ['citizen', 'agent', 'commission', 'president'],
  query: () => z.strictObject({ ...paginationQuery, status: z.optional(z.enum(PERMIT_STATUSES)) }),
  responses: { 200: { description: 'A page of permits', schema: () => pageSchema(permitSchema()) }, 400: problem, 401: problem, 403: problem },
});

export const permitHistoryRoute = defineRoute({
  operationId: 'permitHistory',
  method: 'GET',
  path: '/v1/permits/{id}/history',
  summary: 'Every change of the permit, oldest first: who, when, what, and the clock before and after',
  tags: TAGS,
  access: ['citizen', 'agent', 'commission', 'president'],
  params: permitId,
  query: () => z.strictObject(paginationQuery),
  responses: { 200: { description: 'A page of events', schema: () => pageSchema(eventSchema()) }, 400: problem, 401: problem, 403: problem, 404: problem },
});

export const requestDocumentsRoute = defineRoute({
  operationId: 'requestPermitDocuments',
  method: 'POST',
  path: '/v1/permits/{id}/suspensions',
  summary: 'Request documents from the applicant; the clock stops until they are provided',
  tags: TAGS,
  access: ['agent'],
  idempotent: true,
  params: permitId,
  body: () => z.strictObject({ documents: z.array(line(200)).check(z.minLength(1), z.maxLength(20)), note: text(2000) }),
  responses: permitResponses,
});

export const provideDocumentsRoute = defineRoute({
  operationId: 'providePermitDocuments',
  method: 'POST',
  path: '/v1/permits/{id}/documents',
  summary: 'Declare the files answering a documents request, each with its SHA-256: one upload URL per file; the clock stays stopped until they are verified',
  tags: TAGS,
  access: ['citizen'],
  idempotent: true,
  params: permitId,
  body: () => z.strictObject({
    documents: z.array(
        z.strictObject({
          name: line(200).check(z.describe('The requested document this file answers')),
          contentType: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
          sha256: z.string().check(z.regex(/^[0-9a-fA-F]{64}$/, 'the SHA-256 of the file, 64 hexadecimal digits')),
        }),
      ).check(z.minLength(1), z.maxLength(20)),
  }),
  responses: {
    200: {
      description: 'The permit, and where to upload each file (PUT with the headers given, within 15 minutes); then complete each upload',
      schema: () => z.object({
        permit: permitSchema(),
        uploads: z.array(
          z.object({ documentId: z.uuid(), name: z.string(), method: z.literal('PUT'), url: z.string(), headers: z.record(z.string(), z.string()), expiresAt: z.string() }),
        ),
      }),
    },
    400: problem,
    401: problem,
    403: problem,
    404: problem,
    409: problem,
  },
});

export const completeDocumentRoute = defineRoute({
  operationId: 'completePermitDocument',
  method: 'POST',
  path: '/v1/permits/{id}/documents/{documentId}/complete',
  summary: 'The file is uploaded: it counts only if it matches its declared SHA-256; the last requested document resumes the clock',
  tags: TAGS,
  access: ['citizen'],
  idempotent: true,
  params: permitDocumentId,
  responses: { ...permitResponses, 422: problem },
});

export const readDocumentRoute = defineRoute({
  operationId: 'readPermitDocument',
  method: 'GET',
  path: '/v1/permits/{id}/documents/{documentId}',
  summary:
    "A verified document of the applicant, as a link valid for 5 minutes, once the malware scan found it clean (409 `file-not-scanned-yet` before, 422 `file-quarantined` after a threat); every read is logged in the permit's access log",
  tags: TAGS,
  access: ['agent', 'commission', 'president'],
  params: permitDocumentId,
  responses: {
    200: { description: 'The document and a link to read it', schema: () => z.object({ document: documentSchema(), url: z.string(), expiresAt: z.string() }) },
    400: problem,
    401: problem,
    403: problem,
    404: problem,
    409: problem,
    422: problem,
  },
});

export const permitAccessLogRoute = defineRoute({
  operationId: 'permitAccessLog',
  method: 'GET',
  path: '/v1/permits/{id}/access-log',
  summary: "Who was handed a link to which of the permit's documents, and when, newest first",
  tags: TAGS,
  access: ['citizen', 'agent', 'commission', 'president'],
  params: permitId,
  query: () => z.strictObject(paginationQuery),
  responses: {
    200: {
      description: 'A page of document reads',
      schema: () => pageSchema(
        z.object({
          permitId: z.string(),
          documentId: z.string(),
          name: z.string(),
          by: z.object({ sub: z.string(), role: z.string() }),
          at: z.string(),
          linkExpiresAt: z.string(),
        }),
      ),
    },
    400: problem,
    401: problem,
    403: problem,
    404: problem,
  },
});

export const extendDeadlineRoute = defineRoute({
  operationId: 'extendPermitDeadline',
  method: 'POST',
  path: '/v1/permits/{id}/extensions',
  summary: 'Extend the deadline once, before it passes, by at most the original period',
  tags: TAGS,
  access: ['agent'],
  idempotent: true,
  params: permitId,
  body: () => z.strictObject({ days: z.int().check(z.gte(1), z.lte(60)), reason: text(2000) }),
  responses: permitResponses,
});

export const giveOpinionRoute = defineRoute({
  operationId: 'givePermitOpinion',
  method: 'POST',
  path: '/v1/permits/{id}/opinions',
  summary: "A commission member's opinion",
  tags: TAGS,
  access: ['commission'],
  idempotent: true,
  params: permitId,
  body: () => z.strictObject({ verdict: z.enum(['favorable', 'unfavorable', 'reserved']), comment: text(4000) }),
  responses: permitResponses,
});

export const decidePermitRoute = defineRoute({
  operationId: 'decidePermit',
  method: 'POST',
  path: '/v1/permits/{id}/decision',
  summary: "The president's decision; after the deadline it is refused (409): the silence already decided",
  tags: TAGS,
  access: ['president'],
  idempotent: true,
  params: permitId,
  body: () => z.strictObject({ outcome: z.enum(['approved', 'rejected']), reasons: text(4000) }),
  responses: permitResponses,
});

export const invokeDeemedApprovalRoute = defineRoute({
  operationId: 'invokeDeemedApproval',
  method: 'POST',
  path: '/v1/permits/{id}/deemed-approval',
  summary: 'Invoke deemed approval once the deadline has passed in silence; the certificate is then issued',
  tags: TAGS,
  access: ['citizen'],
  idempotent: true,
  params: permitId,
  responses: permitResponses,
});

const countersSchema = lazyValue(() => z.object({ filed: z.int(), decidedInTime: z.int(), lapsed: z.int(), deemedApprovalInvoked: z.int() }));
const changePercentSchema = lazyValue(() => z.object({
  filed: z.nullable(z.number()),
  decidedInTime: z.nullable(z.number()),
  lapsed: z.nullable(z.number()),
  deemedApprovalInvoked: z.nullable(z.number()),
}));
const scopeLevelSchema = lazyValue(() => z.enum(SCOPE_LEVELS));
const figureRowSchema = lazyValue(() => z.extend(countersSchema(), {
  level: scopeLevelSchema(),
  code: z.optional(z.string()),
  names: z.optional(bilingualNameSchema),
  procedure: z.optional(z.string()),
  overdueNow: z.int(),
  previousYear: countersSchema(),
  changePercent: changePercentSchema(),
}));

export const permitFiguresSchema = lazyValue(() => z.extend(countersSchema(), {
  scope: z.object({ level: scopeLevelSchema(), code: z.optional(z.string()), names: z.optional(bilingualNameSchema) }),
  commune: z.optional(z.string()).check(z.describe('The commune, at the commune level')),
  from: z.iso.date(),
  to: z.iso.date(),
  overdueNow: z.int(),
  previousYear: z.extend(countersSchema(), { from: z.iso.date(), to: z.iso.date() }),
  changePercent: changePercentSchema(),
  byProcedure: z.array(figureRowSchema()),
  breakdown: z.array(figureRowSchema()).check(z.describe('Regions of the country, provinces of a region, communes of a province')),
}));

export const permitStatsRoute = defineRoute({
  operationId: 'permitStats',
  method: 'GET',
  path: '/v1/stats/permits',
  summary:
    'Files filed, decided in time, lapsed, deemed approval invoked and overdue now, against the same period a year earlier; for a commune (its staff; admin, auditor), a province or region (`province=`, `region=`) or the country (neither; admin, auditor); by procedure and one level down. CSV with `format=csv` or `Accept: text/csv`',
  tags: TAGS,
  access: ['agent', 'commission', 'president', 'admin', 'auditor'],
  query: () => z.strictObject({
    commune: z.optional(code),
    province: z.optional(code),
    region: z.optional(code),
    from: z.iso.date(),
    to: z.iso.date(),
    format: z.optional(z.enum(['json', 'csv'])).check(z.describe('Overrides the Accept header')),
  }),
  responses: {
    200: {
      description: 'The figures of the period and of the same period a year earlier (JSON; or text/csv, one row per line of figures)',
      schema: permitFiguresSchema,
      alsoAs: ['text/csv'],
    },
    400: problem,
    401: problem,
    403: problem,
    404: problem,
  },
});



export const permitReceiptRoute = defineRoute({
  operationId: 'permitReceipt',
  method: 'GET',
  path: '/v1/permits/{id}/receipt',
  summary:
    "The filing receipt (récépissé), the applicant's proof for invoking silence: the due date and how it was counted, the applicant, the project and parcel, and a signed QR code (`POST /v1/verify`); issued and stored on filing",
  tags: TAGS,
  access: ['citizen', 'agent', 'commission', 'president'],
  params: permitId,
  responses: { 200: STORED_PAPER_RESPONSES[200], 400: problem, 401: problem, 403: problem, 404: problem, 410: STORED_PAPER_RESPONSES[410] },
});

export const permitCertificateRoute = defineRoute({
  operationId: 'permitCertificate',
  method: 'GET',
  path: '/v1/permits/{id}/certificate',
  summary:
    'The deemed-approval certificate, once the permit is approved by silence (409 before): signed QR code, verifiable like any document, revocable by the commune president (410 then)',
  tags: TAGS,
  access: ['citizen', 'agent', 'commission', 'president'],
  params: permitId,
  responses: { 200: STORED_PAPER_RESPONSES[200], 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 410: STORED_PAPER_RESPONSES[410] },
});
