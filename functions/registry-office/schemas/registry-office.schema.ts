// zod schemas and route contracts of the registry office API (bureau d'ordre), under /v1/registry.
import * as z from 'zod/mini';
import { actorSchema, codeSchema } from '../../shared/http/common.schema.ts';
import { decimalInteger } from '../../shared/http/decimal-integer.schema.ts';
import { pageSchema, paginationQuery } from '../../shared/http/pagination.ts';
import { STORED_PAPER_RESPONSES } from '../../documents/public.ts';
import { PROBLEM_RESPONSE, defineRoute } from '../../shared/http/route-contract.ts';
import { safeFreeText, safeIdentifier, safeName } from '../../shared/text/safe-text.schema.ts';
import { CATEGORIES, CHANNELS, CONFIDENTIALITIES, DIFFUSION_MODES, DISPATCH_CHANNELS, LETTER_EVENT_TYPES, LETTER_STATUSES, PRIORITIES } from '../domain/letter.ts';
import { LOOKUP_CODE } from '../domain/lookup-code.ts';
import { MAX_SEQUENCE_DIGITS, REGISTER_CODE, REGISTERS } from '../domain/letter-number.ts';
import { KNOWN_CONTENT_TYPES } from '../../shared/files/file-content.ts';
import { declaredFileFields } from '../../shared/files/declared-file.schema.ts';
import { MAX_ATTACHMENT_BYTES } from '../domain/attachment.ts';
import { lazyValue } from '../../shared/lazy-value.ts';

const TAGS = ['Registry office'];
const problem = PROBLEM_RESPONSE;
const commune = codeSchema;
const letterId = lazyValue(() => z.strictObject({ id: z.uuid() }));
const letterNumber = lazyValue(() => safeIdentifier({ max: 64, pattern: { regex: /^[A-Za-z0-9/._-]+$/, message: 'letters, digits and / . _ -' } }));
const subject = lazyValue(() => safeName({ max: 300 }));
const bodyText = lazyValue(() => safeFreeText({ max: 10_000 }));
const reason = lazyValue(() => safeFreeText({ max: 1000 }));

const receivedAt = lazyValue(() => z.string().check(z.describe('When the registry office received it, to the second, in Africa/Casablanca with its offset; never changed')));

const linkSchema = lazyValue(() => z.object({ letterId: z.uuid(), number: z.string() }));
const service = lazyValue(() => codeSchema.check(z.describe('The service, as the commune names it')));
const staffSub = lazyValue(() => safeIdentifier({ max: 128 }).check(z.describe("The `sub` of an agent of the commune")));

const attachmentSchema = lazyValue(() => z.object({
  ...declaredFileFields,
  status: z.enum(['awaiting-upload', 'attached']).check(z.describe('`attached` once its completion found the declared content in storage')),
  attachedAt: z.optional(z.iso.datetime()),
}));

