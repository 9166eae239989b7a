// zod schemas and route contracts of the disclosure log under /v1/transparency: an agent publishes an answered
// request whose requester consented; anyone reads a commune's log.
import * as z from 'zod/mini';
import { codeSchema } from '../../shared/http/common.schema.ts';
import { pageSchema, paginationQuery } from '../../shared/http/pagination.ts';
import { PROBLEM_RESPONSE, defineRoute } from '../../shared/http/route-contract.ts';
import { safeFreeText } from '../../shared/text/safe-text.schema.ts';
import { MAX_RELEASED_DOCUMENTS } from '../domain/released-documents.ts';
import { disclosedDocumentSchema, disclosureEntrySchema } from './request-parts.schema.ts';
import { requestSchema } from './transparency.schema.ts';

const TAGS = ['Transparency'];
const problem = PROBLEM_RESPONSE;

export const discloseRequestRoute = defineRoute({
  operationId: 'discloseInformationRequest',
  method: 'POST',
  path: '/v1/transparency/requests/{id}/disclosure',
  summary:
    "An agent of its commune publishes a request answered in full or in part, whose requester consented, in the commune's disclosure log: once, with a summary written without personal data (refused with 400 when it carries the requester's name, document number or e-mail) and the released documents named",
  tags: TAGS,
  access: ['agent'],
  idempotent: true,
  params: () => z.strictObject({ id: z.uuid() }),
  body: () => z.strictObject({
    summary: safeFreeText({ max: 5000 }).check(z.describe('The request and its answer as the commune publishes them, with no personal data')),
    documentIds: z._default(z.array(z.uuid()).check(z.maxLength(MAX_RELEASED_DOCUMENTS)), []).check(z.describe('Released documents of the request to publish with it (stored, cleared by the malware scan)')),
  }),
  bodyExample: { summary: "Demande du budget d'éclairage public 2026 de la commune ; communiqué en entier.", documentIds: [] },
  responses: { 200: { description: 'The request as it now stands', schema: requestSchema }, 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem },
});

export const disclosureLogRoute = defineRoute({
  operationId: 'disclosureLog',
  method: 'GET',
  path: '/v1/transparency/disclosure-log/{commune}',
  summary: "A commune's disclosure log, newest published first: requests answered and published with their requesters' consent, nothing of the requesters",
  tags: TAGS,
  access: 'public',
  params: () => z.strictObject({ commune: codeSchema }),
  query: () => z.strictObject(paginationQuery),
  responses: { 200: { description: 'A page of entries', schema: () => pageSchema(disclosureEntrySchema()) }, 400: problem },
});

export const disclosedDocumentRoute = defineRoute({
  operationId: 'disclosedDocument',
  method: 'GET',
  path: '/v1/transparency/disclosure-log/{commune}/{requestId}/documents/{documentId}',
  summary: "A document published with a request in the commune's disclosure log, for anyone: a link to download it (5 minutes), as stored, with the SHA-256 the entry gives",
  tags: TAGS,
  access: 'public',
  params: () => z.strictObject({ commune: codeSchema, requestId: z.uuid(), documentId: z.uuid() }),
  responses: {
    200: {
      description: 'The document as the entry lists it, and a link to it',
      schema: () => z.object({ document: disclosedDocumentSchema(), url: z.string(), expiresAt: z.iso.datetime() }),
    },
    400: problem,
    404: problem,
  },
});
