// zod schemas and route contracts of the permits API.
import * as z from 'zod';
import { pageSchema, paginationQuery } from '../../shared/http/pagination.ts';
import { PROBLEM_RESPONSE, defineRoute } from '../../shared/http/route-contract.ts';
import { bilingualNameSchema } from '../../reference-data/schemas/reference-data.schema.ts';

const TAGS = ['Permits'];
const problem = PROBLEM_RESPONSE;
const code = z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, 'lower-case letters, digits and dashes');
const permitId = z.strictObject({ id: z.uuid() });
const text = (max: number) => z.string().trim().min(1).max(max);

export const PERMIT_STATUSES = ['filed', 'awaiting-documents', 'approved', 'rejected', 'deemed-approval-available', 'deemed-approved'] as const;

const clockSchema = z.object({
  receiptDate: z.iso.date(),
  period: z.object({ days: z.number().int(), unit: z.enum(['calendar', 'working']) }),
  suspensions: z.array(z.object({ from: z.iso.date(), to: z.iso.date().optional() })),
  extension: z.object({ days: z.number().int(), reason: z.string(), grantedOn: z.iso.date() }).optional(),
  dueDate: z.iso.date(),
  dueAt: z.string().describe('End of the due day in Africa/Casablanca, ISO 8601 with offset'),
  status: z.enum(['running', 'suspended', 'lapsed', 'stopped']),
  explanation: z.array(
    z.object({
      code: z.string(),
      date: z.string().optional(),
      from: z.string().optional(),
      to: z.string().optional(),
      days: z.number().optional(),
      text: z.object({ ar: z.string(), fr: z.string(), en: z.string() }),
    }),
  ),
});

export const permitSchema = z.object({
  id: z.uuid(),
  receiptNumber: z.string(),
  procedure: z.object({
    code: z.string(),
    names: bilingualNameSchema,
    category: z.enum(['urbanism', 'economic']),
    period: z.object({ days: z.number().int(), unit: z.enum(['calendar', 'working']) }),
    deemedApproval: z.enum(['on-request', 'automatic', 'none']),
  }),
  commune: z.object({ code: z.string(), names: bilingualNameSchema }),
  applicant: z.string(),
  project: z.object({ title: z.string(), address: z.string(), description: z.string().optional(), parcelReference: z.string().optional() }),
  status: z.enum(PERMIT_STATUSES),
  filedAt: z.string(),
  version: z.number().int(),
  clock: clockSchema,
  opinions: z.array(z.object({ by: z.string(), verdict: z.enum(['favorable', 'unfavorable', 'reserved']), comment: z.string(), at: z.string() })),
  documents: z.array(z.object({ name: z.string(), objectKey: z.string(), providedAt: z.string() })),
  documentRequest: z.object({ documents: z.array(z.string()), note: z.string() }).optional(),
  decision: z.object({ outcome: z.enum(['approved', 'rejected']), reasons: z.string(), by: z.string(), at: z.string() }).optional(),
  lapsedAt: z.string().optional(),
  deemedApproval: z.object({ invokedAt: z.string(), certificateNumber: z.string(), automatic: z.boolean() }).optional(),
});

const eventSchema = z.object({
  permitId: z.string(),
  version: z.number().int(),
  type: z.string(),
  at: z.string(),
  by: z.object({ sub: z.string(), role: z.string() }),
  statusBefore: z.enum(PERMIT_STATUSES).optional(),
  statusAfter: z.enum(PERMIT_STATUSES),
  clockBefore: z.object({ status: z.string(), dueDate: z.string() }).optional(),
  clockAfter: z.object({ status: z.string(), dueDate: z.string() }),
  details: z.record(z.string(), z.unknown()).optional(),
});

const permitResponses = { 200: { description: 'The permit as it now stands', schema: permitSchema }, 400: problem, 401: problem, 403: problem, 404: problem, 409: problem };