const letterSchema = lazyValue(() => z.object({
  id: z.uuid(),
  commune: z.string(),
  register: z.enum(REGISTERS),
  year: z.int(),
  sequence: z.int().check(z.describe('1 for the first letter of the register in the year; no gap, never given twice')),
  number: z.string().check(z.describe("The registry number, written in the commune's format (by default `2027/A/000123`)")),
  receivedAt: receivedAt(),
  channel: z.enum(CHANNELS),
  lodgedBy: z.optional(z.string()).check(z.describe('The citizen who lodged it online')),
  sender: z.optional(z.object({ name: z.string(), organisation: z.optional(z.string()) })),
  subject: z.string(),
  body: z.optional(z.string()),
  category: z.optional(z.enum(CATEGORIES)).check(z.describe('Not set yet on a letter lodged online, until a clerk classifies it')),
  confidentiality: z.enum(CONFIDENTIALITIES),
  priority: z.enum(PRIORITIES),
  status: z.enum(LETTER_STATUSES),
  cancellation: z.optional(z.object({ reason: z.string(), at: z.string(), by: actorSchema })).check(z.describe('A cancelled letter keeps its number and says why')),
  routing: z.optional(z.object({ service: z.string(), diffusion: z.array(z.object({ mode: z.enum(DIFFUSION_MODES), sub: z.string() })), routedAt: z.iso.datetime() })).check(z.describe('The service that must answer and the diffusion list, its one recipient first')),
  answer: z.optional(z.extend(linkSchema(), { at: z.iso.datetime(), by: actorSchema })).check(z.describe('On an incoming letter: the outgoing letter that answered it')),
  answers: z.optional(linkSchema()).check(z.describe('On an outgoing letter: the incoming letter it answers')),
  closure: z.optional(z.object({ at: z.iso.datetime(), by: actorSchema, note: z.optional(z.string()) })),
  steps: z.optional(z.array(
      z.object({
        mode: z.enum(['opinion', 'approval']),
        sub: z.string(),
        at: z.iso.datetime(),
        opinion: z.optional(z.string()),
        decision: z.optional(z.enum(['approved', 'refused'])),
        reason: z.optional(z.string()),
      }),
    )).check(z.describe('On an incoming letter: the opinions and approvals (or refusals, with their reason) given by those its list names, oldest first')),
  signature: z.optional(z.object({
      signers: z.array(z.string()),
      signed: z.optional(z.object({ at: z.iso.datetime(), by: actorSchema })),
      refused: z.optional(z.object({ at: z.iso.datetime(), by: actorSchema, reason: z.string() })).check(z.describe('The signature refused, with its reason: the answer is cancelled')),
    })).check(z.describe("On an answer whose incoming letter's list names signers: who may sign it (or the commune's president), and the signature once given or refused")),
  dispatch: z.optional(z.object({
      channel: z.enum(DISPATCH_CHANNELS),
      receiptNumber: z.optional(z.string()),
      receivedBy: z.optional(z.string()),
      at: z.string().check(z.describe('To the second, in Africa/Casablanca with its offset')),
      by: actorSchema,
    })).check(z.describe('On an outgoing letter: how, when and by whom it was sent (once)')),
  clock: z.optional(z.object({
      receiptDate: z.iso.date(),
      period: z.object({ days: z.int(), unit: z.enum(['calendar', 'working']) }),
      suspensions: z.array(z.object({ from: z.iso.date(), to: z.optional(z.iso.date()), startedAt: z.string(), endedAt: z.optional(z.string()) })),
      dueDate: z.iso.date(),
      dueAt: z.string().check(z.describe('End of the due day in Africa/Casablanca, ISO 8601 with offset')),
      holidays: z.array(z.iso.date()),
      countedOn: z.iso.date(),
    })).check(z.describe("An incoming letter's processing deadline: its priority's working days from the day after receipt")),
  remindersSent: z.optional(z.array(z.string())).check(z.describe('`half`, `four-fifths`: the reminders sent to its recipient')),
  lapsedAt: z.optional(z.iso.datetime()).check(z.describe('When its deadline passed with the letter still open')),
  attachments: z.optional(z.array(attachmentSchema())).check(z.describe('The files attached to it, in the order declared')),
  registeredBy: actorSchema,
  version: z.int(),
}));

const registeredSchema = lazyValue(() => z.extend(letterSchema(), {
  lookupCode: z.optional(z.string().check(z.regex(LOOKUP_CODE))).check(z.describe('The secret code to follow the letter with its number (POST /v1/registry/lookup). Given once: a retry of the same request gets the letter without it')),
}));

const EXAMPLE_LETTER = {
  id: '6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f',
  commune: 'rabat',
  register: 'incoming',
  year: 2027,
  sequence: 123,
  number: '2027/A/000123',
  receivedAt: '2027-03-01T10:15:42+01:00',
  channel: 'online',
  lodgedBy: 'citizen-7f3a',
  subject: 'Demande de réfection de la chaussée, rue Oued Ziz',
  confidentiality: 'normal',
  priority: 'normal',
  status: 'registered',
  registeredBy: { sub: 'citizen-7f3a', role: 'citizen' },
  version: 1,
} as const;

const responses = { 400: problem, 401: problem, 403: problem };
const letterPage = lazyValue(() => ({ 200: { description: 'A page of letters', schema: () => pageSchema(letterSchema()) }, ...responses }));

