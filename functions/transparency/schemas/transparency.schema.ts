// zod schemas and route contracts of the transparency API (Law 31-13) under /v1/transparency: access-to-information
// requests.
import * as z from 'zod/mini';
import { actorSchema, codeSchema } from '../../shared/http/common.schema.ts';
import { caseClockSchema } from '../../shared/case-clock/case-clock-view.schema.ts';
import { pageSchema, paginationQuery } from '../../shared/http/pagination.ts';
import { PROBLEM_RESPONSE, defineRoute } from '../../shared/http/route-contract.ts';
import { safeFreeText, safeIdentifier, safeName } from '../../shared/text/safe-text.schema.ts';
import { CHANNELS, FORMATS, IDENTITY_DOCUMENTS, NOTICE_CHANNELS, REQUEST_EVENT_TYPES, REQUEST_STATUSES } from '../domain/information-request.ts';
import { GROUNDS_STATED_BY_REASON } from '../domain/refusal-grounds.ts';
import { cdaiDecisionSchema, closureSchema, costStatementSchema, courtAppealSchema, disclosureEntrySchema, releasedDocumentSchema } from './request-parts.schema.ts';
import { lazyValue } from '../../shared/lazy-value.ts';

const TAGS = ['Transparency'];
const problem = PROBLEM_RESPONSE;
const commune = codeSchema;
const requestId = lazyValue(() => z.strictObject({ id: z.uuid() }));
const reason = lazyValue(() => safeFreeText({ max: 2000 }));
const localized = lazyValue(() => z.object({ ar: z.string(), fr: z.string(), en: z.string() }));
const receivedAt = lazyValue(() => z.string().check(z.describe('When the body received it, to the second, in Africa/Casablanca with its offset: the start of its clock')));

const requesterSchema = lazyValue(() => z.strictObject({
  name: safeName({ max: 200 }).check(z.describe('Surname and first name')),
  address: safeName({ max: 300 }),
  identityDocument: z.strictObject({
    kind: z.enum(IDENTITY_DOCUMENTS).check(z.describe("`cnie` for a Moroccan citizen, `residence-card` for a foreigner legally resident")),
    number: safeIdentifier({ max: 20, pattern: { regex: /^[A-Z]{1,2}[0-9]{3,8}$/, message: 'one or two capital letters then digits, e.g. AB123456' } }),
  }),
  email: z.optional(z.email().check(z.maxLength(254))),
}));

const asked = lazyValue(() => ({
  requester: requesterSchema(),
  information: safeFreeText({ max: 5000 }).check(z.describe('The information wanted')),
  format: z.enum(FORMATS).check(z.describe('The form in which it is wanted')),
  urgency: z.optional(z.strictObject({ justification: safeFreeText({ max: 2000 }) })).check(z.describe("Only for an urgent request: why the information is needed to protect a person's life, safety or freedom (answered within 3 working days)")),
  disclosureConsent: z.optional(z.boolean()).check(z.describe("The requester consents to the request and its answer being published in the commune's disclosure log once answered, with no personal data (no by default)")),
}));

const groundSchema = lazyValue(() => z.discriminatedUnion('ground', [
  z.strictObject({ ground: z.enum(GROUNDS_STATED_BY_REASON), reason: reason() }),
  z.strictObject({ ground: z.literal('already-published'), reason: reason(), link: z.url({ protocol: /^https?$/ }).check(z.maxLength(2000), z.describe('Where the information is published')) }),
  z.strictObject({ ground: z.literal('repeated-within-year'), reason: reason(), earlierRequestId: z.uuid().check(z.describe("The requester's earlier request for the same information")) }),
]));

const answerBody = lazyValue(() => z.discriminatedUnion('outcome', [
  z.strictObject({ outcome: z.literal('full'), summary: safeFreeText({ max: 10_000 }), format: z.enum(FORMATS) }),
  z.strictObject({
    outcome: z.literal('partial'),
    summary: safeFreeText({ max: 10_000 }),
    format: z.enum(FORMATS),
    withheld: z.array(z.strictObject({ part: safeFreeText({ max: 1000 }), grounds: z.array(groundSchema()).check(z.minLength(1), z.maxLength(7)) })).check(z.minLength(1), z.maxLength(50)),
  }),
  z.strictObject({ outcome: z.literal('refused'), grounds: z.array(groundSchema()).check(z.minLength(1), z.maxLength(7)) }),
]));

