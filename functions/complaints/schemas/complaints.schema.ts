// zod schemas and route contracts of the complaints API (Chikaya), under /v1/complaints.
import * as z from 'zod';
import { decimalInteger } from '../../shared/http/decimal-integer.ts';
import { pageSchema, paginationQuery } from '../../shared/http/pagination.ts';
import { FIGURE_COUNTERS } from '../domain/complaint-figures.ts';
import { PROBLEM_RESPONSE, defineRoute } from '../../shared/http/route-contract.ts';
import { safeFreeText, safeName } from '../../shared/text/safe-text.ts';
import { MAX_PHOTO_BYTES, MAX_PHOTOS_PER_COMPLAINT, PHOTO_CONTENT_TYPES } from '../domain/complaint-photos.ts';
import { FOLLOW_UP_TOKEN } from '../domain/follow-up.ts';
import { CLOCK_NAMES, COMPLAINT_CHANNELS, COMPLAINT_EVENT_TYPES, COMPLAINT_KINDS, COMPLAINT_STATUSES, HOLDER_KINDS, QUALIFICATIONS } from '../domain/complaint.ts';

const TAGS = ['Complaints'];
const problem = PROBLEM_RESPONSE;
const code = z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, 'lower-case letters, digits and dashes');
const commune = code;
const complaintId = z.strictObject({ id: z.uuid() });
const text = safeFreeText({ max: 5000 });
const reason = safeFreeText({ max: 1000 });

const actorSchema = z.object({ sub: z.string(), role: z.string() });
const instant = z.iso.datetime();
const moroccanInstant = z.string().describe('To the second, in Africa/Casablanca with its offset');
const periodSchema = z.strictObject({ days: z.number().int().min(1).max(365), unit: z.enum(['calendar', 'working']) });
const clockSchema = z.object({
  receiptDate: z.iso.date(),
  period: z.object({ days: z.number().int(), unit: z.enum(['calendar', 'working']) }),
  suspensions: z.array(z.object({ from: z.iso.date(), to: z.iso.date().optional(), startedAt: z.string(), endedAt: z.string().optional() })),
  dueDate: z.iso.date(),
  dueAt: z.string().describe('End of the due day in Africa/Casablanca, ISO 8601 with offset'),
  holidays: z.array(z.iso.date()),
  countedOn: z.iso.date(),
});
const clockInstants = z.object(Object.fromEntries(CLOCK_NAMES.map((name) => [name, instant.optional()])) as Record<(typeof CLOCK_NAMES)[number], z.ZodOptional<z.ZodISODateTime>>);

const locationSchema = z
  .strictObject({
    point: z.strictObject({ lat: z.number().min(-90).max(90), long: z.number().min(-180).max(180) }).optional(),
    address: safeName({ max: 300 }).optional(),
    quarter: safeName({ max: 120 }).optional().describe('The douar or quarter, as people name it'),
  })
  .refine((location) => location.point || location.address || location.quarter, 'a point, an address or a quarter');

const holderSchema = z.strictObject({
  kind: z.enum(HOLDER_KINDS),
  name: safeName({ max: 200 }),
  commune: commune.optional().describe('A collectivity of the platform: the file moves into its unit’s queue'),
});

const suggestedDuplicatesSchema = z
  .array(z.object({ id: z.uuid(), reason: z.enum(['nearby', 'same-text']), distanceMeters: z.number().int().optional() }))
  .optional()
  .describe('Open complaints it may repeat, suggested to the unit: nearby in its category, or in the same words');

const photoSchema = z.object({
  id: z.uuid(),
  contentType: z.enum(PHOTO_CONTENT_TYPES),
  sizeBytes: z.number().int(),
  sha256: z.string().describe('Of the photo as uploaded'),
  declaredAt: instant,
  status: z.enum(['awaiting-upload', 'attached']),
  attachedAt: instant.optional(),
  publicCopy: z.object({ sha256: z.string(), sizeBytes: z.number().int() }).optional().describe('The copy without metadata the public gets'),
  scan: z.enum(['pending', 'clean', 'not-scanned', 'quarantined']).describe('The malware scan: released once clean (not-scanned where no scanner is deployed)'),
  scanResult: z.object({ tag: z.string(), at: instant }).optional(),
});