export const lodgeLetterRoute = defineRoute({
  operationId: 'lodgeLetter',
  method: 'POST',
  path: '/v1/registry/online-letters',
  summary: 'Lodge a letter online with a collectivity: it is numbered in its incoming register at once, with its receipt instant and a secret lookup code',
  tags: TAGS,
  access: ['citizen'],
  idempotent: 'by-use-case',
  body: () => z.strictObject({ commune, subject: subject(), body: bodyText() }),
  bodyExample: { commune: 'rabat', subject: 'Demande de réfection de la chaussée, rue Oued Ziz', body: 'Monsieur le Président, ...' },
  responses: {
    201: { description: 'The registered letter, with its number, receipt instant and (once) its lookup code', schema: registeredSchema, example: { ...EXAMPLE_LETTER, lookupCode: '7K3QD-M9XTA-2WERB-H0VNC' } },
    ...responses,
    409: problem,
    422: problem,
  },
});

export const registerLetterRoute = defineRoute({
  operationId: 'registerLetter',
  method: 'POST',
  path: '/v1/registry/letters',
  summary: "A registry clerk registers a letter received at the counter, by post or by e-mail, in their commune's incoming or internal register, or an outgoing letter that answers none in its outgoing register",
  tags: TAGS,
  access: ['clerk'],
  idempotent: 'by-use-case',
  body: () => z.strictObject({
    register: z.enum(REGISTERS).check(z.describe('`outgoing`: a letter of the commune that answers none; its dispatch is recorded after')),
    channel: z.enum(['counter', 'post', 'email']),
    sender: z.strictObject({ name: safeName({ max: 200 }), organisation: z.optional(safeName({ max: 200 })) }).check(z.describe('Who wrote it; for an outgoing letter, its addressee')),
    subject: subject(),
    body: z.optional(bodyText()),
    category: z.enum(CATEGORIES),
    confidentiality: z.enum(CONFIDENTIALITIES),
    priority: z.enum(PRIORITIES),
  }),
  bodyExample: {
    register: 'incoming',
    channel: 'post',
    sender: { name: 'Société Atlas Travaux', organisation: 'Atlas Travaux SARL' },
    subject: 'Réclamation sur le paiement du marché 12/2026',
    category: 'complaint',
    confidentiality: 'normal',
    priority: 'urgent',
  },
  responses: { 201: { description: 'The registered letter, with its number and its lookup code (to give to the sender)', schema: registeredSchema }, ...responses, 409: problem, 422: problem },
});

export const getLetterRoute = defineRoute({
  operationId: 'getLetter',
  method: 'GET',
  path: '/v1/registry/letters/{id}',
  summary: 'A letter: the citizen who lodged it, the clerks and agents of its commune (not a confidential one for agents), auditors',
  tags: TAGS,
  access: ['citizen', 'clerk', 'agent', 'auditor'],
  params: letterId,
  responses: {
    200: {
      description: 'The letter; once issued, its acknowledgment (to those who may read it)',
      schema: () => z.extend(letterSchema(), {
        acknowledgment: z.optional(z.object({ number: z.string(), issuedAt: z.string(), href: z.string().check(z.describe('The route that serves its PDF')) })).check(z.describe("An incoming letter's signed acknowledgment, once issued: shown to its sender, the commune's clerks and auditors")),
      }),
      example: EXAMPLE_LETTER,
    },
    ...responses,
    404: problem,
  },
});

export const letterAcknowledgmentRoute = defineRoute({
  operationId: 'letterAcknowledgment',
  method: 'GET',
  path: '/v1/registry/letters/{id}/acknowledgment',
  summary:
    "An incoming letter's signed acknowledgment (PDF, Arabic and French): its number, receipt instant to the second, subject, sender and commune, and a QR code verifiable offline and by `POST /v1/verify`. Issued just after the registration (404 until then); read by the citizen who lodged it, the commune's clerks and auditors; revoked by a clerk of the commune (410 then)",
  tags: TAGS,
  access: ['citizen', 'clerk', 'auditor'],
  params: letterId,
  responses: { 200: STORED_PAPER_RESPONSES[200], ...responses, 404: problem, 410: STORED_PAPER_RESPONSES[410] },
});

