// zod schemas and route contracts of the complaints API (Chikaya), under /v1/complaints.
import * as z from 'zod/mini';
import { actorSchema, codeSchema } from '../../shared/http/common.schema.ts';
import { decimalInteger } from '../../shared/http/decimal-integer.schema.ts';
import { pageSchema, paginationQuery } from '../../shared/http/pagination.ts';
import { FIGURE_COUNTERS } from '../domain/complaint-figures.ts';
import { PROBLEM_RESPONSE, defineRoute } from '../../shared/http/route-contract.ts';
import { safeFreeText, safeName } from '../../shared/text/safe-text.schema.ts';
import { MAX_PHOTO_BYTES, MAX_PHOTOS_PER_COMPLAINT, PHOTO_CONTENT_TYPES } from '../domain/complaint-photos.ts';
import { FOLLOW_UP_TOKEN } from '../domain/follow-up.ts';
import { CLOCK_NAMES, COMPLAINT_CHANNELS, COMPLAINT_EVENT_TYPES, COMPLAINT_KINDS, COMPLAINT_STATUSES, HOLDER_KINDS, QUALIFICATIONS } from '../domain/complaint.ts';
import { lazyValue } from '../../shared/lazy-value.ts';

const TAGS = ['Complaints'];
const problem = PROBLEM_RESPONSE;
const code = codeSchema;
const commune = code;
const complaintId = lazyValue(() => z.strictObject({ id: z.uuid() }));
const text = lazyValue(() => safeFreeText({ max: 5000 }));
const reason = lazyValue(() => safeFreeText({ max: 1000 }));

const instant = lazyValue(() => z.iso.datetime());
const moroccanInstant = lazyValue(() => z.string().check(z.describe('To the second, in Africa/Casablanca with its offset')));
const periodSchema = lazyValue(() => z.strictObject({ days: z.int().check(z.gte(1), z.lte(365)), unit: z.enum(['calendar', 'working']) }));
const clockSchema = lazyValue(() => z.object({
  receiptDate: z.iso.date(),
  period: z.object({ days: z.int(), unit: z.enum(['calendar', 'working']) }),
  suspensions: z.array(z.object({ from: z.iso.date(), to: z.optional(z.iso.date()), startedAt: z.string(), endedAt: z.optional(z.string()) })),
  dueDate: z.iso.date(),
  dueAt: z.string().check(z.describe('End of the due day in Africa/Casablanca, ISO 8601 with offset')),
  holidays: z.array(z.iso.date()),
  countedOn: z.iso.date(),
}));
const clockInstants = lazyValue(() => z.object(Object.fromEntries(CLOCK_NAMES.map((name) => [name, z.optional(instant())])) as Record<(typeof CLOCK_NAMES)[number], z.ZodMiniOptional<z.ZodMiniISODateTime>>));

const locationSchema = lazyValue(() => z.strictObject({
    point: z.optional(z.strictObject({ lat: z.number().check(z.gte(-90), z.lte(90)), long: z.number().check(z.gte(-180), z.lte(180)) })),
    address: z.optional(safeName({ max: 300 })),
    quarter: z.optional(safeName({ max: 120 })).check(z.describe('The douar or quarter, as people name it')),
  }).check(z.refine((location) => location.point || location.address || location.quarter, 'a point, an address or a quarter')));

const holderSchema = lazyValue(() => z.strictObject({
  kind: z.enum(HOLDER_KINDS),
  name: safeName({ max: 200 }),
  commune: z.optional(commune).check(z.describe('A collectivity of the platform: the file moves into its unit’s queue')),
}));

const suggestedDuplicatesSchema = lazyValue(() => z.optional(z.array(z.object({ id: z.uuid(), reason: z.enum(['nearby', 'same-text']), distanceMeters: z.optional(z.int()) }))).check(z.describe('Open complaints it may repeat, suggested to the unit: nearby in its category, or in the same words')));