const mediatorReferralFields = {
  reference: z.string().describe("The Médiateur's reference of its file"),
  receivedOn: z.iso.date().describe('The date the administration received the referral'),
  answerDueOn: z.iso.date().describe('The last day of the answer to the Médiateur'),
  answerDays: z.number().int().describe("Calendar days from the receipt (the commune's data: not confirmed)"),
  recordedAt: instant,
};
const mediatorReferralSchema = z.object({ ...mediatorReferralFields, recordedBy: actorSchema });

const complaintSchema = z.object({
  id: z.uuid(),
  commune: z.string().describe('The collectivity whose unit handles it now'),
  filedWith: z.string().describe('The collectivity it was first addressed to'),
  kind: z.enum(COMPLAINT_KINDS),
  category: z.string(),
  privateMatter: z.boolean(),
  text: z.string(),
  location: z.object({ point: z.object({ lat: z.number(), long: z.number() }).optional(), address: z.string().optional(), quarter: z.string().optional() }).optional(),
  channel: z.enum(COMPLAINT_CHANNELS),
  complainant: z.string().optional().describe('The signed-in citizen who filed it'),
  contact: z.object({ email: z.string().optional(), phone: z.string().optional() }).optional().describe('How to reach who filed it without signing in (the unit alone sees it)'),
  letter: z
    .object({ letterId: z.uuid(), number: z.string(), sender: z.object({ name: z.string(), organisation: z.string().optional() }).optional() })
    .optional()
    .describe("The registry office's letter it was opened from, and who wrote it"),
  receivedAt: moroccanInstant.describe('When it was received: both clocks start from it'),
  status: z.enum(COMPLAINT_STATUSES),
  updatedAt: instant.describe('The instant of its latest change'),
  clocks: z.object({ acknowledgment: clockSchema, answer: clockSchema }),
  lapses: clockInstants.optional().describe('When each deadline passed unmet, recorded at that instant'),
  remindersSent: z.array(z.enum(CLOCK_NAMES)).optional(),
  acknowledgment: z.object({ at: instant, by: actorSchema, late: z.boolean() }).optional(),
  qualification: z.object({ decision: z.enum(QUALIFICATIONS), reason: z.string().optional(), duplicateOf: z.uuid().optional(), at: instant, by: actorSchema }).optional(),
  assignment: z.object({ service: z.string(), at: instant, by: actorSchema }).optional(),
  informationRequests: z.array(z.object({ question: z.string(), at: instant, by: actorSchema, reply: z.object({ text: z.string(), at: instant }).optional() })).optional(),
  transfers: z.array(z.object({ from: z.string(), to: holderSchema, reason: z.string(), at: instant, by: actorSchema })).optional(),
  holder: holderSchema.optional().describe('The body outside the platform that holds the file now'),
  answer: z.object({ text: z.string(), signedBy: z.string(), at: instant, by: actorSchema, late: z.boolean() }).optional(),
  closure: z.object({ at: instant, by: actorSchema, note: z.string().optional() }).optional(),
  reopening: z.object({ at: instant, reason: z.string() }).optional(),
  rating: z.object({ score: z.number().int(), comment: z.string().optional(), at: instant, ofAnswerAt: instant }).optional(),
  rules: z
    .object({
      reopenWindowDays: z.number().int(),
      reminderDaysBefore: z.object({ acknowledgment: z.number().int(), answer: z.number().int() }),
      duplicateRadiusMeters: z.number().int(),
      mediatorAnswerDays: z.number().int().optional(),
    })
    .describe("The commune's rules in force at its filing"),
  suggestedDuplicates: suggestedDuplicatesSchema,
  photos: z.array(photoSchema).optional(),
  mediatorReferral: mediatorReferralSchema.optional().describe("The Médiateur du Royaume's file about it, once the unit recorded the referral"),
  filedBy: actorSchema,
  version: z.number().int(),
});