export const letterHistoryRoute = defineRoute({
  operationId: 'letterHistory',
  method: 'GET',
  path: '/v1/registry/letters/{id}/history',
  summary: "A letter's history, oldest first: every change is an event, never rewritten",
  tags: TAGS,
  access: ['clerk', 'agent', 'auditor'],
  params: letterId,
  query: () => z.strictObject(paginationQuery),
  responses: {
    200: {
      description: 'A page of events',
      schema: () => pageSchema(
        z.object({
          letterId: z.uuid(),
          version: z.int(),
          type: z.enum(LETTER_EVENT_TYPES),
          at: z.iso.datetime(),
          by: actorSchema,
          statusBefore: z.optional(z.enum(LETTER_STATUSES)),
          statusAfter: z.enum(LETTER_STATUSES),
          details: z.optional(z.record(z.string(), z.unknown())),
        }),
      ),
    },
    ...responses,
    404: problem,
  },
});

export const cancelLetterRoute = defineRoute({
  operationId: 'cancelLetter',
  method: 'POST',
  path: '/v1/registry/letters/{id}/cancel',
  summary: 'Cancel a letter not answered yet: it keeps its number (never given again), stays in the register and says why',
  tags: TAGS,
  access: ['clerk'],
  idempotent: true,
  params: letterId,
  body: () => z.strictObject({ reason: reason() }),
  bodyExample: { reason: 'Enregistré deux fois : voir 2027/A/000122' },
  responses: { 200: { description: 'The cancelled letter', schema: letterSchema }, ...responses, 404: problem, 409: problem, 422: problem },
});

const changeResponses = { 200: { description: 'The letter as it now stands', schema: letterSchema }, ...responses, 404: problem, 409: problem, 422: problem };
const staffList = lazyValue(() => z.optional(z.array(staffSub()).check(z.maxLength(20))));

export const classifyLetterRoute = defineRoute({
  operationId: 'classifyLetter',
  method: 'POST',
  path: '/v1/registry/letters/{id}/classification',
  summary:
    'Classify a letter not answered yet. A complaint, an access-to-information request or a council question is handed over to the context that handles it, with the receipt instant its legal clock starts from',
  tags: TAGS,
  access: ['clerk'],
  idempotent: true,
  params: letterId,
  body: () => z.strictObject({ category: z.enum(CATEGORIES), confidentiality: z.enum(CONFIDENTIALITIES) }),
  bodyExample: { category: 'access-to-information', confidentiality: 'normal' },
  responses: changeResponses,
});

export const routeLetterRoute = defineRoute({
  operationId: 'routeLetter',
  method: 'POST',
  path: '/v1/registry/letters/{id}/routing',
  summary: 'Route a registered letter to the service that must answer, with its diffusion list: one recipient, copies, and those asked for an opinion, an approval or a signature',
  tags: TAGS,
  access: ['clerk'],
  idempotent: true,
  params: letterId,
  body: () => z.strictObject({ service: service(), recipient: staffSub(), copies: staffList(), opinion: staffList(), approval: staffList(), signature: staffList() }),
  bodyExample: { service: 'voirie', recipient: 'agent-voirie-1', copies: ['agent-dgs-1'], approval: ['agent-chef-voirie'] },
  responses: changeResponses,
});

export const redirectLetterRoute = defineRoute({
  operationId: 'redirectLetter',
  method: 'POST',
  path: '/v1/registry/letters/{id}/redirection',
  summary: 'Send an assigned letter on to another recipient (and service); the previous recipient stays on the list as a copy. Its recipient or a clerk',
  tags: TAGS,
  access: ['agent', 'clerk'],
  idempotent: true,
  params: letterId,
  body: () => z.strictObject({ service: service(), recipient: staffSub() }),
  bodyExample: { service: 'urbanisme', recipient: 'agent-urbanisme-2' },
  responses: changeResponses,
});

export const answerLetterRoute = defineRoute({
  operationId: 'answerLetter',
  method: 'POST',
  path: '/v1/registry/letters/{id}/answer',
  summary: "The recipient answers an assigned letter: the answer is an outgoing letter numbered in the commune's outgoing register, linked to it",
  tags: TAGS,
  access: ['agent'],
  idempotent: 'by-use-case',
  params: letterId,
  body: () => z.strictObject({ subject: subject(), body: z.optional(bodyText()), channel: z.enum(CHANNELS).check(z.describe('How the answer is sent')) }),
  bodyExample: { subject: 'Réponse : réfection de la chaussée, rue Oued Ziz', body: 'Les travaux sont programmés pour avril.', channel: 'post' },
  responses: { 201: { description: 'The outgoing letter, with its own number', schema: letterSchema }, ...responses, 404: problem, 409: problem, 422: problem },
});

