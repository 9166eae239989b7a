// zod schemas and route contracts of the civil-status API.
import * as z from 'zod/mini';
import { decimalInteger } from '../../shared/http/decimal-integer.schema.ts';
import { pageSchema, paginationQuery } from '../../shared/http/pagination.ts';
import { bilingualNameSchema } from '../../shared/i18n/bilingual-name.schema.ts';
import { PROBLEM_RESPONSE, defineRoute } from '../../shared/http/route-contract.ts';
import { safeFreeText, safeIdentifier, safeName } from '../../shared/text/safe-text.schema.ts';
import { FIRST_REGISTER_YEAR } from '../domain/act-dates.ts';
import { isValidCivilId } from '../domain/civil-identifier.ts';
import { lazyValue } from '../../shared/lazy-value.ts';

const TAGS = ['Civil status'];
const problem = PROBLEM_RESPONSE;
const officeCode = lazyValue(() => z.string().check(z.regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, 'upper-case office code, e.g. RBT-HASSAN')));

const writtenName = lazyValue(() => z.strictObject({ ar: z.optional(safeName({ max: 100 })), latin: z.optional(safeName({ max: 100 })) }).check(z.refine((name) => name.ar !== undefined || name.latin !== undefined, { message: 'Give the name in Arabic, in Latin script, or both' })));

const civilId = lazyValue(() => z.string().check(z.regex(/^\d{10}$/, 'ten digits')));
/** A civil identifier whose Verhoeff check digit is right: a typing mistake is refused before any lookup. */
export const checkedCivilId = lazyValue(() => civilId().check(z.refine(isValidCivilId, 'the check digit does not match: a digit is mistyped')));

const parent = lazyValue(() => z.strictObject({ givenName: writtenName(), familyName: z.optional(writtenName()), civilId: z.optional(checkedCivilId()) }));

const person = lazyValue(() => z.strictObject({
  givenName: writtenName(),
  familyName: writtenName(),
  sex: z.enum(['F', 'M']),
  birthDate: z.iso.date(),
  birthPlace: writtenName(),
  father: z.optional(parent()),
  mother: z.optional(parent()),
}));

const legacy = lazyValue(() => z.strictObject({
  office: officeCode(),
  year: z.int().check(z.gte(FIRST_REGISTER_YEAR, `civil-status registers begin in ${FIRST_REGISTER_YEAR}`), z.lte(2200)),
  register: safeIdentifier({ max: 32 }),
  number: z.int().check(z.gte(1)),
}));

/** What registering an act takes; the historical import's index lines say the same, plus their pages. */
export const actFields = lazyValue(() => ({ type: z.enum(['birth', 'death']), legacy: legacy(), person: person(), deathDate: z.optional(z.iso.date()) }));

export const deathDateRule: [(act: { type: string; deathDate?: string | undefined }) => boolean, { message: string; path: string[] }] = [
  (act) => (act.type === 'death') === (act.deathDate !== undefined),
  { message: 'A death act, and only a death act, has a deathDate', path: ['deathDate'] },
];

export const actSchema = lazyValue(() => z.object({
  id: z.uuid(),
  type: z.enum(['birth', 'death']),
  office: z.string(),
  legacy: z.object({ office: z.string(), year: z.number(), register: z.string(), number: z.number() }),
  person: z.record(z.string(), z.unknown()),
  deathDate: z.optional(z.string()),
  registeredAt: z.string(),
  version: z.int(),
  status: z.enum(['registered', 'annulled']),
  notes: z.optional(z.array(
      z.object({
        noteId: z.string(),
        kind: z.string(),
        eventDate: z.string(),
        text: z.object({ ar: z.optional(z.string()), fr: z.optional(z.string()) }),
        spouseCivilId: z.optional(z.string()),
        sourceOffice: z.string(),
        appliedAt: z.string(),
      }),
    )).check(z.describe('Marginal notes written on the act, oldest first')),
}));