export const filePermitRoute = defineRoute({
  operationId: 'filePermit',
  method: 'POST',
  path: '/v1/permits',
  summary: 'File a permit application; the legal deadline starts the day after receipt',
  tags: TAGS,
  access: ['citizen'],
  idempotent: true,
  body: z.strictObject({
    procedure: code,
    commune: code,
    project: z.strictObject({
      title: text(200),
      address: text(300),
      description: text(4000).optional(),
      parcelReference: text(100).optional(),
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
  query: z.strictObject({ ...paginationQuery, status: z.enum(PERMIT_STATUSES).optional() }),
  responses: { 200: { description: 'A page of permits', schema: pageSchema(permitSchema) }, 400: problem, 401: problem, 403: problem },
});

export const permitHistoryRoute = defineRoute({
  operationId: 'permitHistory',
  method: 'GET',
  path: '/v1/permits/{id}/history',
  summary: 'Every change of the permit, oldest first: who, when, what, and the clock before and after',
  tags: TAGS,
  access: ['citizen', 'agent', 'commission', 'president'],
  params: permitId,
  query: z.strictObject(paginationQuery),
  responses: { 200: { description: 'A page of events', schema: pageSchema(eventSchema) }, 400: problem, 401: problem, 403: problem, 404: problem },
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
  body: z.strictObject({ documents: z.array(text(200)).min(1).max(20), note: text(2000) }),
  responses: permitResponses,
});

export const provideDocumentsRoute = defineRoute({
  operationId: 'providePermitDocuments',
  method: 'POST',
  path: '/v1/permits/{id}/documents',
  summary: 'Provide the requested documents: returns one upload URL per file, and the clock resumes',
  tags: TAGS,
  access: ['citizen'],
  idempotent: true,
  params: permitId,
  body: z.strictObject({
    documents: z
      .array(z.strictObject({ name: text(200), contentType: z.enum(['application/pdf', 'image/jpeg', 'image/png']) }))
      .min(1)
      .max(20),
  }),
  responses: {
    200: {
      description: 'The permit, and where to upload each file (PUT, within 15 minutes)',
      schema: z.object({ permit: permitSchema, uploads: z.array(z.object({ name: z.string(), objectKey: z.string(), url: z.string(), expiresAt: z.string() })) }),
    },
    400: problem,
    401: problem,
    403: problem,
    404: problem,
    409: problem,
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
  body: z.strictObject({ days: z.number().int().min(1).max(60), reason: text(2000) }),
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
  body: z.strictObject({ verdict: z.enum(['favorable', 'unfavorable', 'reserved']), comment: text(4000) }),
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
  body: z.strictObject({ outcome: z.enum(['approved', 'rejected']), reasons: text(4000) }),
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

export const permitStatsRoute = defineRoute({
  operationId: 'permitStats',
  method: 'GET',
  path: '/v1/stats/permits',
  summary: 'Files filed, decided in time, lapsed, deemed approval invoked and overdue now, against the same period a year earlier',
  tags: TAGS,
  access: ['agent', 'commission', 'president', 'auditor'],
  query: z.strictObject({ commune: code, from: z.iso.date(), to: z.iso.date() }),
  responses: {
    200: { description: 'The figures of the period and of the same period a year earlier', schema: z.record(z.string(), z.unknown()) },
    400: problem,
    401: problem,
    403: problem,
  },
});

export const listNotificationsRoute = defineRoute({
  operationId: 'listPermitNotifications',
  method: 'GET',
  path: '/v1/notifications',
  summary: "The applicant's notifications about their permits (documents requested, decision, deadline passed), newest first",
  tags: TAGS,
  access: ['citizen'],
  query: z.strictObject(paginationQuery),
  responses: {
    200: {
      description: 'A page of notifications',
      schema: pageSchema(
        z.object({
          permitId: z.string(),
          receiptNumber: z.string(),
          applicant: z.string(),
          type: z.enum(['documents-requested', 'decided', 'deadline-lapsed']),
          at: z.string(),
          message: bilingualNameSchema,
        }),
      ),
    },
    400: problem,
    401: problem,
    403: problem,
  },
});

const pdf = { description: 'PDF document, Arabic and French', contentType: 'application/pdf' };

export const permitReceiptRoute = defineRoute({
  operationId: 'permitReceipt',
  method: 'GET',
  path: '/v1/permits/{id}/receipt',
  summary: "The filing receipt (récépissé), the applicant's proof for invoking silence",
  tags: TAGS,
  access: ['citizen', 'agent', 'commission', 'president'],
  params: permitId,
  responses: { 200: pdf, 400: problem, 401: problem, 403: problem, 404: problem },
});

export const permitCertificateRoute = defineRoute({
  operationId: 'permitCertificate',
  method: 'GET',
  path: '/v1/permits/{id}/certificate',
  summary: 'The deemed-approval certificate, once deemed approval is invoked (409 before)',
  tags: TAGS,
  access: ['citizen', 'agent', 'commission', 'president'],
  params: permitId,
  responses: { 200: pdf, 400: problem, 401: problem, 403: problem, 404: problem, 409: problem },
});