export const closeLetterRoute = defineRoute({
  operationId: 'closeLetter',
  method: 'POST',
  path: '/v1/registry/letters/{id}/closure',
  summary: 'Close a letter once answered, or one that needs no answer. Its recipient or a clerk',
  tags: TAGS,
  access: ['agent', 'clerk'],
  idempotent: true,
  params: letterId,
  body: () => z.strictObject({ note: z.optional(reason()) }),
  bodyExample: { note: 'Réponse envoyée, dossier classé' },
  responses: changeResponses,
});

export const serviceQueueRoute = defineRoute({
  operationId: 'serviceQueue',
  method: 'GET',
  path: '/v1/registry/queues/{commune}/{service}',
  summary: "A service's open letters (assigned or answered, not closed), oldest routed first: the commune's clerks and agents, auditors",
  tags: TAGS,
  access: ['clerk', 'agent', 'auditor'],
  params: () => z.strictObject({ commune, service: service() }),
  query: () => z.strictObject(paginationQuery),
  responses: letterPage(),
});

export const readRegisterRoute = defineRoute({
  operationId: 'readRegister',
  method: 'GET',
  path: '/v1/registry/registers/{commune}/{register}/{year}',
  summary: "A register's year in number order, cancelled letters included: the commune's clerks, administrators and auditors",
  tags: TAGS,
  access: ['clerk', 'admin', 'auditor'],
  params: () => z.strictObject({ commune, register: z.enum(REGISTERS), year: decimalInteger({ min: 2000, max: 2100 }) }),
  query: () => z.strictObject(paginationQuery),
  responses: letterPage(),
});

export const lookUpLetterRoute = defineRoute({
  operationId: 'lookUpLetter',
  method: 'POST',
  path: '/v1/registry/lookup',
  summary: 'Where is my letter: its standing, for whoever holds its number and secret code. A wrong code and an unknown number get the same 404',
  tags: TAGS,
  access: 'public',
  // The code is 100 random bits; the limit keeps anyone from spending the platform's capacity trying.
  throttle: { ratePerSecond: 5, burst: 20 },
  body: () => z.strictObject({ commune, number: letterNumber(), code: z.string().check(z.trim(), z.toUpperCase(), z.regex(LOOKUP_CODE, 'four groups of five characters, e.g. 7K3QD-M9XTA-2WERB-H0VNC')) }),
  bodyExample: { commune: 'rabat', number: '2027/A/000123', code: '7K3QD-M9XTA-2WERB-H0VNC' },
  responses: {
    200: {
      description: 'Where the letter stands',
      schema: () => z.object({
        number: z.string(),
        commune: z.string(),
        register: z.enum(REGISTERS),
        receivedAt: receivedAt(),
        status: z.enum(LETTER_STATUSES),
        cancellationReason: z.optional(z.string()),
        answerNumber: z.optional(z.string()).check(z.describe('The number of the outgoing letter that answered it')),
      }),
    },
    400: problem,
    404: problem,
  },
});

const numberFormatSchema = lazyValue(() => z.strictObject({
  template: z.string().check(z.minLength(1), z.maxLength(64), z.describe('`{year}`, `{register}` and `{sequence}` once each, between lower-case letters and / - . _')),
  sequenceDigits: z.int().check(z.gte(1), z.lte(MAX_SEQUENCE_DIGITS)),
  registerCodes: z.strictObject(Object.fromEntries(REGISTERS.map((register) => [register, z.string().check(z.regex(REGISTER_CODE, '1 to 3 capital letters'))])) as Record<(typeof REGISTERS)[number], z.ZodMiniString>),
}));

const processingDaysSchema = lazyValue(() => z.strictObject({ urgent: z.int().check(z.gte(1), z.lte(60)), normal: z.int().check(z.gte(1), z.lte(60)) }).check(z.describe('Working days to answer an incoming letter, by priority; the defaults (urgent 3, normal 15) are found in no legal text')));