/** Why the act is read (Law 09-08): recorded in the access log with who read it. */
const readReason = lazyValue(() => z.strictObject({ reason: safeFreeText({ min: 3, max: 200 }) }));
const actId = lazyValue(() => z.strictObject({ id: z.uuid() }));

export const registerActRoute = defineRoute({
  operationId: 'registerCivilAct',
  method: 'POST',
  path: '/v1/civil-status/acts',
  summary: "Register a birth or death act in the registrar's office; a birth act gives the person a civil identifier",
  tags: TAGS,
  access: ['registrar'],
  idempotent: 'by-use-case',
  body: () => z.strictObject(actFields()).check(z.refine(...deathDateRule)),
  responses: { 201: { description: 'The registered act, with `person.civilId` for a birth', schema: actSchema }, 400: problem, 401: problem, 403: problem, 409: problem },
});

export const getActRoute = defineRoute({
  operationId: 'getCivilAct',
  method: 'GET',
  path: '/v1/civil-status/acts/{id}',
  summary: 'An act; every read is recorded with who read it and why',
  tags: TAGS,
  access: ['registrar', 'auditor', 'citizen'],
  params: actId,
  query: readReason,
  responses: { 200: { description: 'The act', schema: actSchema }, 400: problem, 401: problem, 403: problem, 404: problem },
});

export const actHistoryRoute = defineRoute({
  operationId: 'civilActHistory',
  method: 'GET',
  path: '/v1/civil-status/acts/{id}/history',
  summary: 'Every action on the act, oldest first',
  tags: TAGS,
  access: ['registrar', 'auditor'],
  params: actId,
  query: () => z.strictObject(paginationQuery),
  responses: {
    200: { description: 'A page of actions', schema: () => pageSchema(z.object({ type: z.string(), at: z.string(), by: z.string(), version: z.number(), details: z.optional(z.record(z.string(), z.unknown())) })) },
    400: problem,
    401: problem,
    403: problem,
    404: problem,
  },
});

export const actAccessLogRoute = defineRoute({
  operationId: 'civilActAccessLog',
  method: 'GET',
  path: '/v1/civil-status/acts/{id}/access-log',
  summary: 'Who read the act, when and why, newest first',
  tags: TAGS,
  access: ['auditor'],
  params: actId,
  query: () => z.strictObject(paginationQuery),
  responses: {
    200: { description: 'A page of reads', schema: () => pageSchema(z.object({ actId: z.string(), requestId: z.string(), by: z.string(), role: z.string(), reason: z.string(), at: z.string() })) },
    400: problem,
    401: problem,
    403: problem,
  },
});

export const getPersonRoute = defineRoute({
  operationId: 'getCivilPerson',
  method: 'GET',
  path: '/v1/civil-status/persons/{civilId}',
  summary: 'The birth act of a civil identifier (a wrong check digit is refused before any lookup)',
  tags: TAGS,
  access: ['registrar', 'citizen'],
  params: () => z.strictObject({ civilId: civilId() }),
  query: readReason,
  responses: { 200: { description: 'The birth act', schema: actSchema }, 400: problem, 401: problem, 403: problem, 404: problem },
});

export const searchActsRoute = defineRoute({
  operationId: 'searchCivilActs',
  method: 'GET',
  path: '/v1/civil-status/search',
  summary: 'National search by name, in Arabic or Latin script and any common spelling; ranked candidates',
  tags: TAGS,
  access: ['registrar'],
  query: () => z.strictObject({
    name: safeName({ min: 2, max: 120 }),
    birthYear: z.optional(decimalInteger({ min: 1900, max: 2200 })),
    sex: z.optional(z.enum(['F', 'M'])),
    fatherName: z.optional(safeName({ min: 2, max: 120 })),
    motherName: z.optional(safeName({ min: 2, max: 120 })),
    limit: z._default(decimalInteger({ min: 1, max: 50 }), 20),
  }),
  responses: {
    200: {
      description: 'Candidates, best first, each with a score from 0 to 1',
      schema: () => z.object({
        candidates: z.array(
          z.object({
            actId: z.string(),
            type: z.string(),
            office: z.string(),
            legacy: z.object({ office: z.string(), year: z.number(), register: z.string(), number: z.number() }),
            score: z.number(),
            person: z.record(z.string(), z.unknown()),
          }),
        ),
      }),
    },
    400: problem,
    401: problem,
    403: problem,
  },
});