const periodSchema = lazyValue(() => z.strictObject({ days: z.int().check(z.gte(1), z.lte(60)), extensionDays: z.int().check(z.gte(1), z.lte(60)) }));

const recoursePeriodsSchema = lazyValue(() => z.strictObject({
  complaintFilingDays: z.int().check(z.gte(1), z.lte(60), z.describe('Working days to complain to the head of the body (default 20, unconfirmed)')),
  complaintAnswerDays: z.int().check(z.gte(1), z.lte(60), z.describe('Working days the head has to answer (default 15, unconfirmed)')),
  cdaiDecisionDays: z.optional(z.int().check(z.gte(1), z.lte(365))).check(z.describe('Calendar days the CDAI has to decide from the complaint filed with it (default 30, unconfirmed)')),
  courtAppealDays: z.optional(z.int().check(z.gte(1), z.lte(365))).check(z.describe("Calendar days to appeal the CDAI's decision to the administrative court (default 60, unconfirmed)")),
  reminderWorkingDays: z.optional(z.int().check(z.gte(0), z.lte(60))).check(z.describe("Working days before the end of the head's answer period at which the head is reminded (default 3)")),
}));

/** A clock as stored in a step of the recourse (its facts and count, without the read's status and explanation). */
const storedClockSchema = lazyValue(() => z.omit(caseClockSchema, { status: true, explanation: true }));

const cdaiDeadlineSchema = lazyValue(() => z.object({ dueDate: z.iso.date(), dueAt: z.string(), days: z.int().check(z.describe('30 calendar days from the head of the body answering or its deadline passing')) }));

const withAnswerInstant = lazyValue(() => ({ at: z.iso.datetime(), by: actorSchema }));

export const requestSchema = lazyValue(() => z.object({
  id: z.uuid(),
  commune: z.string(),
  channel: z.enum(CHANNELS),
  receivedAt: receivedAt(),
  requester: z.optional(requesterSchema()).check(z.describe('Absent on a request handed over by the registry office: its letter names the requester')),
  filedBy: z.optional(z.string()).check(z.describe('The signed-in citizen who filed it online')),
  information: z.optional(z.string()),
  format: z.optional(z.enum(FORMATS)),
  urgency: z.optional(z.object({ justification: z.string() })),
  registryLetter: z.optional(z.object({ letterId: z.uuid(), number: z.string() })).check(z.describe('The registry office letter it was opened from')),
  status: z.enum(REQUEST_STATUSES),
  answerPeriod: periodSchema().check(z.describe("The commune's period for such a request when it opened, in working days, and its one extension")),
  recoursePeriods: recoursePeriodsSchema().check(z.describe("The commune's recourse periods when it opened (unconfirmed defaults)")),
  clarificationSuspendsClock: z.boolean().check(z.describe("The commune's rule when it opened: whether a clarification stops the clock")),
  clock: caseClockSchema,
  clarifications: z.optional(z.array(z.object({ question: z.string(), askedAt: z.iso.datetime(), askedBy: actorSchema, suspendsClock: z.boolean(), reply: z.optional(z.string()), repliedAt: z.optional(z.iso.datetime()), repliedBy: z.optional(actorSchema) }))).check(z.describe('Oldest first; at most the last waits for its reply')),
  extensionNotice: z.optional(z.object({ reason: z.string(), channel: z.enum(NOTICE_CHANNELS), at: z.iso.datetime(), by: actorSchema })),
  answer: z.optional(z.discriminatedUnion('outcome', [
      z.object({ outcome: z.literal('full'), summary: z.string(), format: z.enum(FORMATS), ...withAnswerInstant() }),
      z.object({ outcome: z.literal('partial'), summary: z.string(), format: z.enum(FORMATS), withheld: z.array(z.object({ part: z.string(), grounds: z.array(groundSchema()) })), ...withAnswerInstant() }),
      z.object({ outcome: z.literal('refused'), grounds: z.array(groundSchema()), ...withAnswerInstant() }),
    ])),
  withdrawal: z.optional(z.object({ at: z.iso.datetime(), reason: z.optional(z.string()) })),
  lapsedAt: z.optional(z.iso.datetime()).check(z.describe('When the silence at expiry was recorded: the request is implicitly refused')),
  internalComplaint: z.optional(z.object({
      reason: z.string(),
      filedAt: z.iso.datetime(),
      by: actorSchema,
      filingDueAt: z.string().check(z.describe('The end of the filing period it was filed within')),
      answerClock: storedClockSchema().check(z.describe("The head's period to answer, in working days from the filing")),
      answer: z.optional(z.object({ text: z.string(), at: z.iso.datetime(), by: actorSchema })),
      remindAt: z.optional(z.string()).check(z.describe('When the head of the body is reminded of it')),
      remindedAt: z.optional(z.iso.datetime()),
    })).check(z.describe('The complaint to the head of the body, and its answer')),
  cdaiPack: z.optional(z.object({ issuedAt: z.iso.datetime(), filingDeadline: cdaiDeadlineSchema() })),
  releasedDocuments: z.optional(z.array(releasedDocumentSchema())).check(z.describe('The documents released with the answer, in the order declared')),
  costs: z.optional(costStatementSchema()).check(z.describe('The reproduction and sending costs shown to the requester before delivery')),
  cdaiDecision: z.optional(cdaiDecisionSchema()).check(z.describe("The CDAI's decision, as recorded")),
  courtAppeal: z.optional(courtAppealSchema()).check(z.describe('The appeal to the administrative court, and its judgment')),
  closure: z.optional(closureSchema()).check(z.describe('The end of the recourse chain')),
  disclosureConsent: z.optional(z.boolean()).check(z.describe('Its requester consents to its publication in the disclosure log')),
  disclosure: z.optional(disclosureEntrySchema()).check(z.describe('Its entry in the disclosure log, once published')),
  recourse: z.optional(localized()).check(z.describe('After a refusal, a partial answer or the silence at expiry: what the requester can do next')),
  openedBy: actorSchema,
  version: z.int(),
}));