const settingsSchema = lazyValue(() => z.object({
  commune: z.string(),
  numberFormat: numberFormatSchema(),
  processingDays: processingDaysSchema(),
  version: z.int().check(z.describe('0 while the defaults apply')),
  updatedAt: z.optional(z.string()),
  updatedBy: z.optional(actorSchema),
}));

const communeParams = lazyValue(() => z.strictObject({ commune }));

export const getSettingsRoute = defineRoute({
  operationId: 'getRegistrySettings',
  method: 'GET',
  path: '/v1/registry/settings/{commune}',
  summary: "A commune's registry settings (its number format, its processing days); the defaults until an administrator sets them",
  tags: TAGS,
  access: ['clerk', 'admin', 'auditor'],
  params: communeParams,
  responses: { 200: { description: 'The settings', schema: settingsSchema }, ...responses, 404: problem },
});

export const settingsHistoryRoute = defineRoute({
  operationId: 'registrySettingsHistory',
  method: 'GET',
  path: '/v1/registry/settings/{commune}/history',
  summary: "Every version of a commune's registry settings an administrator set, oldest first, with who set it and when (version 0, the defaults, before them): administrators and auditors",
  tags: TAGS,
  access: ['admin', 'auditor'],
  params: communeParams,
  query: () => z.strictObject(paginationQuery),
  responses: { 200: { description: 'A page of versions', schema: () => pageSchema(settingsSchema()) }, ...responses, 404: problem },
});

export const putSettingsRoute = defineRoute({
  operationId: 'setRegistrySettings',
  method: 'PUT',
  path: '/v1/registry/settings/{commune}',
  summary: "Set a commune's number format and processing days; numbers already given keep theirs, deadlines already counted theirs",
  tags: TAGS,
  access: ['admin'],
  idempotent: true,
  params: communeParams,
  body: () => z.strictObject({ numberFormat: numberFormatSchema(), processingDays: processingDaysSchema() }),
  bodyExample: {
    numberFormat: { template: 'bo/{year}/{register}/{sequence}', sequenceDigits: 5, registerCodes: { incoming: 'A', outgoing: 'D', internal: 'I' } },
    processingDays: { urgent: 3, normal: 15 },
  },
  responses: { 200: { description: 'The settings now in force', schema: settingsSchema }, ...responses, 404: problem, 409: problem, 422: problem },
});

export const overdueLettersRoute = defineRoute({
  operationId: 'overdueLetters',
  method: 'GET',
  path: '/v1/registry/overdue/{commune}',
  summary: "A commune's letters still open past their processing deadline, per service with their count, oldest due first: its clerks and agents, auditors",
  tags: TAGS,
  access: ['clerk', 'agent', 'auditor'],
  params: communeParams,
  responses: {
    200: {
      description: 'The overdue letters by service (`unrouted`: not routed yet, still with the registry office)',
      schema: () => z.object({
        services: z.array(
          z.object({
            service: z.string(),
            count: z.int(),
            letters: z.array(z.object({ id: z.uuid(), number: z.string(), dueAt: z.iso.datetime().check(z.describe('The due instant, in UTC')) })),
          }),
        ),
      }),
    },
    ...responses,
  },
});

export const searchRegisterRoute = defineRoute({
  operationId: 'searchRegister',
  method: 'GET',
  path: '/v1/registry/search/{commune}/{year}',
  summary:
    "Search a commune's registers of a year by number, receipt dates, subject words and sender (Arabic or French, in their common spellings), status and service, newest first: its clerks and agents, auditors",
  tags: TAGS,
  access: ['clerk', 'agent', 'auditor'],
  params: () => z.strictObject({ commune, year: decimalInteger({ min: 2000, max: 2100 }) }),
  query: () => z.strictObject({
    ...paginationQuery,
    number: z.optional(letterNumber()),
    words: z.optional(safeName({ max: 200 })).check(z.describe('Words of the subject: a letter has them all')),
    sender: z.optional(safeName({ max: 200 })).check(z.describe("Words of the sender's name or organisation")),
    from: z.optional(z.iso.date()).check(z.describe('Received on or after this Moroccan date')),
    to: z.optional(z.iso.date()).check(z.describe('Received on or before this Moroccan date')),
    status: z.optional(z.enum(LETTER_STATUSES)),
    service: z.optional(service()),
  }),
  responses: {
    200: { description: 'A page of letters; one may hold fewer than asked (status and service are checked last), and still a cursor', schema: () => pageSchema(letterSchema()) },
    ...responses,
  },
});