export const listOfficesRoute = defineRoute({
  operationId: 'listCivilStatusOffices',
  method: 'GET',
  path: '/v1/civil-status/offices',
  summary: 'Civil-status offices with their code, names and commune (a page of communes at a time)',
  tags: TAGS,
  access: 'public',
  query: () => z.strictObject(paginationQuery),
  responses: {
    200: {
      description: 'A page of offices',
      schema: () => pageSchema(z.object({ code: z.string(), names: bilingualNameSchema, commune: z.string() })),
    },
    400: problem,
  },
});

const registerId = lazyValue(() => safeIdentifier({ min: 3, max: 80 }));
const pageParams = lazyValue(() => z.strictObject({ registerId: registerId(), page: decimalInteger({ min: 1, max: 99_999 }) }));

const registerPageSchema = lazyValue(() => z.object({
  registerId: z.string(),
  office: z.string(),
  page: z.int(),
  sha256: z.string(),
  contentType: z.string(),
  acts: z.array(z.string()),
  status: z.enum(['awaiting-upload', 'stored']),
  objectKey: z.string(),
  declaredBy: z.string(),
  declaredAt: z.string(),
  storedAt: z.optional(z.string()),
  sizeBytes: z.optional(z.number()),
}));

export const declarePageRoute = defineRoute({
  operationId: 'declareRegisterPage',
  method: 'POST',
  path: '/v1/civil-status/registers/{registerId}/pages',
  summary: 'Declare a scanned page with its SHA-256; returns the presigned URL to upload it to (15 minutes)',
  tags: TAGS,
  access: ['registrar'],
  idempotent: true,
  params: () => z.strictObject({ registerId: registerId() }),
  body: () => z.strictObject({
    page: z.int().check(z.gte(1), z.lte(99_999)),
    sha256: z.string().check(z.regex(/^[0-9a-fA-F]{64}$/, 'the SHA-256 of the image, 64 hexadecimal digits')),
    contentType: z.enum(['image/jpeg', 'image/png', 'image/tiff', 'application/pdf']),
    acts: z._default(z.array(z.uuid()).check(z.maxLength(50)), []),
  }),
  responses: {
    201: {
      description: 'The declared page and where to upload it (send the given headers with the PUT)',
      schema: () => z.object({ page: registerPageSchema(), upload: z.object({ method: z.string(), url: z.string(), headers: z.record(z.string(), z.string()), expiresAt: z.string() }) }),
    },
    400: problem,
    401: problem,
    403: problem,
    409: problem,
  },
});

export const completePageRoute = defineRoute({
  operationId: 'completeRegisterPage',
  method: 'POST',
  path: '/v1/civil-status/registers/{registerId}/pages/{page}/complete',
  summary: 'Accept the uploaded page if its SHA-256 is the declared one (422 and the upload is discarded otherwise)',
  tags: TAGS,
  access: ['registrar'],
  idempotent: true,
  params: pageParams,
  responses: { 200: { description: 'The stored page', schema: registerPageSchema }, 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem },
});

export const viewPageRoute = defineRoute({
  operationId: 'viewRegisterPage',
  method: 'GET',
  path: '/v1/civil-status/registers/{registerId}/pages/{page}',
  summary: 'A stored page with a link to view it (5 minutes)',
  tags: TAGS,
  access: ['registrar', 'auditor'],
  params: pageParams,
  responses: { 200: { description: 'The page and its view link', schema: () => z.extend(registerPageSchema(), { viewUrl: z.string() }) }, 400: problem, 401: problem, 403: problem, 404: problem, 409: problem },
});