const requestEventSchema = lazyValue(() => z.object({
  requestId: z.uuid(),
  version: z.int(),
  type: z.enum(REQUEST_EVENT_TYPES),
  at: z.iso.datetime(),
  by: actorSchema,
  statusBefore: z.optional(z.enum(REQUEST_STATUSES)),
  statusAfter: z.enum(REQUEST_STATUSES),
  details: z.optional(z.record(z.string(), z.unknown())),
}));

const summarySchema = lazyValue(() => z.object({
  id: z.uuid(),
  commune: z.string(),
  channel: z.enum(CHANNELS),
  status: z.enum(REQUEST_STATUSES),
  receivedAt: receivedAt(),
  urgent: z.boolean(),
  dueDate: z.iso.date(),
  dueAt: z.string(),
}));

const EXAMPLE_REQUEST_BODY = {
  commune: 'rabat',
  requester: { name: 'Salma El Alaoui', address: '12, rue Oued Ziz, Agdal, Rabat', identityDocument: { kind: 'cnie', number: 'AB123456' }, email: 'salma@example.ma' },
  information: 'Le budget 2026 de la commune et le détail des dépenses de voirie',
  format: 'electronic',
} as const;

const responses = { 400: problem, 401: problem, 403: problem };
const requestResponse = { description: 'The request as it now stands, its clock explained', schema: requestSchema };
const changeResponses = { 200: requestResponse, ...responses, 404: problem, 409: problem, 422: problem };

export const fileRequestRoute = defineRoute({
  operationId: 'fileInformationRequest',
  method: 'POST',
  path: '/v1/transparency/requests',
  summary: 'A signed-in citizen asks a collectivity for information it holds (Law 31-13): received at once, to be answered within 20 working days (urgent: 3)',
  tags: TAGS,
  access: ['citizen'],
  idempotent: 'by-use-case',
  body: () => z.strictObject({ commune, ...asked() }),
  bodyExample: EXAMPLE_REQUEST_BODY,
  responses: { 201: { description: 'The request, received, with its clock', schema: requestSchema }, ...responses, 404: problem, 422: problem },
});

