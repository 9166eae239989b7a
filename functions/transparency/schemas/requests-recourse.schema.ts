// zod schemas and route contracts of a request's delivery and the end of its recourse under /v1/transparency: the
// documents released with the answer, the refusal letter, the costs, the CDAI's decision and the court, the annual
// figures. The request's own routes are in transparency.schema.ts.
import * as z from 'zod/mini';
import { codeSchema } from '../../shared/http/common.schema.ts';
import { STORED_PAPER_RESPONSES } from '../../documents/public.ts';
import { KNOWN_CONTENT_TYPES } from '../../shared/files/file-content.ts';
import { decimalInteger } from '../../shared/http/decimal-integer.schema.ts';
import { pageSchema, paginationQuery } from '../../shared/http/pagination.ts';
import { PROBLEM_RESPONSE, defineRoute } from '../../shared/http/route-contract.ts';
import { safeFreeText, safeName } from '../../shared/text/safe-text.schema.ts';
import { CDAI_DECISIONS } from '../domain/recourse-end.ts';
import { SENDING_MODES } from '../domain/reproduction-costs.ts';
import { REFUSAL_GROUNDS } from '../domain/refusal-grounds.ts';
import { MAX_RELEASED_DOCUMENT_BYTES, MAX_RELEASED_DOCUMENTS } from '../domain/released-documents.ts';
import { releasedDocumentSchema } from './request-parts.schema.ts';
import { requestSchema } from './transparency.schema.ts';
import { lazyValue } from '../../shared/lazy-value.ts';

const TAGS = ['Transparency'];
const problem = PROBLEM_RESPONSE;
const responses = { 400: problem, 401: problem, 403: problem };
const requestId = lazyValue(() => z.strictObject({ id: z.uuid() }));
const documentId = lazyValue(() => z.strictObject({ id: z.uuid(), documentId: z.uuid() }));
const documentResponses = { 200: { description: 'The document', schema: releasedDocumentSchema }, ...responses, 404: problem, 409: problem, 422: problem };