const noteSchema = lazyValue(() => z.object({
  noteId: z.string(),
  birthActId: z.string(),
  kind: z.enum(['marriage', 'divorce', 'death', 'rectification', 'other', 'parent-link']),
  eventDate: z.string(),
  text: z.object({ ar: z.optional(z.string()), fr: z.optional(z.string()) }),
  spouseCivilId: z.optional(z.string()),
  counterpartOf: z.optional(z.string()).check(z.describe("The note on the other spouse's act this one mirrors; applying it confirms the marriage or divorce")),
  parentLink: z.optional(z.object({ childActId: z.string(), role: z.enum(['father', 'mother']), parentCivilId: z.string() })).check(z.describe("A parent link a child's act claims, for the office holding the parent's act to confirm by applying it")),
  sourceOffice: z.string(),
  targetOffice: z.string(),
  recordedBy: z.string(),
  recordedAt: z.string(),
  status: z.enum(['in-transit', 'delivered', 'applied', 'dead-lettered']),
  deliveredAt: z.optional(z.string()),
  appliedAt: z.optional(z.string()),
  appliedBy: z.optional(z.string()),
  deadLetteredAt: z.optional(z.string()),
}));

const officeParams = lazyValue(() => z.strictObject({ code: officeCode() }));

export const recordNoteRoute = defineRoute({
  operationId: 'recordMarginalNote',
  method: 'POST',
  path: '/v1/civil-status/acts/{id}/notes',
  summary: "Record a marriage, divorce, death or rectification on a person's birth act; sent to the act's office",
  tags: TAGS,
  access: ['registrar'],
  idempotent: true,
  params: actId,
  body: () => z.strictObject({
    kind: z.enum(['marriage', 'divorce', 'death', 'rectification', 'other']),
    eventDate: z.iso.date(),
    text: z.strictObject({ ar: z.optional(safeFreeText({ max: 2000 })), fr: z.optional(safeFreeText({ max: 2000 })) }).check(z.refine((text) => text.ar !== undefined || text.fr !== undefined, { message: 'Write the note in Arabic, in French, or both' })),
    spouseCivilId: z.optional(checkedCivilId()).check(z.describe("Marriage and divorce: the other spouse's civil identifier, linking the two birth acts")),
    spouseName: z.optional(z.strictObject({ givenName: writtenName(), familyName: writtenName() })).check(z.describe("With spouseCivilId: the spouse's names as their birth act has them (checked against it)")),
  }),
  responses: { 201: { description: 'The note, in transit to (or in the inbox of) the office holding the act', schema: noteSchema }, 400: problem, 401: problem, 403: problem, 404: problem },
});

export const officeInboxRoute = defineRoute({
  operationId: 'officeInbox',
  method: 'GET',
  path: '/v1/civil-status/offices/{code}/inbox',
  summary: 'Notes delivered to the office and not yet applied, oldest first',
  tags: TAGS,
  access: ['registrar'],
  params: officeParams,
  query: () => z.strictObject(paginationQuery),
  responses: { 200: { description: 'A page of notes', schema: () => pageSchema(noteSchema()) }, 400: problem, 401: problem, 403: problem },
});

export const officeOutboxRoute = defineRoute({
  operationId: 'officeOutbox',
  method: 'GET',
  path: '/v1/civil-status/offices/{code}/outbox',
  summary: 'Notes the office sent, newest first, with their delivery status (applied = acknowledged)',
  tags: TAGS,
  access: ['registrar'],
  params: officeParams,
  query: () => z.strictObject(paginationQuery),
  responses: { 200: { description: 'A page of notes', schema: () => pageSchema(noteSchema()) }, 400: problem, 401: problem, 403: problem },
});

export const applyNoteRoute = defineRoute({
  operationId: 'applyMarginalNote',
  method: 'POST',
  path: '/v1/civil-status/offices/{code}/inbox/{noteId}/apply',
  summary: 'Write the note in the margin of the birth act (once), which acknowledges it to the sending office',
  tags: TAGS,
  access: ['registrar'],
  params: () => z.strictObject({ code: officeCode(), noteId: z.uuid() }),
  responses: { 200: { description: 'The applied note', schema: noteSchema }, 400: problem, 401: problem, 403: problem, 404: problem, 409: problem },
});