export const registerRequestRoute = defineRoute({
  operationId: 'registerInformationRequest',
  method: 'POST',
  path: '/v1/transparency/registered-requests',
  summary: "An agent of the commune registers a request received at the counter, by post or by e-mail, with the receipt instant on its acknowledgment: its clock starts there",
  tags: TAGS,
  access: ['agent'],
  idempotent: 'by-use-case',
  body: () => z.strictObject({ channel: z.enum(['counter', 'post', 'email']), receivedAt: z.iso.datetime({ offset: true }).check(z.describe('The instant on the receipt given to the requester')), ...asked() }),
  bodyExample: { channel: 'post', receivedAt: '2026-01-05T10:00:00+01:00', requester: EXAMPLE_REQUEST_BODY.requester, information: EXAMPLE_REQUEST_BODY.information, format: 'paper-copy' },
  responses: { 201: { description: 'The request, received, with its clock', schema: requestSchema }, ...responses, 404: problem, 422: problem },
});

export const getRequestRoute = defineRoute({
  operationId: 'getInformationRequest',
  method: 'GET',
  path: '/v1/transparency/requests/{id}',
  summary:
    'A request with its clock (due date, status, how it was counted) and, once refused or left unanswered, the recourse: its requester, the agents of its commune, auditors, and its president once complained to',
  tags: TAGS,
  access: ['citizen', 'agent', 'president', 'auditor'],
  params: requestId,
  responses: { 200: requestResponse, ...responses, 404: problem },
});

export const requestHistoryRoute = defineRoute({
  operationId: 'informationRequestHistory',
  method: 'GET',
  path: '/v1/transparency/requests/{id}/history',
  summary: "A request's history, oldest first: every change is an event (who, when, why), never rewritten",
  tags: TAGS,
  access: ['citizen', 'agent', 'auditor'],
  params: requestId,
  query: () => z.strictObject(paginationQuery),
  responses: {
    200: {
      description: 'A page of events',
      schema: () => pageSchema(requestEventSchema()),
    },
    ...responses,
    404: problem,
  },
});

export const acknowledgeRequestRoute = defineRoute({
  operationId: 'acknowledgeInformationRequest',
  method: 'POST',
  path: '/v1/transparency/requests/{id}/acknowledgment',
  summary: 'An agent of the commune acknowledges a request received; its requester is told the due date',
  tags: TAGS,
  access: ['agent'],
  idempotent: true,
  params: requestId,
  responses: changeResponses,
});

export const processRequestRoute = defineRoute({
  operationId: 'processInformationRequest',
  method: 'POST',
  path: '/v1/transparency/requests/{id}/processing',
  summary: 'An agent of the commune starts working on a request',
  tags: TAGS,
  access: ['agent'],
  idempotent: true,
  params: requestId,
  responses: changeResponses,
});

export const askClarificationRoute = defineRoute({
  operationId: 'askInformationRequestClarification',
  method: 'POST',
  path: '/v1/transparency/requests/{id}/clarification',
  summary: "An agent asks the requester to make the request clear. The clock runs on unless the commune's rule makes it a suspension (an unclear request is a ground of refusal)",
  tags: TAGS,
  access: ['agent'],
  idempotent: true,
  params: requestId,
  body: () => z.strictObject({ question: reason() }),
  bodyExample: { question: 'Quelle année budgétaire souhaitez-vous consulter ?' },
  responses: changeResponses,
});

export const clarifyRequestRoute = defineRoute({
  operationId: 'clarifyInformationRequest',
  method: 'POST',
  path: '/v1/transparency/requests/{id}/clarification-reply',
  summary: "The requester's reply to the question asked: given by the citizen who filed online, or recorded by an agent when it came at the counter, by post or e-mail. A suspended clock resumes",
  tags: TAGS,
  access: ['citizen', 'agent'],
  idempotent: true,
  params: requestId,
  body: () => z.strictObject({ reply: reason() }),
  bodyExample: { reply: "L'exercice 2025" },
  responses: changeResponses,
});