const photoSchema = lazyValue(() => z.object({
  id: z.uuid(),
  contentType: z.enum(PHOTO_CONTENT_TYPES),
  sizeBytes: z.int(),
  sha256: z.string().check(z.describe('Of the photo as uploaded')),
  declaredAt: instant(),
  status: z.enum(['awaiting-upload', 'attached']),
  attachedAt: z.optional(instant()),
  publicCopy: z.optional(z.object({ sha256: z.string(), sizeBytes: z.int() })).check(z.describe('The copy without metadata the public gets')),
  scan: z.enum(['pending', 'clean', 'not-scanned', 'quarantined']).check(z.describe('The malware scan: released once clean (not-scanned where no scanner is deployed)')),
  scanResult: z.optional(z.object({ tag: z.string(), at: instant() })),
}));

const mediatorReferralFields = lazyValue(() => ({
  reference: z.string().check(z.describe("The Médiateur's reference of its file")),
  receivedOn: z.iso.date().check(z.describe('The date the administration received the referral')),
  answerDueOn: z.iso.date().check(z.describe('The last day of the answer to the Médiateur')),
  answerDays: z.int().check(z.describe("Calendar days from the receipt (the commune's data: not confirmed)")),
  recordedAt: instant(),
}));
const mediatorReferralSchema = lazyValue(() => z.object({ ...mediatorReferralFields(), recordedBy: actorSchema }));

const complaintSchema = lazyValue(() => z.object({
  id: z.uuid(),
  commune: z.string().check(z.describe('The collectivity whose unit handles it now')),
  filedWith: z.string().check(z.describe('The collectivity it was first addressed to')),
  kind: z.enum(COMPLAINT_KINDS),
  category: z.string(),
  privateMatter: z.boolean(),
  text: z.string(),
  location: z.optional(z.object({ point: z.optional(z.object({ lat: z.number(), long: z.number() })), address: z.optional(z.string()), quarter: z.optional(z.string()) })),
  channel: z.enum(COMPLAINT_CHANNELS),
  complainant: z.optional(z.string()).check(z.describe('The signed-in citizen who filed it')),
  contact: z.optional(z.object({ email: z.optional(z.string()), phone: z.optional(z.string()) })).check(z.describe('How to reach who filed it without signing in (the unit alone sees it)')),
  letter: z.optional(z.object({ letterId: z.uuid(), number: z.string(), sender: z.optional(z.object({ name: z.string(), organisation: z.optional(z.string()) })) })).check(z.describe("The registry office's letter it was opened from, and who wrote it")),
  receivedAt: moroccanInstant().check(z.describe('When it was received: both clocks start from it')),
  status: z.enum(COMPLAINT_STATUSES),
  updatedAt: instant().check(z.describe('The instant of its latest change')),
  clocks: z.object({ acknowledgment: clockSchema(), answer: clockSchema() }),
  lapses: z.optional(clockInstants()).check(z.describe('When each deadline passed unmet, recorded at that instant')),
  remindersSent: z.optional(z.array(z.enum(CLOCK_NAMES))),
  acknowledgment: z.optional(z.object({ at: instant(), by: actorSchema, late: z.boolean() })),
  qualification: z.optional(z.object({ decision: z.enum(QUALIFICATIONS), reason: z.optional(z.string()), duplicateOf: z.optional(z.uuid()), at: instant(), by: actorSchema })),
  assignment: z.optional(z.object({ service: z.string(), at: instant(), by: actorSchema })),
  informationRequests: z.optional(z.array(z.object({ question: z.string(), at: instant(), by: actorSchema, reply: z.optional(z.object({ text: z.string(), at: instant() })) }))),
  transfers: z.optional(z.array(z.object({ from: z.string(), to: holderSchema(), reason: z.string(), at: instant(), by: actorSchema }))),
  holder: z.optional(holderSchema()).check(z.describe('The body outside the platform that holds the file now')),
  answer: z.optional(z.object({ text: z.string(), signedBy: z.string(), at: instant(), by: actorSchema, late: z.boolean() })),
  closure: z.optional(z.object({ at: instant(), by: actorSchema, note: z.optional(z.string()) })),
  reopening: z.optional(z.object({ at: instant(), reason: z.string() })),
  rating: z.optional(z.object({ score: z.int(), comment: z.optional(z.string()), at: instant(), ofAnswerAt: instant() })),
  rules: z.object({
      reopenWindowDays: z.int(),
      reminderDaysBefore: z.object({ acknowledgment: z.int(), answer: z.int() }),
      duplicateRadiusMeters: z.int(),
      mediatorAnswerDays: z.optional(z.int()),
    }).check(z.describe("The commune's rules in force at its filing")),
  suggestedDuplicates: suggestedDuplicatesSchema(),
  photos: z.optional(z.array(photoSchema())),
  mediatorReferral: z.optional(mediatorReferralSchema()).check(z.describe("The Médiateur du Royaume's file about it, once the unit recorded the referral")),
  filedBy: actorSchema,
  version: z.int(),
}));