export const deadLettersRoute = defineRoute({
  operationId: 'noteDeadLetters',
  method: 'GET',
  path: '/v1/civil-status/notes/dead-letters',
  summary: 'Notes whose delivery gave up after its retries',
  tags: TAGS,
  access: ['admin'],
  query: () => z.strictObject(paginationQuery),
  responses: { 200: { description: 'A page of notes', schema: () => pageSchema(noteSchema()) }, 400: problem, 401: problem, 403: problem },
});

export const redriveNoteRoute = defineRoute({
  operationId: 'redriveMarginalNote',
  method: 'POST',
  path: '/v1/civil-status/notes/{noteId}/redrive',
  summary: 'Send a dead-lettered note again',
  tags: TAGS,
  access: ['admin'],
  idempotent: true,
  params: () => z.strictObject({ noteId: z.uuid() }),
  responses: { 200: { description: 'The note, in transit again', schema: noteSchema }, 400: problem, 401: problem, 403: problem, 404: problem, 409: problem },
});

/** One line of a register folder's `index.jsonl`: an act as `POST /v1/civil-status/acts` takes it, and its pages. */
export const indexLineSchema = lazyValue(() => z.strictObject({
    ...actFields(),
    pages: z._default(z.array(
        z.strictObject({
          page: z.int().check(z.gte(1), z.lte(99_999)),
          file: z.string().check(z.minLength(1), z.maxLength(300), z.regex(/^(?!\/)(?!.*\.\.)[\w./-]+$/, 'a path inside the folder')),
          sha256: z.optional(z.string().check(z.regex(/^[0-9a-fA-F]{64}$/))),
        }),
      ).check(z.maxLength(50)), []),
  }).check(z.refine(...deathDateRule)));

const importParams = lazyValue(() => z.strictObject({ importId: z.uuid() }));

const importSchema = lazyValue(() => z.object({
  importId: z.string(),
  folder: z.string(),
  status: z.enum(['running', 'succeeded', 'failed']),
  startedBy: z.string(),
  startedAt: z.string(),
  finishedAt: z.optional(z.string()),
  failure: z.optional(z.string()).check(z.describe('The Step Functions error that stopped the import, when it stopped')),
  report: z.optional(z.object({
      linesTotal: z.optional(z.number()),
      linesRead: z.number(),
      actsImported: z.number(),
      actsAlreadyThere: z.number(),
      pagesStored: z.number(),
      badLines: z.number(),
      badLineDetails: z.array(z.object({ line: z.number(), reason: z.string() })),
      linesNotProcessed: z.array(z.object({ first: z.number(), last: z.number() })),
      registers: z.array(z.object({ registerId: z.string(), actsExpected: z.number(), actsPresent: z.number(), pagesExpected: z.number(), pagesStored: z.number() })),
      complete: z.boolean(),
    })),
}));

export const startImportRoute = defineRoute({
  operationId: 'startRegisterImport',
  method: 'POST',
  path: '/v1/civil-status/imports',
  summary: 'Import a register folder uploaded to the import bucket (index.jsonl and page images), by a Step Functions Distributed Map',
  tags: TAGS,
  access: ['admin'],
  idempotent: true,
  body: () => z.strictObject({
    folder: z.string().check(z.regex(/^(?!.*\.\.)[A-Za-z0-9][\w.-]*(\/[\w.-]+)*$/, 'the key prefix of the folder in the import bucket, e.g. FES-AGDAL/1962-R-7'), z.maxLength(200)),
  }),
  responses: { 202: { description: 'The import, running', schema: importSchema }, 400: problem, 401: problem, 403: problem },
});

export const getImportRoute = defineRoute({
  operationId: 'getRegisterImport',
  method: 'GET',
  path: '/v1/civil-status/imports/{importId}',
  summary: 'An import: its status and, once done, its summary, bad lines and reconciliation per register',
  tags: TAGS,
  access: ['admin', 'auditor'],
  params: importParams,
  responses: { 200: { description: 'The import', schema: importSchema }, 400: problem, 401: problem, 403: problem, 404: problem },
});