export const noticeExtensionRoute = defineRoute({
  operationId: 'noticeInformationRequestExtension',
  method: 'POST',
  path: '/v1/transparency/requests/{id}/extension-notice',
  summary: 'An agent records the notice of an extension told to the requester, with its reason (volume, partial answer, third parties): the law wants it before the extension',
  tags: TAGS,
  access: ['agent'],
  idempotent: true,
  params: requestId,
  body: () => z.strictObject({ reason: reason(), channel: z.enum(NOTICE_CHANNELS).check(z.describe('How the requester was told; `platform`: in their inbox')) }),
  bodyExample: { reason: 'Volume important de documents à réunir auprès de trois services', channel: 'platform' },
  responses: changeResponses,
});

export const extendRequestRoute = defineRoute({
  operationId: 'extendInformationRequest',
  method: 'POST',
  path: '/v1/transparency/requests/{id}/extension',
  summary: 'An agent extends the deadline once, by 20 working days (urgent: 3), before it expires and after its notice was recorded',
  tags: TAGS,
  access: ['agent'],
  idempotent: true,
  params: requestId,
  responses: changeResponses,
});

export const answerRequestRoute = defineRoute({
  operationId: 'answerInformationRequest',
  method: 'POST',
  path: '/v1/transparency/requests/{id}/answer',
  summary: "An agent answers before the deadline: in full, in part (each withheld part with its grounds), or by a reasoned refusal on the law's grounds",
  tags: TAGS,
  access: ['agent'],
  idempotent: true,
  params: requestId,
  body: answerBody,
  bodyExample: { outcome: 'refused', grounds: [{ ground: 'already-published', reason: 'Le budget est publié sur le portail de la commune', link: 'https://rabat.ma/budget-2026.pdf' }] },
  responses: changeResponses,
});

export const withdrawRequestRoute = defineRoute({
  operationId: 'withdrawInformationRequest',
  method: 'POST',
  path: '/v1/transparency/requests/{id}/withdrawal',
  summary: 'The citizen who filed a request withdraws it while it is open',
  tags: TAGS,
  access: ['citizen'],
  idempotent: true,
  params: requestId,
  body: () => z.strictObject({ reason: z.optional(reason()) }),
  bodyExample: { reason: "J'ai trouvé l'information ailleurs" },
  responses: changeResponses,
});

export const fileInternalComplaintRoute = defineRoute({
  operationId: 'fileInformationRequestComplaint',
  method: 'POST',
  path: '/v1/transparency/requests/{id}/internal-complaint',
  summary:
    "After a refusal, a partial answer or the silence at expiry, the requester complains to the head of the body within the filing period (default 20 working days, unconfirmed); an agent records one received on paper. The head's answer period starts (default 15 working days, unconfirmed)",
  tags: TAGS,
  access: ['citizen', 'agent'],
  idempotent: true,
  params: requestId,
  body: () => z.strictObject({ reason: reason() }),
  bodyExample: { reason: 'Les noms des fournisseurs figurent dans des marchés publics déjà publiés' },
  responses: changeResponses,
});

export const answerInternalComplaintRoute = defineRoute({
  operationId: 'answerInformationRequestComplaint',
  method: 'POST',
  path: '/v1/transparency/requests/{id}/internal-complaint/answer',
  summary: "The president of the commune, head of the body, answers the complaint; the requester is told until when they may complain to the CDAI (30 days)",
  tags: TAGS,
  access: ['president'],
  idempotent: true,
  params: requestId,
  body: () => z.strictObject({ text: safeFreeText({ max: 10_000 }) }),
  bodyExample: { text: 'La réclamation est rejetée : les noms restent des données personnelles' },
  responses: changeResponses,
});

export const cdaiPackRoute = defineRoute({
  operationId: 'issueInformationRequestCdaiPack',
  method: 'POST',
  path: '/v1/transparency/requests/{id}/cdai-pack',
  summary:
    "The complaint pack for the CDAI once the head of the body answered or let its period pass: the request as it stands and its whole timeline, with the 30-day filing deadline. The platform does not file it; asked again, the same pack",
  tags: TAGS,
  access: ['citizen', 'agent'],
  idempotent: 'by-use-case',
  params: requestId,
  responses: {
    200: {
      description: 'The pack',
      schema: () => z.object({ issuedAt: z.iso.datetime(), filingDeadline: cdaiDeadlineSchema(), request: requestSchema(), timeline: z.array(requestEventSchema()) }),
    },
    ...responses,
    404: problem,
    409: problem,
  },
});