const responses = { 400: problem, 401: problem, 403: problem };
const changeResponses = { 200: { description: 'The complaint as it now stands', schema: complaintSchema }, ...responses, 404: problem, 409: problem, 422: problem };

function change<Body extends z.ZodMiniType>(operationId: string, segment: string, summary: string, access: readonly ['complaints-officer'] | readonly ['citizen'], body: () => Body, bodyExample: z.input<Body>) {
  return defineRoute({ operationId, method: 'POST', path: `/v1/complaints/{id}/${segment}`, summary, tags: TAGS, access, idempotent: true, params: complaintId, body, bodyExample, responses: changeResponses });
}

const unit = ['complaints-officer'] as const;
const citizen = ['citizen'] as const;
const nothing = lazyValue(() => z.strictObject({}));

export const fileComplaintRoute = defineRoute({
  operationId: 'fileComplaint',
  method: 'POST',
  path: '/v1/complaints',
  summary: "A signed-in citizen files a complaint (réclamation), an observation or a suggestion with a collectivity: received now, its acknowledgment due in 15 days and its answer in 60 (the category's periods)",
  tags: TAGS,
  access: citizen,
  idempotent: 'by-use-case',
  body: () => z.strictObject({ commune, kind: z.enum(COMPLAINT_KINDS), category: code.check(z.describe("One of the commune's categories (GET /v1/complaints/settings/{commune})")), text: text(), location: z.optional(locationSchema()) }),
  bodyExample: { commune: 'rabat', kind: 'reclamation', category: 'eclairage-public', text: 'Les lampadaires de la rue Oued Ziz sont éteints depuis deux semaines.', location: { point: { lat: 34.0132, long: -6.8326 }, quarter: 'Agdal' } },
  responses: { 201: { description: 'The complaint filed, with its clocks', schema: complaintSchema }, ...responses, 409: problem, 422: problem },
});

/** A Moroccan number, written as people do (`06 12 34 56 78`, `+212 612-345678`), kept as `+212` and nine digits. */
const moroccanPhone = lazyValue(() => z.pipe(z.pipe(z.pipe(z.string(), z.transform((phone) => phone.replace(/[\s.-]/g, ''))), z.string().check(z.regex(/^(\+212|00212|0)[5-7]\d{8}$/, 'a Moroccan number: 0, +212 or 00212, then 5, 6 or 7 and eight digits'))), z.transform((phone) => `+212${phone.replace(/^(\+212|00212|0)/, '')}`)));

const followUpSchema = lazyValue(() => z.object({
  id: z.uuid(),
  commune: z.string(),
  kind: z.enum(COMPLAINT_KINDS),
  category: z.string(),
  status: z.enum(COMPLAINT_STATUSES),
  receivedAt: moroccanInstant(),
  acknowledgmentDueAt: z.string(),
  answerDueAt: z.string(),
  acknowledgment: z.optional(z.object({ at: instant(), late: z.boolean() })),
  qualification: z.optional(z.object({ decision: z.enum(QUALIFICATIONS), reason: z.optional(z.string()) })),
  holder: z.optional(holderSchema()),
  answer: z.optional(z.object({ text: z.string(), signedBy: z.string(), at: instant() })),
  closedAt: z.optional(instant()),
}));