const responses = { 400: problem, 401: problem, 403: problem };
const changeResponses = { 200: { description: 'The complaint as it now stands', schema: complaintSchema }, ...responses, 404: problem, 409: problem, 422: problem };

function change<Body extends z.ZodType>(operationId: string, segment: string, summary: string, access: readonly ['complaints-officer'] | readonly ['citizen'], body: Body, bodyExample: z.input<Body>) {
  return defineRoute({ operationId, method: 'POST', path: `/v1/complaints/{id}/${segment}`, summary, tags: TAGS, access, idempotent: true, params: complaintId, body, bodyExample, responses: changeResponses });
}

const unit = ['complaints-officer'] as const;
const citizen = ['citizen'] as const;
const nothing = z.strictObject({});

export const fileComplaintRoute = defineRoute({
  operationId: 'fileComplaint',
  method: 'POST',
  path: '/v1/complaints',
  summary: "A signed-in citizen files a complaint (réclamation), an observation or a suggestion with a collectivity: received now, its acknowledgment due in 15 days and its answer in 60 (the category's periods)",
  tags: TAGS,
  access: citizen,
  idempotent: 'by-use-case',
  body: z.strictObject({ commune, kind: z.enum(COMPLAINT_KINDS), category: code.describe("One of the commune's categories (GET /v1/complaints/settings/{commune})"), text, location: locationSchema.optional() }),
  bodyExample: { commune: 'rabat', kind: 'reclamation', category: 'eclairage-public', text: 'Les lampadaires de la rue Oued Ziz sont éteints depuis deux semaines.', location: { point: { lat: 34.0132, long: -6.8326 }, quarter: 'Agdal' } },
  responses: { 201: { description: 'The complaint filed, with its clocks', schema: complaintSchema }, ...responses, 409: problem, 422: problem },
});

/** A Moroccan number, written as people do (`06 12 34 56 78`, `+212 612-345678`), kept as `+212` and nine digits. */
const moroccanPhone = z
  .string()
  .transform((phone) => phone.replace(/[\s.-]/g, ''))
  .pipe(z.string().regex(/^(\+212|00212|0)[5-7]\d{8}$/, 'a Moroccan number: 0, +212 or 00212, then 5, 6 or 7 and eight digits'))
  .transform((phone) => `+212${phone.replace(/^(\+212|00212|0)/, '')}`);