const summaryPage = lazyValue(() => ({ 200: { description: 'A page of requests', schema: () => pageSchema(summarySchema()) }, ...responses }));

export const communeQueueRoute = defineRoute({
  operationId: 'informationRequestQueue',
  method: 'GET',
  path: '/v1/transparency/queues/{commune}',
  summary: "A commune's open requests, soonest due first: its agents, auditors",
  tags: TAGS,
  access: ['agent', 'auditor'],
  params: () => z.strictObject({ commune }),
  query: () => z.strictObject(paginationQuery),
  responses: summaryPage(),
});

export const complaintQueueRoute = defineRoute({
  operationId: 'informationRequestComplaintQueue',
  method: 'GET',
  path: '/v1/transparency/complaints/{commune}',
  summary: "The complaints to the commune's president waiting for an answer, soonest due first: its president, auditors",
  tags: TAGS,
  access: ['president', 'auditor'],
  params: () => z.strictObject({ commune }),
  query: () => z.strictObject(paginationQuery),
  responses: {
    200: {
      description: 'A page of complaints',
      schema: () => pageSchema(z.object({ id: z.uuid(), commune: z.string(), receivedAt: receivedAt(), filedAt: z.iso.datetime(), answerDueDate: z.iso.date(), answerDueAt: z.string() })),
    },
    ...responses,
  },
});

export const myRequestsRoute = defineRoute({
  operationId: 'myInformationRequests',
  method: 'GET',
  path: '/v1/transparency/my-requests',
  summary: 'The requests the signed-in citizen filed online, newest first',
  tags: TAGS,
  access: ['citizen'],
  query: () => z.strictObject(paginationQuery),
  responses: summaryPage(),
});


const settingsSchema = lazyValue(() => z.object({
  commune: z.string(),
  periods: z.object({ normal: periodSchema(), urgent: periodSchema() }).check(z.describe('Working days to answer and of the one extension; defaults 20 + 20, urgent 3 + 3 (art. 16 and 17)')),
  clarificationSuspendsClock: z.boolean().check(z.describe('Whether asking the requester for clarification stops the clock; by default it does not')),
  recourse: recoursePeriodsSchema(),
  headOfBody: z.optional(z.string()).check(z.describe('The `sub` of the president of the commune, whom complaint reminders are told')),
  version: z.int(),
  updatedAt: z.optional(z.iso.datetime()),
  updatedBy: z.optional(actorSchema),
}));

export const getSettingsRoute = defineRoute({
  operationId: 'getTransparencySettings',
  method: 'GET',
  path: '/v1/transparency/settings/{commune}',
  summary: "A commune's access-to-information settings (the defaults until an administrator sets them): its agents, administrators, auditors",
  tags: TAGS,
  access: ['agent', 'admin', 'auditor'],
  params: () => z.strictObject({ commune }),
  responses: { 200: { description: 'The settings', schema: settingsSchema }, ...responses, 404: problem },
});

export const putSettingsRoute = defineRoute({
  operationId: 'setTransparencySettings',
  method: 'PUT',
  path: '/v1/transparency/settings/{commune}',
  summary: "An administrator sets a commune's answer periods and whether a clarification stops the clock; requests opened later follow them",
  tags: TAGS,
  access: ['admin'],
  idempotent: true,
  params: () => z.strictObject({ commune }),
  body: () => z.strictObject({
    periods: z.strictObject({ normal: periodSchema(), urgent: periodSchema() }),
    clarificationSuspendsClock: z.boolean(),
    recourse: recoursePeriodsSchema(),
    headOfBody: z.optional(safeIdentifier({ max: 128 })).check(z.describe('The `sub` of the president of the commune, whom complaint reminders are told')),
  }),
  bodyExample: {
    periods: { normal: { days: 20, extensionDays: 20 }, urgent: { days: 3, extensionDays: 3 } },
    clarificationSuspendsClock: false,
    recourse: { complaintFilingDays: 20, complaintAnswerDays: 15 },
  },
  responses: { 200: { description: 'The settings', schema: settingsSchema }, ...responses, 404: problem, 409: problem, 422: problem },
});