export const fileAnonymousComplaintRoute = defineRoute({
  operationId: 'fileAnonymousComplaint',
  method: 'POST',
  path: '/v1/complaints/anonymous',
  summary:
    'Anyone files a complaint without signing in, where the commune allows it (its settings; 403 otherwise), giving an e-mail address or a Moroccan phone number that only the unit sees. Answers the follow-up token, once: only its digest is kept',
  tags: TAGS,
  access: 'public',
  // Public writes: the limit keeps anyone from filling a unit's queue or spending the platform's capacity.
  throttle: { ratePerSecond: 5, burst: 20 },
  idempotent: 'by-use-case',
  body: () => z.strictObject({
    commune,
    kind: z.enum(COMPLAINT_KINDS),
    category: code,
    text: text(),
    location: z.optional(locationSchema()),
    contact: z.strictObject({ email: z.optional(z.email().check(z.maxLength(254))), phone: z.optional(moroccanPhone()) }).check(z.refine((contact) => contact.email || contact.phone, 'an e-mail address or a phone number, to be reached')),
  }),
  bodyExample: { commune: 'rabat', kind: 'reclamation', category: 'voirie', text: 'Nid-de-poule profond devant le n° 12, rue Oued Ziz.', contact: { phone: '06 12 34 56 78' } },
  responses: {
    201: {
      description: 'The complaint as its follow-up shows it, and the token to follow it (only in the answer to the filing that created it)',
      schema: () => z.object({ complaint: followUpSchema(), followUpToken: z.optional(z.string()) }),
    },
    400: problem,
    403: problem,
    422: problem,
  },
});

export const followUpRoute = defineRoute({
  operationId: 'followUpComplaint',
  method: 'POST',
  path: '/v1/complaints/follow-up',
  summary: 'Where a complaint filed without signing in stands, and its answer, for whoever holds its follow-up token (sent in the body, never in an address); an unknown token: 404',
  tags: TAGS,
  access: 'public',
  // The token is 256 random bits; the limit keeps anyone from spending the platform's capacity trying.
  throttle: { ratePerSecond: 5, burst: 20 },
  body: () => z.strictObject({ token: z.string().check(z.regex(FOLLOW_UP_TOKEN, 'the 43 characters the filing answered')) }),
  bodyExample: { token: 'q3Zx8bV1mN0pK2rT5yW7aC9eG4iL6oS8uB1dF3hJ5kM' },
  responses: { 200: { description: 'Where the complaint stands', schema: followUpSchema }, 400: problem, 404: problem },
});

export const myComplaintsRoute = defineRoute({
  operationId: 'myComplaints',
  method: 'GET',
  path: '/v1/complaints/mine',
  summary: 'The complaints the signed-in citizen filed (and the letters they lodged online that became complaints), newest received first, with where each stands and its deadlines',
  tags: TAGS,
  access: citizen,
  query: () => z.strictObject(paginationQuery),
  responses: {
    200: {
      description: 'A page of their complaints',
      schema: () => pageSchema(
        z.object({
          id: z.uuid(),
          commune: z.string(),
          kind: z.enum(COMPLAINT_KINDS),
          category: z.string(),
          status: z.enum(COMPLAINT_STATUSES),
          receivedAt: moroccanInstant(),
          updatedAt: instant(),
          acknowledgmentDueAt: z.string(),
          answerDueAt: z.string(),
        }),
      ),
    },
    ...responses,
  },
});

export const getComplaintRoute = defineRoute({
  operationId: 'getComplaint',
  method: 'GET',
  path: '/v1/complaints/{id}',
  summary: 'A complaint: its complainant and the unit of the collectivity holding it',
  tags: TAGS,
  access: ['citizen', 'complaints-officer'],
  params: complaintId,
  responses: { 200: { description: 'The complaint', schema: complaintSchema }, ...responses, 404: problem },
});