const followUpSchema = z.object({
  id: z.uuid(),
  commune: z.string(),
  kind: z.enum(COMPLAINT_KINDS),
  category: z.string(),
  status: z.enum(COMPLAINT_STATUSES),
  receivedAt: moroccanInstant,
  acknowledgmentDueAt: z.string(),
  answerDueAt: z.string(),
  acknowledgment: z.object({ at: instant, late: z.boolean() }).optional(),
  qualification: z.object({ decision: z.enum(QUALIFICATIONS), reason: z.string().optional() }).optional(),
  holder: holderSchema.optional(),
  answer: z.object({ text: z.string(), signedBy: z.string(), at: instant }).optional(),
  closedAt: instant.optional(),
});

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
  body: z.strictObject({
    commune,
    kind: z.enum(COMPLAINT_KINDS),
    category: code,
    text,
    location: locationSchema.optional(),
    contact: z
      .strictObject({ email: z.email().max(254).optional(), phone: moroccanPhone.optional() })
      .refine((contact) => contact.email || contact.phone, 'an e-mail address or a phone number, to be reached'),
  }),
  bodyExample: { commune: 'rabat', kind: 'reclamation', category: 'voirie', text: 'Nid-de-poule profond devant le n° 12, rue Oued Ziz.', contact: { phone: '06 12 34 56 78' } },
  responses: {
    201: {
      description: 'The complaint as its follow-up shows it, and the token to follow it (only in the answer to the filing that created it)',
      schema: z.object({ complaint: followUpSchema, followUpToken: z.string().optional() }),
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
  body: z.strictObject({ token: z.string().regex(FOLLOW_UP_TOKEN, 'the 43 characters the filing answered') }),
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
  query: z.strictObject(paginationQuery),
  responses: {
    200: {
      description: 'A page of their complaints',
      schema: pageSchema(
        z.object({
          id: z.uuid(),
          commune: z.string(),
          kind: z.enum(COMPLAINT_KINDS),
          category: z.string(),
          status: z.enum(COMPLAINT_STATUSES),
          receivedAt: moroccanInstant,
          updatedAt: instant,
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
  query: z.strictObject(paginationQuery),
  responses: {
    200: {
      description: 'A page of events',
      schema: pageSchema(
        z.object({
          complaintId: z.uuid(),
          version: z.number().int(),
          type: z.enum(COMPLAINT_EVENT_TYPES),
          at: instant,
          by: actorSchema,
          statusBefore: z.enum(COMPLAINT_STATUSES).optional(),
          statusAfter: z.enum(COMPLAINT_STATUSES),
          reason: z.string().optional(),
          details: z.record(z.string(), z.unknown()).optional(),
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
  params: z.strictObject({ commune }),
  query: z.strictObject(paginationQuery),
  responses: {
    200: {
      description: 'A page of the queue',
      schema: pageSchema(
        z.object({
          id: z.uuid(),
          kind: z.enum(COMPLAINT_KINDS),
          category: z.string(),
          status: z.enum(COMPLAINT_STATUSES),
          receivedAt: moroccanInstant,
          acknowledgmentDueAt: z.string(),
          answerDueAt: z.string(),
          lapses: clockInstants.optional(),
          remindersSent: z.array(z.enum(CLOCK_NAMES)).optional(),
          service: z.string().optional(),
          holder: holderSchema.optional(),
          suggestedDuplicates: suggestedDuplicatesSchema,
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
  z
    .strictObject({ decision: z.enum(QUALIFICATIONS), reason: reason.optional(), duplicateOf: z.uuid().optional() })
    .refine((body) => body.decision !== 'inadmissible' || body.reason, { message: 'an inadmissible complaint is told why', path: ['reason'] })
    .refine((body) => body.decision !== 'not-competent' || body.reason, { message: 'say who is competent, and why', path: ['reason'] })
    .refine((body) => (body.decision === 'duplicate') === (body.duplicateOf !== undefined), { message: 'a duplicate names the complaint it duplicates, and only a duplicate', path: ['duplicateOf'] }),
  { decision: 'admissible' },
);

export const assignRoute = change('assignComplaint', 'assignment', 'The unit assigns an admissible complaint to the service that will answer it (again, to move it)', unit, z.strictObject({ service: code.describe('The service, as the commune names it') }), { service: 'eclairage' });

export const takeUpRoute = change('takeUpComplaint', 'taking-up', 'The service takes an assigned or reopened complaint up: in progress', unit, nothing, {});

export const requestInformationRoute = change(
  'requestComplaintInformation',
  'information-request',
  'The unit asks the complainant for information: the answer clock is suspended until they reply',
  unit,
  z.strictObject({ question: reason }),
  { question: 'Pouvez-vous préciser le numéro du lampadaire le plus proche ?' },
);

export const provideInformationRoute = change(
  'provideComplaintInformation',
  'information',
  'The complainant replies to the request for information: the answer clock resumes',
  citizen,
  z.strictObject({ text }),
  { text: 'Le lampadaire n° 118, en face de la pharmacie.' },
);

export const transferRoute = change(
  'transferComplaint',
  'transfer',
  'The unit transfers the file to the competent body: another collectivity of the platform (its unit takes it over), a State service or a delegated operator; the complainant is told who holds it, the clocks keep running from the same receipt',
  unit,
  z.strictObject({ to: holderSchema, reason }),
  { to: { kind: 'delegated-operator', name: 'Régie autonome de distribution' }, reason: "L'éclairage de cette voie relève du délégataire" },
);

export const answerRoute = change(
  'answerComplaint',
  'answer',
  'The unit gives the reasoned answer, signed by the president or a delegate: the answer clock stops (late when after its deadline)',
  unit,
  z.strictObject({ text, signedBy: safeName({ max: 200 }).describe('The president, or the delegate who signs') }),
  { text: 'Les lampadaires ont été remplacés le 12 mars.', signedBy: 'Le Président du conseil communal' },
);

export const closeRoute = change('closeComplaint', 'closure', 'The unit closes an answered complaint', unit, z.strictObject({ note: reason.optional() }), { note: 'Réponse envoyée' });

export const reopenRoute = change(
  'reopenComplaint',
  'reopening',
  "The complainant asks for a second examination of the answer, once, within the commune's window after it (30 days by default)",
  citizen,
  z.strictObject({ reason }),
  { reason: 'Un seul lampadaire sur trois a été remplacé.' },
);

export const rateRoute = change(
  'rateComplaint',
  'rating',
  'The complainant rates the latest answer, from 1 to 5, once per answer',
  citizen,
  z.strictObject({ score: z.number().int().min(1).max(5), comment: reason.optional() }),
  { score: 4, comment: 'Réponse claire' },
);

export const referToMediatorRoute = change(
  'referComplaintToMediator',
  'mediator-referral',
  "The unit records that the Médiateur du Royaume opened a file about the complaint, with its reference and the date the referral was received: once; the answer to the Médiateur is due the commune's `mediatorAnswerDays` later",
  unit,
  z.strictObject({ reference: safeName({ max: 64 }).describe("The Médiateur's reference of its file"), receivedOn: z.iso.date().describe('The date the referral was received, not after today') }),
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
      schema: z.object({
        generatedAt: instant,
        purpose: z.object({ ar: z.string(), fr: z.string(), en: z.string() }),
        complaint: z.object({
          id: z.uuid(),
          kind: z.enum(COMPLAINT_KINDS),
          category: z.string(),
          commune: z.string(),
          filedWith: z.string(),
          channel: z.enum(COMPLAINT_CHANNELS),
          receivedAt: moroccanInstant,
          status: z.enum(COMPLAINT_STATUSES),
          text: z.string(),
          address: z.string().optional(),
        }),
        deadlines: z.array(
          z.object({
            name: z.enum(CLOCK_NAMES),
            dueDate: z.iso.date(),
            metAt: instant.optional(),
            lapsedAt: instant.optional(),
            met: z.boolean().nullable().describe('null while the deadline runs unmet'),
          }),
        ),
        answer: z.object({ text: z.string(), signedBy: z.string(), at: instant, late: z.boolean() }).optional(),
        mediatorReferral: z.object(mediatorReferralFields).optional(),
        timeline: z.array(
          z.object({
            at: instant,
            type: z.enum(COMPLAINT_EVENT_TYPES),
            byRole: z.string(),
            statusAfter: z.enum(COMPLAINT_STATUSES),
            reason: z.string().optional(),
          }),
        ),
      }),
    },
    ...responses,
    404: problem,
  },
});

const photoId = z.strictObject({ id: z.uuid(), photoId: z.uuid() });
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
  body: z.strictObject({
    contentType: z.enum(PHOTO_CONTENT_TYPES),
    sizeBytes: z.number().int().min(1).max(MAX_PHOTO_BYTES).describe(`In bytes, at most ${MAX_PHOTO_BYTES} (10 MiB)`),
    sha256: z.string().regex(/^[0-9a-fA-F]{64}$/, 'the SHA-256 of the photo, 64 hexadecimal digits'),
  }),
  bodyExample: { contentType: 'image/jpeg', sizeBytes: 2_483_112, sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
  responses: {
    201: {
      description: 'The declared photo, and where to upload it: PUT with the headers given (they are signed), within 15 minutes; then complete it',
      schema: z.object({ photo: photoSchema, upload: z.object({ method: z.literal('PUT'), url: z.string(), headers: z.record(z.string(), z.string()), expiresAt: z.string() }) }),
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
  responses: { ...photoResponses, 200: { description: 'The photo and a link to read it', schema: z.object({ photo: photoSchema, url: z.string(), expiresAt: z.string() }) } },
});

const categorySchema = z.strictObject({
  code,
  names: z.strictObject({ ar: safeName({ max: 120 }), fr: safeName({ max: 120 }), en: safeName({ max: 120 }) }),
  acknowledgmentPeriod: periodSchema,
  answerPeriod: periodSchema,
  privateMatter: z.boolean().describe("About one person's own affairs: never shown with a location in public"),
});

const editableSettings = {
  categories: z.array(categorySchema).min(1).max(100),
  reopenWindowDays: z.number().int().min(1).max(365),
  reminderDaysBefore: z.strictObject({ acknowledgment: z.number().int().min(0).max(60), answer: z.number().int().min(0).max(120) }),
  duplicateRadiusMeters: z.number().int().min(0).max(1000).describe('Open complaints of the same category this close to a new one are suggested as duplicates'),
  mediatorAnswerDays: z
    .number()
    .int()
    .min(1)
    .max(365)
    .default(60)
    .describe('Calendar days the administration has to answer the Médiateur du Royaume once it seizes it (60 in one source: not confirmed), for complaints filed from now'),
  anonymousFiling: z.boolean().default(false).describe('Anyone may file without signing in, giving an e-mail address or a phone number (off by default)'),
  territory: z
    .array(z.strictObject({ lat: z.number().min(-90).max(90), long: z.number().min(-180).max(180) }))
    .min(3)
    .max(500)
    .optional()
    .describe("The commune's territory, approximately: a polygon whose points go round its limits. A filing's point outside it is refused; none, nothing is checked"),
};

const settingsSchema = z.object({ commune: z.string(), ...editableSettings, version: z.number().int().describe('0 while the defaults apply'), updatedAt: z.string().optional(), updatedBy: actorSchema.optional() });

export const getSettingsRoute = defineRoute({
  operationId: 'getComplaintSettings',
  method: 'GET',
  path: '/v1/complaints/settings/{commune}',
  summary: "A commune's complaints settings: its categories with their deadlines, the reopening window, the reminders; the defaults until an administrator sets them",
  tags: TAGS,
  access: ['complaints-officer', 'admin', 'auditor'],
  params: z.strictObject({ commune }),
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
  params: z.strictObject({ commune }),
  body: z.strictObject(editableSettings),
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


const figuresSchema = z.object({
  ...Object.fromEntries(FIGURE_COUNTERS.map((counter) => [counter, z.number()])),
  averageAnswerDays: z.number().nullable().describe('Days from receipt to the first answer, on average; null before any answer'),
  satisfaction: z.number().nullable().describe('Mean rating out of 5; null before any rating'),
});

export const complaintFiguresRoute = defineRoute({
  operationId: 'complaintFigures',
  method: 'GET',
  path: '/v1/stats/complaints/{commune}/{year}',
  summary:
    "A collectivity's open figures of the complaints received in a year, in total and per category: received, acknowledged late, answered and in how many days, answered late, reopened, satisfaction. Public: no personal data",
  tags: TAGS,
  access: 'public',
  params: z.strictObject({ commune, year: decimalInteger({ min: 2000, max: 2100 }) }),
  responses: {
    200: {
      description: 'The figures',
      schema: z.object({ commune: z.string(), year: z.number().int(), totals: figuresSchema, byCategory: z.array(figuresSchema.extend({ category: z.string() })) }),
    },
    400: problem,
    404: problem,
  },
});