const attachmentId = lazyValue(() => z.strictObject({ id: z.uuid(), attachmentId: z.uuid() }));
const attachmentResponses = { 200: { description: 'The attachment', schema: attachmentSchema }, ...responses, 404: problem, 409: problem, 422: problem };

export const declareAttachmentRoute = defineRoute({
  operationId: 'declareLetterAttachment',
  method: 'POST',
  path: '/v1/registry/letters/{id}/attachments',
  summary:
    'Declare a file to attach to a letter (the citizen who lodged it, a clerk of its commune), with its SHA-256, size and type: PDF, PNG, JPEG, TIFF, DOCX or ODT, 20 MiB at most, 10 files a letter. Answers where to upload it',
  tags: TAGS,
  access: ['citizen', 'clerk'],
  idempotent: true,
  params: letterId,
  body: () => z.strictObject({
    name: safeName({ max: 200 }).check(z.describe('The file name shown to readers')),
    contentType: z.enum(KNOWN_CONTENT_TYPES),
    sizeBytes: z.int().check(z.gte(1), z.lte(MAX_ATTACHMENT_BYTES), z.describe(`In bytes, at most ${MAX_ATTACHMENT_BYTES} (20 MiB)`)),
    sha256: z.string().check(z.regex(/^[0-9a-fA-F]{64}$/, 'the SHA-256 of the file, 64 hexadecimal digits')),
  }),
  bodyExample: { name: 'Plan de situation.pdf', contentType: 'application/pdf', sizeBytes: 182_344, sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
  responses: {
    201: {
      description: 'The declared attachment, and where to upload it: PUT with the headers given (they are signed), within 15 minutes; then complete it',
      schema: () => z.object({
        attachment: attachmentSchema(),
        upload: z.object({ method: z.literal('PUT'), url: z.string(), headers: z.record(z.string(), z.string()), expiresAt: z.string() }),
      }),
    },
    ...responses,
    404: problem,
    409: problem,
    422: problem,
  },
});

export const completeAttachmentRoute = defineRoute({
  operationId: 'completeLetterAttachment',
  method: 'POST',
  path: '/v1/registry/letters/{id}/attachments/{attachmentId}/complete',
  summary:
    'The file is uploaded (its uploader): it is attached only if it has the declared SHA-256 and size, and its content is of the declared type; otherwise it is removed (422)',
  tags: TAGS,
  access: ['citizen', 'clerk'],
  idempotent: true,
  params: attachmentId,
  responses: attachmentResponses,
});

export const readAttachmentRoute = defineRoute({
  operationId: 'readLetterAttachment',
  method: 'GET',
  path: '/v1/registry/letters/{id}/attachments/{attachmentId}',
  summary:
    'A link valid for 5 minutes to an attached file, for whoever may read the letter, once the malware scan released it (409 `file-not-scanned-yet` before, 422 `file-quarantined` if it found a threat); every read is logged',
  tags: TAGS,
  access: ['citizen', 'clerk', 'agent', 'auditor'],
  params: attachmentId,
  responses: {
    ...attachmentResponses,
    200: { description: 'The attachment and a link to read it', schema: () => z.object({ attachment: attachmentSchema(), url: z.string(), expiresAt: z.string() }) },
  },
});

export const attachmentReadsRoute = defineRoute({
  operationId: 'letterAttachmentReads',
  method: 'GET',
  path: '/v1/registry/letters/{id}/attachment-reads',
  summary: "Who was handed a link to which of the letter's attachments, and when, newest first: the commune's clerks, auditors and the citizen who lodged it",
  tags: TAGS,
  access: ['citizen', 'clerk', 'auditor'],
  params: letterId,
  query: () => z.strictObject(paginationQuery),
  responses: {
    200: {
      description: 'A page of attachment reads',
      schema: () => pageSchema(
        z.object({
          letterId: z.uuid(),
          attachmentId: z.uuid(),
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

export const awaitedStepsRoute = defineRoute({
  operationId: 'awaitedSteps',
  method: 'GET',
  path: '/v1/registry/steps',
  summary: "The caller's queue of steps: the letters of their commune awaiting their opinion, approval or signature, oldest asked first",
  tags: TAGS,
  access: ['agent', 'president'],
  query: () => z.strictObject(paginationQuery),
  responses: letterPage(),
});

export const giveOpinionRoute = defineRoute({
  operationId: 'giveLetterOpinion',
  method: 'POST',
  path: '/v1/registry/letters/{id}/opinion',
  summary: 'Give the opinion the diffusion list asks of the caller on an assigned letter (once)',
  tags: TAGS,
  access: ['agent', 'president'],
  idempotent: true,
  params: letterId,
  body: () => z.strictObject({ opinion: reason() }),
  bodyExample: { opinion: 'Travaux à inscrire au programme 2027 ; budget disponible.' },
  responses: changeResponses,
});

export const decideApprovalRoute = defineRoute({
  operationId: 'decideLetterApproval',
  method: 'POST',
  path: '/v1/registry/letters/{id}/approval',
  summary: 'Approve (visa) the answer of an assigned letter, or refuse with a reason: the letter is answered only once every approver the list names has approved',
  tags: TAGS,
  access: ['agent', 'president'],
  idempotent: true,
  params: letterId,
  body: () => z.strictObject({ decision: z.enum(['approved', 'refused']), reason: z.optional(reason()).check(z.describe('Required with a refusal; remarks with an approval')) }),
  bodyExample: { decision: 'refused', reason: 'Citer le programme de voirie 2027 dans la réponse' },
  responses: changeResponses,
});

export const signLetterRoute = defineRoute({
  operationId: 'signLetter',
  method: 'POST',
  path: '/v1/registry/letters/{id}/signature',
  summary: "Sign an answer whose incoming letter's list asks for a signature: the commune's president, or the delegate the list names; it is dispatched only once signed",
  tags: TAGS,
  access: ['president', 'agent'],
  idempotent: true,
  params: letterId,
  body: () => z.strictObject({}),
  bodyExample: {},
  responses: changeResponses,
});

export const refuseSignatureRoute = defineRoute({
  operationId: 'refuseLetterSignature',
  method: 'POST',
  path: '/v1/registry/letters/{id}/signature-refusal',
  summary:
    "Refuse to sign an answer that awaits its signature, saying why (those who may sign it): the answer is cancelled with the reason and keeps its number; the letter it answers goes back to its recipient, who is told why and answers again within its deadline",
  tags: TAGS,
  access: ['president', 'agent'],
  idempotent: true,
  params: letterId,
  body: () => z.strictObject({ reason: reason() }),
  bodyExample: { reason: 'Le montant cité ne correspond pas à la délibération' },
  responses: changeResponses,
});

export const dispatchLetterRoute = defineRoute({
  operationId: 'dispatchLetter',
  method: 'POST',
  path: '/v1/registry/letters/{id}/dispatch',
  summary: 'Record how an outgoing letter was sent (post, registered post with its receipt number, by hand against signature, e-mail, online), to the second: once, and only signed where its list asked',
  tags: TAGS,
  access: ['clerk'],
  idempotent: true,
  params: letterId,
  body: () => z.strictObject({
    channel: z.enum(DISPATCH_CHANNELS),
    receiptNumber: z.optional(safeIdentifier({ max: 64 })).check(z.describe('The postal receipt number: required with `registered-post`')),
    receivedBy: z.optional(safeName({ max: 200 })).check(z.describe('Who signed for it: required with `hand-delivery`')),
  }),
  bodyExample: { channel: 'registered-post', receiptNumber: 'RR123456789MA' },
  responses: changeResponses,
});

export const changePriorityRoute = defineRoute({
  operationId: 'changeLetterPriority',
  method: 'POST',
  path: '/v1/registry/letters/{id}/priority',
  summary: "Change an open letter's priority: its deadline is counted again from the receipt instant with the new priority's period, and its reminders follow",
  tags: TAGS,
  access: ['clerk'],
  // Setting the priority a letter has already changes nothing: a retry gets the letter as the first request left it.
  idempotent: 'by-use-case',
  params: letterId,
  body: () => z.strictObject({ priority: z.enum(PRIORITIES) }),
  bodyExample: { priority: 'urgent' },
  responses: changeResponses,
});