export const complaintHistoryRoute = defineRoute({
  operationId: 'complaintHistory',
  method: 'GET',
  path: '/v1/complaints/{id}/history',
  summary: "A complaint's history, oldest first: every change is an event saying who, when and why, never rewritten",
  tags: TAGS,
  access: ['citizen', 'complaints-officer'],
  params: complaintId,
  query: () => z.strictObject(paginationQuery),
  responses: {
    200: {
      description: 'A page of events',
      schema: () => pageSchema(
        z.object({
          complaintId: z.uuid(),
          version: z.int(),
          type: z.enum(COMPLAINT_EVENT_TYPES),
          at: instant(),
          by: actorSchema,
          statusBefore: z.optional(z.enum(COMPLAINT_STATUSES)),
          statusAfter: z.enum(COMPLAINT_STATUSES),
          reason: z.optional(z.string()),
          details: z.optional(z.record(z.string(), z.unknown())),
        }),
      ),
    },
    ...responses,
    404: problem,
  },
});

export const unitQueueRoute = defineRoute({
  operationId: 'complaintsQueue',
  method: 'GET',
  path: '/v1/complaints/queues/{commune}',
  summary: "A unit's open complaints, oldest received first, with their deadlines and the lapses recorded (late acknowledgments, late answers): its officers and auditors; no complainant, text or location",
  tags: TAGS,
  access: ['complaints-officer', 'auditor'],
  params: () => z.strictObject({ commune }),
  query: () => z.strictObject(paginationQuery),
  responses: {
    200: {
      description: 'A page of the queue',
      schema: () => pageSchema(
        z.object({
          id: z.uuid(),
          kind: z.enum(COMPLAINT_KINDS),
          category: z.string(),
          status: z.enum(COMPLAINT_STATUSES),
          receivedAt: moroccanInstant(),
          acknowledgmentDueAt: z.string(),
          answerDueAt: z.string(),
          lapses: z.optional(clockInstants()),
          remindersSent: z.optional(z.array(z.enum(CLOCK_NAMES))),
          service: z.optional(z.string()),
          holder: z.optional(holderSchema()),
          suggestedDuplicates: suggestedDuplicatesSchema(),
        }),
      ),
    },
    ...responses,
  },
});

export const acknowledgeRoute = change('acknowledgeComplaint', 'acknowledgment', 'The unit acknowledges receipt; late when after the acknowledgment deadline, whose lapse was counted as it passed', unit, nothing, {});

export const qualifyRoute = change(
  'qualifyComplaint',
  'qualification',
  'The unit qualifies an acknowledged complaint: admissible (then assigned), not competent (then transferred), inadmissible with its reason, or a duplicate of another complaint',
  unit,
  () => z.strictObject({ decision: z.enum(QUALIFICATIONS), reason: z.optional(reason()), duplicateOf: z.optional(z.uuid()) }).check(z.refine((body) => body.decision !== 'inadmissible' || body.reason, { message: 'an inadmissible complaint is told why', path: ['reason'] }), z.refine((body) => body.decision !== 'not-competent' || body.reason, { message: 'say who is competent, and why', path: ['reason'] }), z.refine((body) => (body.decision === 'duplicate') === (body.duplicateOf !== undefined), { message: 'a duplicate names the complaint it duplicates, and only a duplicate', path: ['duplicateOf'] })),
  { decision: 'admissible' },
);

export const assignRoute = change('assignComplaint', 'assignment', 'The unit assigns an admissible complaint to the service that will answer it (again, to move it)', unit, () => z.strictObject({ service: code.check(z.describe('The service, as the commune names it')) }), { service: 'eclairage' });

export const takeUpRoute = change('takeUpComplaint', 'taking-up', 'The service takes an assigned or reopened complaint up: in progress', unit, nothing, {});

export const requestInformationRoute = change(
  'requestComplaintInformation',
  'information-request',
  'The unit asks the complainant for information: the answer clock is suspended until they reply',
  unit,
  () => z.strictObject({ question: reason() }),
  { question: 'Pouvez-vous préciser le numéro du lampadaire le plus proche ?' },
);

export const provideInformationRoute = change(
  'provideComplaintInformation',
  'information',
  'The complainant replies to the request for information: the answer clock resumes',
  citizen,
  () => z.strictObject({ text: text() }),
  { text: 'Le lampadaire n° 118, en face de la pharmacie.' },
);