export const declareReleasedDocumentRoute = defineRoute({
  operationId: 'declareReleasedDocument',
  method: 'POST',
  path: '/v1/transparency/requests/{id}/documents',
  summary: `An agent of the commune declares a document released with the answer (while the request is open, or once answered in full or in part), with its SHA-256, size and type: PDF, PNG, JPEG, TIFF, DOCX or ODT, 20 MiB at most, ${MAX_RELEASED_DOCUMENTS} a request. Answers where to upload it`,
  tags: TAGS,
  access: ['agent'],
  idempotent: true,
  params: requestId,
  body: () => z.strictObject({
    name: safeName({ max: 200 }).check(z.describe('The file name shown to the requester')),
    contentType: z.enum(KNOWN_CONTENT_TYPES),
    sizeBytes: z.int().check(z.gte(1), z.lte(MAX_RELEASED_DOCUMENT_BYTES), z.describe(`In bytes, at most ${MAX_RELEASED_DOCUMENT_BYTES} (20 MiB)`)),
    sha256: z.string().check(z.regex(/^[0-9a-fA-F]{64}$/, 'the SHA-256 of the file, 64 hexadecimal digits')),
  }),
  bodyExample: { name: 'Budget 2026.pdf', contentType: 'application/pdf', sizeBytes: 182_344, sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
  responses: {
    201: {
      description: 'The declared document, and where to upload it: PUT with the headers given (they are signed), within 15 minutes; then complete it',
      schema: () => z.object({ document: releasedDocumentSchema(), upload: z.object({ method: z.literal('PUT'), url: z.string(), headers: z.record(z.string(), z.string()), expiresAt: z.string() }) }),
    },
    ...responses,
    404: problem,
    409: problem,
    422: problem,
  },
});

export const completeReleasedDocumentRoute = defineRoute({
  operationId: 'completeReleasedDocument',
  method: 'POST',
  path: '/v1/transparency/requests/{id}/documents/{documentId}/complete',
  summary: 'The file is uploaded (the agent who declared it): it is stored only if it has the declared SHA-256 and size and its content is of the declared type; otherwise it is removed (422)',
  tags: TAGS,
  access: ['agent'],
  idempotent: true,
  params: documentId,
  responses: documentResponses,
});

export const readReleasedDocumentRoute = defineRoute({
  operationId: 'readReleasedDocument',
  method: 'GET',
  path: '/v1/transparency/requests/{id}/documents/{documentId}',
  summary:
    'A link valid for 5 minutes to a released document: for the requester once the answer (full or partial) is given and its costs paid, for the agents of the commune and auditors once stored; after the malware scan released it (409 `file-not-scanned-yet` before, 422 `file-quarantined`). Every read is logged',
  tags: TAGS,
  access: ['citizen', 'agent', 'auditor'],
  params: documentId,
  responses: { ...documentResponses, 200: { description: 'The document and a link to read it', schema: () => z.object({ document: releasedDocumentSchema(), url: z.string(), expiresAt: z.string() }) } },
});

export const releasedDocumentReadsRoute = defineRoute({
  operationId: 'releasedDocumentReads',
  method: 'GET',
  path: '/v1/transparency/requests/{id}/document-reads',
  summary: "Who was handed a link to which of the request's documents, and when, newest first: its requester, the agents of its commune, auditors",
  tags: TAGS,
  access: ['citizen', 'agent', 'auditor'],
  params: requestId,
  query: () => z.strictObject(paginationQuery),
  responses: {
    200: {
      description: 'A page of document reads',
      schema: () => pageSchema(
        z.object({
          requestId: z.uuid(),
          documentId: z.uuid(),
          by: z.object({ sub: z.string(), roles: z.array(z.string()) }),
          at: z.iso.datetime(),
          linkExpiresAt: z.iso.datetime().check(z.describe('Until when the link handed out worked')),
        }),
      ),
    },
    ...responses,
    404: problem,
  },
});

export const refusalLetterRoute = defineRoute({
  operationId: 'informationRefusalLetter',
  method: 'GET',
  path: '/v1/transparency/requests/{id}/refusal-letter',
  summary:
    "The signed refusal letter of a request refused or answered in part (PDF, Arabic and French): each ground from the law's list with its reason and, for a partial answer, the part withheld, and the recourse with its deadlines; a QR code verifiable offline and by `POST /v1/verify`. Issued just after the answer (404 until then, and for a full answer); read by whoever may read the request; revoked by the president of the commune (410 then)",
  tags: TAGS,
  access: ['citizen', 'agent', 'president', 'auditor'],
  params: requestId,
  responses: { 200: STORED_PAPER_RESPONSES[200], ...responses, 404: problem, 410: STORED_PAPER_RESPONSES[410] },
});

const chainChange = { 200: { description: 'The request as it now stands', schema: requestSchema }, ...responses, 404: problem, 409: problem, 422: problem };

export const cdaiDecisionRoute = defineRoute({
  operationId: 'recordInformationRequestCdaiDecision',
  method: 'POST',
  path: '/v1/transparency/requests/{id}/cdai-decision',
  summary:
    "The CDAI's decision on the complaint its pack was for, recorded by an agent of the commune or the requester who filed online: when the complaint was filed with it and when it decided; the period to appeal to the administrative court starts (default 60 days, unconfirmed)",
  tags: TAGS,
  access: ['citizen', 'agent'],
  idempotent: true,
  params: requestId,
  body: () => z.strictObject({
    outcome: z.enum(CDAI_DECISIONS).check(z.describe('`upheld`: the CDAI asks the body to give the information; `partly-upheld`; `dismissed`')),
    summary: safeFreeText({ max: 5000 }),
    complaintFiledOn: z.iso.date().check(z.describe('The Moroccan date the complaint was filed with the CDAI')),
    decidedOn: z.iso.date().check(z.describe("The Moroccan date of the CDAI's decision")),
  }),
  bodyExample: { outcome: 'upheld', summary: 'La Commission invite la commune à communiquer le détail des dépenses', complaintFiledOn: '2026-08-03', decidedOn: '2026-08-28' },
  responses: chainChange,
});

export const courtAppealRoute = defineRoute({
  operationId: 'recordInformationRequestCourtAppeal',
  method: 'POST',
  path: '/v1/transparency/requests/{id}/court-appeal',
  summary: "The appeal to the administrative court against the CDAI's decision, filed within its period (409 `recourse-period-passed` after), recorded by an agent of the commune or the requester who filed online",
  tags: TAGS,
  access: ['citizen', 'agent'],
  idempotent: true,
  params: requestId,
  body: () => z.strictObject({ court: safeName({ max: 200 }).check(z.describe('The administrative court seized')), filedOn: z.iso.date() }),
  bodyExample: { court: 'Tribunal administratif de Rabat', filedOn: '2026-09-15' },
  responses: chainChange,
});

export const closeRequestRoute = defineRoute({
  operationId: 'closeInformationRequest',
  method: 'POST',
  path: '/v1/transparency/requests/{id}/closure',
  summary: "An agent of the commune closes the recourse chain: after the court's judgment (its summary and date), or once the appeal period after the CDAI's decision passed with no appeal",
  tags: TAGS,
  access: ['agent'],
  idempotent: true,
  params: requestId,
  body: () => z.discriminatedUnion('reason', [
    z.strictObject({ reason: z.literal('judgment'), judgment: z.strictObject({ summary: safeFreeText({ max: 5000 }), on: z.iso.date() }) }),
    z.strictObject({ reason: z.literal('no-appeal') }),
  ]),
  bodyExample: { reason: 'no-appeal' },
  responses: chainChange,
});

const commune = codeSchema;
const centimes = lazyValue(() => z.int().check(z.gte(0), z.lte(10_000_000)));

const tariffSchema = lazyValue(() => z.object({
  commune: z.string(),
  perPaperPage: z.int().check(z.describe('Centimes of dirham for one page copied on paper')),
  perMedium: z.int().check(z.describe('Centimes of dirham for one file copied onto a medium the body provides')),
  sending: z.object({ post: z.int(), email: z.int() }).check(z.describe('Centimes of dirham for sending, by mode')),
  version: z.int().check(z.describe('0: no tariff set, nothing is charged')),
  updatedAt: z.optional(z.iso.datetime()),
  updatedBy: z.optional(z.object({ sub: z.string(), role: z.string() })),
}));

export const getTariffRoute = defineRoute({
  operationId: 'getInformationTariff',
  method: 'GET',
  path: '/v1/transparency/tariffs/{commune}',
  summary: "A commune's tariff of reproduction and sending costs (access is free but for them, Law 31-13 art. 5); no amount is confirmed by a text we found: the commune's data, nothing charged until set",
  tags: TAGS,
  access: 'public',
  params: () => z.strictObject({ commune }),
  responses: { 200: { description: 'The tariff in force', schema: tariffSchema }, 400: problem, 404: problem },
});

export const putTariffRoute = defineRoute({
  operationId: 'setInformationTariff',
  method: 'PUT',
  path: '/v1/transparency/tariffs/{commune}',
  summary: "An administrator sets a commune's tariff; the version before is kept in its history, and statements made later follow it",
  tags: TAGS,
  access: ['admin'],
  idempotent: true,
  params: () => z.strictObject({ commune }),
  body: () => z.strictObject({ perPaperPage: centimes(), perMedium: centimes(), sending: z.strictObject({ post: centimes(), email: centimes() }) }),
  bodyExample: { perPaperPage: 50, perMedium: 2000, sending: { post: 1500, email: 0 } },
  responses: { 200: { description: 'The tariff', schema: tariffSchema }, ...responses, 404: problem, 409: problem, 422: problem },
});

export const tariffHistoryRoute = defineRoute({
  operationId: 'informationTariffHistory',
  method: 'GET',
  path: '/v1/transparency/tariffs/{commune}/history',
  summary: "Every version of a commune's tariff, newest first: administrators, auditors, the commune's agents",
  tags: TAGS,
  access: ['admin', 'auditor', 'agent'],
  params: () => z.strictObject({ commune }),
  query: () => z.strictObject(paginationQuery),
  responses: { 200: { description: 'A page of tariff versions', schema: () => pageSchema(tariffSchema()) }, ...responses },
});

export const stateCostsRoute = defineRoute({
  operationId: 'stateInformationRequestCosts',
  method: 'POST',
  path: '/v1/transparency/requests/{id}/costs',
  summary:
    "An agent of the commune states the delivery's reproduction and sending costs from the commune's tariff in force, before delivery: shown on the request and told to the requester; the documents are released to them once paid (at once when nothing is due)",
  tags: TAGS,
  access: ['agent'],
  idempotent: true,
  params: requestId,
  body: () => z.strictObject({ paperPages: z.int().check(z.gte(0), z.lte(100_000)), media: z.int().check(z.gte(0), z.lte(100)), sending: z.enum(SENDING_MODES) }),
  bodyExample: { paperPages: 12, media: 0, sending: 'post' },
  responses: chainChange,
});

export const payCostsRoute = defineRoute({
  operationId: 'payInformationRequestCosts',
  method: 'POST',
  path: '/v1/transparency/requests/{id}/payment',
  summary: 'The requester who filed online pays the costs due, through the payment provider; a failed charge records nothing',
  tags: TAGS,
  access: ['citizen'],
  idempotent: true,
  params: requestId,
  responses: chainChange,
});

export const requestFiguresRoute = defineRoute({
  operationId: 'informationRequestFigures',
  method: 'GET',
  path: '/v1/transparency/figures/{commune}/{year}',
  summary:
    "The annual figures of a commune's access-to-information requests received in a year: requests, urgent ones, answers by outcome, the mean and median working days to answer, the grounds named by refusals and partial answers, extensions, implicit refusals, withdrawals. Kept by counters as the requests change; no personal data",
  tags: TAGS,
  access: 'public',
  params: () => z.strictObject({ commune, year: decimalInteger({ min: 2019, max: 2100 }).check(z.describe('The year of receipt (Law 31-13 is in force since 12 March 2019)')) }),
  responses: {
    200: {
      description: 'The figures',
      schema: () => z.object({
        commune: z.string(),
        year: z.int(),
        requests: z.int(),
        urgent: z.int(),
        answers: z.object({ full: z.int(), partial: z.int(), refused: z.int(), total: z.int() }),
        workingDaysToAnswer: z.object({ mean: z.nullable(z.number()), median: z.nullable(z.number()) }).check(z.describe('Working days from the day after receipt to the answer; null before any answer')),
        groundsNamed: z.record(z.enum(REFUSAL_GROUNDS), z.int()).check(z.describe('How many refusals and partial answers named each ground')),
        extensions: z.int(),
        implicitRefusals: z.int(),
        withdrawn: z.int(),
      }),
    },
    400: problem,
    404: problem,
  },
});