export const transferRoute = change(
  'transferComplaint',
  'transfer',
  'The unit transfers the file to the competent body: another collectivity of the platform (its unit takes it over), a State service or a delegated operator; the complainant is told who holds it, the clocks keep running from the same receipt',
  unit,
  () => z.strictObject({ to: holderSchema(), reason: reason() }),
  { to: { kind: 'delegated-operator', name: 'Régie autonome de distribution' }, reason: "L'éclairage de cette voie relève du délégataire" },
);

export const answerRoute = change(
  'answerComplaint',
  'answer',
  'The unit gives the reasoned answer, signed by the president or a delegate: the answer clock stops (late when after its deadline)',
  unit,
  () => z.strictObject({ text: text(), signedBy: safeName({ max: 200 }).check(z.describe('The president, or the delegate who signs')) }),
  { text: 'Les lampadaires ont été remplacés le 12 mars.', signedBy: 'Le Président du conseil communal' },
);

export const closeRoute = change('closeComplaint', 'closure', 'The unit closes an answered complaint', unit, () => z.strictObject({ note: z.optional(reason()) }), { note: 'Réponse envoyée' });

export const reopenRoute = change(
  'reopenComplaint',
  'reopening',
  "The complainant asks for a second examination of the answer, once, within the commune's window after it (30 days by default)",
  citizen,
  () => z.strictObject({ reason: reason() }),
  { reason: 'Un seul lampadaire sur trois a été remplacé.' },
);

export const rateRoute = change(
  'rateComplaint',
  'rating',
  'The complainant rates the latest answer, from 1 to 5, once per answer',
  citizen,
  () => z.strictObject({ score: z.int().check(z.gte(1), z.lte(5)), comment: z.optional(reason()) }),
  { score: 4, comment: 'Réponse claire' },
);

export const referToMediatorRoute = change(
  'referComplaintToMediator',
  'mediator-referral',
  "The unit records that the Médiateur du Royaume opened a file about the complaint, with its reference and the date the referral was received: once; the answer to the Médiateur is due the commune's `mediatorAnswerDays` later",
  unit,
  () => z.strictObject({ reference: safeName({ max: 64 }).check(z.describe("The Médiateur's reference of its file")), receivedOn: z.iso.date().check(z.describe('The date the referral was received, not after today')) }),
  { reference: 'MR-2026-04512', receivedOn: '2026-11-20' },
);

export const mediatorPackRoute = defineRoute({
  operationId: 'complaintMediatorPack',
  method: 'GET',
  path: '/v1/complaints/{id}/mediator-pack',
  summary:
    'The complaint and its whole timeline, each legal deadline with whether it was met, for its complainant (or the unit) to join to a referral to the Médiateur du Royaume; the platform does not send it. Who acted is given by role only',
  tags: TAGS,
  access: ['citizen', 'complaints-officer'],
  params: complaintId,
  responses: {
    200: {
      description: 'The pack, as of now',
      schema: () => z.object({
        generatedAt: instant(),
        purpose: z.object({ ar: z.string(), fr: z.string(), en: z.string() }),
        complaint: z.object({
          id: z.uuid(),
          kind: z.enum(COMPLAINT_KINDS),
          category: z.string(),
          commune: z.string(),
          filedWith: z.string(),
          channel: z.enum(COMPLAINT_CHANNELS),
          receivedAt: moroccanInstant(),
          status: z.enum(COMPLAINT_STATUSES),
          text: z.string(),
          address: z.optional(z.string()),
        }),
        deadlines: z.array(
          z.object({
            name: z.enum(CLOCK_NAMES),
            dueDate: z.iso.date(),
            metAt: z.optional(instant()),
            lapsedAt: z.optional(instant()),
            met: z.nullable(z.boolean()).check(z.describe('null while the deadline runs unmet')),
          }),
        ),
        answer: z.optional(z.object({ text: z.string(), signedBy: z.string(), at: instant(), late: z.boolean() })),
        mediatorReferral: z.optional(z.object(mediatorReferralFields())),
        timeline: z.array(
          z.object({
            at: instant(),
            type: z.enum(COMPLAINT_EVENT_TYPES),
            byRole: z.string(),
            statusAfter: z.enum(COMPLAINT_STATUSES),
            reason: z.optional(z.string()),
          }),
        ),
      }),
    },
    ...responses,
    404: problem,
  },
});

const photoId = lazyValue(() => z.strictObject({ id: z.uuid(), photoId: z.uuid() }));
const photoResponses = { 200: { description: 'The photo', schema: photoSchema }, ...responses, 404: problem, 409: problem, 422: problem };

export const declarePhotoRoute = defineRoute({
  operationId: 'declareComplaintPhoto',
  method: 'POST',
  path: '/v1/complaints/{id}/photos',
  summary: `Its complainant declares a photo (JPEG or PNG, ${MAX_PHOTO_BYTES / 1024 / 1024} MiB at most, ${MAX_PHOTOS_PER_COMPLAINT} a complaint) with its SHA-256, while the complaint is open. Answers where to upload it`,
  tags: TAGS,
  access: citizen,
  idempotent: true,
  params: complaintId,
  body: () => z.strictObject({
    contentType: z.enum(PHOTO_CONTENT_TYPES),
    sizeBytes: z.int().check(z.gte(1), z.lte(MAX_PHOTO_BYTES), z.describe(`In bytes, at most ${MAX_PHOTO_BYTES} (10 MiB)`)),
    sha256: z.string().check(z.regex(/^[0-9a-fA-F]{64}$/, 'the SHA-256 of the photo, 64 hexadecimal digits')),
  }),
  bodyExample: { contentType: 'image/jpeg', sizeBytes: 2_483_112, sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
  responses: {
    201: {
      description: 'The declared photo, and where to upload it: PUT with the headers given (they are signed), within 15 minutes; then complete it',
      schema: () => z.object({ photo: photoSchema(), upload: z.object({ method: z.literal('PUT'), url: z.string(), headers: z.record(z.string(), z.string()), expiresAt: z.string() }) }),
    },
    ...responses,
    404: problem,
    409: problem,
    422: problem,
  },
});

export const completePhotoRoute = defineRoute({
  operationId: 'completeComplaintPhoto',
  method: 'POST',
  path: '/v1/complaints/{id}/photos/{photoId}/complete',
  summary:
    'The photo is uploaded (its complainant): kept only if it has the declared SHA-256 and size and is a JPEG or PNG of the declared type, and its copy without metadata is made for the public; otherwise it is removed (422). Again later: reads the malware scan',
  tags: TAGS,
  access: citizen,
  idempotent: true,
  params: photoId,
  responses: photoResponses,
});

export const readPhotoRoute = defineRoute({
  operationId: 'readComplaintPhoto',
  method: 'GET',
  path: '/v1/complaints/{id}/photos/{photoId}',
  summary:
    'A link valid 5 minutes to the photo as it was taken, for its complainant and the unit holding the complaint, once the malware scan released it (409 `file-not-scanned-yet` before, 422 `file-quarantined`); every read is logged',
  tags: TAGS,
  access: ['citizen', 'complaints-officer'],
  params: photoId,
  responses: { ...photoResponses, 200: { description: 'The photo and a link to read it', schema: () => z.object({ photo: photoSchema(), url: z.string(), expiresAt: z.string() }) } },
});

const categorySchema = lazyValue(() => z.strictObject({
  code,
  names: z.strictObject({ ar: safeName({ max: 120 }), fr: safeName({ max: 120 }), en: safeName({ max: 120 }) }),
  acknowledgmentPeriod: periodSchema(),
  answerPeriod: periodSchema(),
  privateMatter: z.boolean().check(z.describe("About one person's own affairs: never shown with a location in public")),
}));

const editableSettings = lazyValue(() => ({
  categories: z.array(categorySchema()).check(z.minLength(1), z.maxLength(100)),
  reopenWindowDays: z.int().check(z.gte(1), z.lte(365)),
  reminderDaysBefore: z.strictObject({ acknowledgment: z.int().check(z.gte(0), z.lte(60)), answer: z.int().check(z.gte(0), z.lte(120)) }),
  duplicateRadiusMeters: z.int().check(z.gte(0), z.lte(1000), z.describe('Open complaints of the same category this close to a new one are suggested as duplicates')),
  mediatorAnswerDays: z._default(z.number().check(z.int(), z.gte(1), z.lte(365)), 60).check(z.describe('Calendar days the administration has to answer the Médiateur du Royaume once it seizes it (60 in one source: not confirmed), for complaints filed from now')),
  anonymousFiling: z._default(z.boolean(), false).check(z.describe('Anyone may file without signing in, giving an e-mail address or a phone number (off by default)')),
  territory: z.optional(z.array(z.strictObject({ lat: z.number().check(z.gte(-90), z.lte(90)), long: z.number().check(z.gte(-180), z.lte(180)) })).check(z.minLength(3), z.maxLength(500))).check(z.describe("The commune's territory, approximately: a polygon whose points go round its limits. A filing's point outside it is refused; none, nothing is checked")),
}));

const settingsSchema = lazyValue(() => z.object({ commune: z.string(), ...editableSettings(), version: z.int().check(z.describe('0 while the defaults apply')), updatedAt: z.optional(z.string()), updatedBy: z.optional(actorSchema) }));

export const getSettingsRoute = defineRoute({
  operationId: 'getComplaintSettings',
  method: 'GET',
  path: '/v1/complaints/settings/{commune}',
  summary: "A commune's complaints settings: its categories with their deadlines, the reopening window, the reminders; the defaults until an administrator sets them",
  tags: TAGS,
  access: ['complaints-officer', 'admin', 'auditor'],
  params: () => z.strictObject({ commune }),
  responses: { 200: { description: 'The settings', schema: settingsSchema }, ...responses, 404: problem },
});

export const putSettingsRoute = defineRoute({
  operationId: 'setComplaintSettings',
  method: 'PUT',
  path: '/v1/complaints/settings/{commune}',
  summary: "Set a commune's complaints settings; complaints already filed keep their deadlines",
  tags: TAGS,
  access: ['admin'],
  idempotent: true,
  params: () => z.strictObject({ commune }),
  body: () => z.strictObject(editableSettings()),
  bodyExample: {
    categories: [
      { code: 'eclairage-public', names: { ar: 'الإنارة العمومية', fr: 'Éclairage public', en: 'Street lighting' }, acknowledgmentPeriod: { days: 15, unit: 'calendar' }, answerPeriod: { days: 60, unit: 'calendar' }, privateMatter: false },
    ],
    reopenWindowDays: 30,
    reminderDaysBefore: { acknowledgment: 5, answer: 15 },
    duplicateRadiusMeters: 100,
    anonymousFiling: false,
  },
  responses: { 200: { description: 'The settings now in force', schema: settingsSchema }, ...responses, 404: problem, 409: problem, 422: problem },
});


const figuresSchema = lazyValue(() => z.object({
  ...Object.fromEntries(FIGURE_COUNTERS.map((counter) => [counter, z.number()])),
  averageAnswerDays: z.nullable(z.number()).check(z.describe('Days from receipt to the first answer, on average; null before any answer')),
  satisfaction: z.nullable(z.number()).check(z.describe('Mean rating out of 5; null before any rating')),
}));

export const complaintFiguresRoute = defineRoute({
  operationId: 'complaintFigures',
  method: 'GET',
  path: '/v1/stats/complaints/{commune}/{year}',
  summary:
    "A collectivity's open figures of the complaints received in a year, in total and per category: received, acknowledged late, answered and in how many days, answered late, reopened, satisfaction. Public: no personal data",
  tags: TAGS,
  access: 'public',
  params: () => z.strictObject({ commune, year: decimalInteger({ min: 2000, max: 2100 }) }),
  responses: {
    200: {
      description: 'The figures',
      schema: () => z.object({ commune: z.string(), year: z.int(), totals: figuresSchema(), byCategory: z.array(z.extend(figuresSchema(), { category: z.string() })) }),
    },
    400: problem,
    404: problem,
  },
});
