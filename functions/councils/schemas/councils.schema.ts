// zod schemas and route contracts of the councils API (organic laws 113-14, 112-14, 111-14) under /v1/councils, and
// of the public OParl 1.1 publication under /oparl/v1.
import * as z from 'zod/mini';
import { actorSchema } from '../../shared/http/common.schema.ts';
import { caseClockSchema } from '../../shared/case-clock/case-clock-view.schema.ts';
import { declaredFileFields } from '../../shared/files/declared-file.schema.ts';
import { KNOWN_CONTENT_TYPES } from '../../shared/files/file-content.ts';
import { paginationQuery } from '../../shared/http/pagination.ts';
import { PROBLEM_RESPONSE, defineRoute } from '../../shared/http/route-contract.ts';
import { safeFreeText, safeName } from '../../shared/text/safe-text.schema.ts';
import { MAX_PAPER_BYTES, MAX_PAPERS_PER_ITEM } from '../domain/agenda-papers.ts';
import { REPLY_KINDS } from '../domain/attendance-replies.ts';
import { COLLECTIVITY_TYPES, MEMBER_ROLES } from '../domain/council-body.ts';
import { ITEM_TYPES, MAJORITY_RULES } from '../domain/council-settings.ts';
import { CONTROL_STATES } from '../domain/deliberation.ts';
import { OPARL_LISTS, OPARL_TYPES } from '../domain/oparl.ts';
import { INITIATORS, ITEM_ORIGINS, SESSION_KINDS, SESSION_STATUSES } from '../domain/session.ts';
import { VOTE_CHOICES } from '../domain/vote.ts';
import { deliberationControlFields, sessionControlFields, settingsControlFields } from './council-controls.schema.ts';
import { lazyValue } from '../../shared/lazy-value.ts';

const TAGS = ['Councils'];
const OPARL_TAGS = ['Councils (OParl)'];
const problem = PROBLEM_RESPONSE;
const slug = lazyValue(() => z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and dashes')));
const bodyParam = lazyValue(() => z.strictObject({ body: slug() }));
const sessionParams = lazyValue(() => z.strictObject({ body: slug(), id: z.uuid() }));
const deliberationParams = lazyValue(() => z.strictObject({ body: slug(), id: z.string().check(z.regex(/^[0-9a-f-]{36}\.[0-9]{1,3}$/, '<session id>.<item number>')) }));
const memberId = slug;
const instant = lazyValue(() => z.iso.datetime({ offset: true }));
const storedClock = lazyValue(() => z.omit(caseClockSchema, { status: true, explanation: true }));
const responses = { 400: problem, 401: problem, 403: problem, 404: problem };
const changeResponses = (schema: () => z.ZodMiniType, description: string) => ({ 200: { description, schema }, ...responses, 409: problem, 422: problem });

const memberSchema = lazyValue(() => z.strictObject({
  id: memberId(),
  sub: z.optional(z.string().check(z.minLength(1), z.maxLength(128))).check(z.describe("The member's sign-in subject, so they read their own convocations")),
  name: safeName({ max: 200 }),
  role: z.enum(MEMBER_ROLES),
  group: z.optional(slug()),
  inOffice: z.boolean(),
  since: z.iso.date(),
  until: z.optional(z.iso.date()),
}));
const groupSchema = lazyValue(() => z.strictObject({ id: slug(), name: safeName({ max: 200 }) }));
const bodyInput = lazyValue(() => z.strictObject({
  type: z.enum(COLLECTIVITY_TYPES),
  name: z.strictObject({ ar: safeName({ max: 200 }), fr: safeName({ max: 200 }) }),
  members: z.array(memberSchema()).check(z.minLength(1), z.maxLength(200)),
  groups: z.array(groupSchema()).check(z.maxLength(30)),
}));
export const bodySchema = lazyValue(() =>
  z.extend(bodyInput(), {
    id: z.string(),
    territory: z.optional(
      z
        .strictObject({ province: z.optional(z.string()), region: z.string() })
        .check(z.describe("Where the collectivity lies by reference data's codes (a region body has no province): the governor's office of that prefecture or province, or the wali of that region, controls the council. Written on every PUT")),
    ),
    version: z.int(),
    updatedAt: z.string(),
  }),
);

const settingsInput = lazyValue(() => z.strictObject({
  noticeDays: z.strictObject({ ordinary: z.int().check(z.gte(1), z.lte(60)), extraordinary: z.int().check(z.gte(1), z.lte(60)) }).check(z.describe('Unconfirmed defaults: 10 and 3 calendar days')),
  ordinaryMonths: z.array(z.int().check(z.gte(1), z.lte(12))).check(z.minLength(1), z.maxLength(12), z.describe('Communes: 2, 5, 10 from practice; the others unconfirmed')),
  proxiesCountForQuorum: z.boolean(),
  majorityRules: z.strictObject(Object.fromEntries(ITEM_TYPES.map((type) => [type, z.enum(MAJORITY_RULES)])) as Record<(typeof ITEM_TYPES)[number], z.ZodMiniEnum<{ [K in (typeof MAJORITY_RULES)[number]]: K }>>),
  presidentDecidesTie: z.boolean(),
  transmissionDays: z.int().check(z.gte(1), z.lte(60)),
  oppositionDays: z.int().check(z.gte(1), z.lte(60)),
  ...settingsControlFields(),
}));
export const settingsSchema = lazyValue(() => z.extend(settingsInput(), { body: z.string(), version: z.int(), updatedAt: z.optional(z.string()), updatedBy: z.optional(z.string()) }));

const quorumSchema = lazyValue(() => z.object({ round: z.int(), inOffice: z.int(), required: z.int(), counted: z.int(), met: z.boolean(), mayDeliberate: z.boolean() }));
const proxySchema = lazyValue(() => z.strictObject({ from: memberId().check(z.describe('The absent member who gave it')), to: memberId().check(z.describe('The present member who holds it')) }));
const voteCountsSchema = lazyValue(() => z.object(Object.fromEntries(VOTE_CHOICES.map((choice) => [choice, z.int()])) as Record<(typeof VOTE_CHOICES)[number], z.ZodMiniNumberFormat>));
const paperSchema = lazyValue(() => z.object({
  ...declaredFileFields,
  status: z.enum(['awaiting-upload', 'attached']).check(z.describe('`attached` once its completion found the declared content in storage: only then does it count')),
  attachedAt: z.optional(z.iso.datetime()),
}));
const agendaItemSchema = lazyValue(() => z.object({
  number: z.int(),
  title: z.string(),
  text: z.string(),
  itemType: z.enum(ITEM_TYPES),
  origin: z.enum(ITEM_ORIGINS),
  public: z.boolean(),
  addedAt: z.string(),
  decision: z.optional(z.object({ deliberationId: z.string(), number: z.string(), outcome: z.enum(['adopted', 'rejected']) })),
  papers: z.optional(z.array(paperSchema())).check(z.describe('Its papers, in the order declared')),
}));
export const sessionSchema = lazyValue(() => z.object({
  id: z.uuid(),
  body: z.string(),
  kind: z.enum(SESSION_KINDS),
  initiative: z.object({ by: z.enum(INITIATORS), members: z.optional(z.array(z.string())) }),
  name: z.string(),
  location: z.string(),
  start: z.string().check(z.describe('The first meeting, in Africa/Casablanca with its offset')),
  agenda: z.array(agendaItemSchema()),
  agendaClosedAt: z.optional(z.string()),
  convocations: z.array(z.object({ round: z.int(), convenedAt: z.string(), start: z.string(), noticeDays: z.int() })),
  sittings: z.array(z.object({ round: z.int(), date: z.iso.date(), openedAt: z.string(), present: z.array(z.string()), proxies: z.array(proxySchema()), quorum: quorumSchema() })),
  itemRequests: z
    .optional(
      z.array(
        z.object({
          number: z.int(),
          member: z.string(),
          title: z.string(),
          text: z.string(),
          itemType: z.enum(ITEM_TYPES),
          public: z.boolean(),
          askedAt: z.string(),
          status: z.enum(['pending', 'accepted', 'refused']),
          decision: z.optional(z.object({ at: z.string(), by: actorSchema, reasons: z.optional(z.string()), itemNumber: z.optional(z.int()).check(z.describe('The agenda item it became')) })),
        }),
      ),
    )
    .check(z.describe("Members' requests to add an item, with their outcome")),
  replies: z
    .optional(z.array(z.object({ round: z.int(), member: z.string(), reply: z.enum(REPLY_KINDS), proxyTo: z.optional(z.string()), at: z.string() })))
    .check(z.describe("The members' replies to the convocations, given ahead: the latest per member and meeting")),
  next: z.optional(z.object({ round: z.int(), earliest: z.iso.date(), latest: z.optional(z.iso.date()), proposedStart: z.string() })).check(z.describe("The meeting article 42 calls after a sitting without quorum; its convocation is a draft until the session is convened again")),
  status: z.enum(SESSION_STATUSES),
  closedAt: z.optional(z.string()),
  ...sessionControlFields(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.int(),
}));
const namedVote = lazyValue(() => z.strictObject({ member: memberId(), choice: z.enum(VOTE_CHOICES), byProxyOf: z.optional(memberId()).check(z.describe('The present member casting it for the absent one, by proxy')) }));
const evidenceSchema = lazyValue(() => z.object({ at: z.string(), jws: z.string().check(z.describe('Compact ES256 JWS of the statement')), timestamp: z.object({ authority: z.string(), token: z.optional(z.string()) }) }));
const convocationPaperSchema = lazyValue(() => z.object({ item: z.int(), id: z.uuid(), name: z.string(), contentType: z.enum(KNOWN_CONTENT_TYPES), sizeBytes: z.int(), sha256: z.string() }));
export const convocationSchema = lazyValue(() => z.object({
  sessionId: z.uuid(),
  body: z.string(),
  round: z.int(),
  member: z.string(),
  start: z.string(),
  agendaDigest: z.string().check(z.describe("SHA-256 of the agenda as convened: the items' numbers, titles, public flags and their papers' SHA-256")),
  papers: z.optional(z.array(convocationPaperSchema())).check(z.describe('The papers attached to the agenda when the convocation was sent')),
  sent: evidenceSchema(),
  read: z.optional(evidenceSchema()),
}));
export const deliberationSchema = lazyValue(() => z.object({
  id: z.string(),
  body: z.string(),
  sessionId: z.uuid(),
  itemNumber: z.int(),
  number: z.string().check(z.describe('<year>/<n>, gapless per collectivity and year')),
  year: z.int(),
  title: z.string(),
  itemType: z.enum(ITEM_TYPES),
  public: z.boolean(),
  text: z.string(),
  votes: z.array(z.object({ member: z.string(), choice: z.enum(VOTE_CHOICES), byProxyOf: z.optional(z.string()) })),
  result: z.object({ outcome: z.enum(['adopted', 'rejected']), rule: z.enum(MAJORITY_RULES), required: z.int(), counts: voteCountsSchema(), tieDecidedByPresident: z.boolean() }),
  adoptedAt: z.string(),
  state: z.enum(CONTROL_STATES),
  transmission: z.optional(z.object({ at: z.string(), by: actorSchema, clock: storedClock(), inTime: z.boolean() })),
  receipt: z.optional(z.object({ at: z.string(), by: actorSchema, oppositionClock: storedClock() })),
  ...deliberationControlFields(),
  opposition: z.optional(z.object({ at: z.string(), by: actorSchema, reasons: z.string() })),
  reexamination: z.optional(z.object({ at: z.string(), by: actorSchema, outcome: z.enum(['maintained', 'withdrawn']) })),
  courtReferral: z.optional(z.object({ at: z.string(), by: actorSchema, court: z.string(), reference: z.string() })),
  version: z.int(),
  updatedAt: z.string(),
  enforceability: z.union([z.object({ enforceable: z.literal(true), since: z.string() }), z.object({ enforceable: z.literal(false), reason: z.string() })]),
}));

const EXAMPLE_MEMBERS = [
  { id: 'm01', name: 'Fatima Zahra Bennani', role: 'president', inOffice: true, since: '2021-09-20', group: 'g1' },
  { id: 'm02', name: 'Youssef Alami', role: 'member', inOffice: true, since: '2021-09-20' },
  { id: 'm03', name: 'Khadija Tazi', role: 'member', inOffice: true, since: '2021-09-20' },
] as const;

export const putBodyRoute = defineRoute({
  operationId: 'putCouncilBody',
  method: 'PUT',
  path: '/v1/councils/bodies/{body}',
  summary: "The council of a collectivity: its type, members (in office or not, with their group) and groups, kept by its secretariat or an administrator; each change a new version. Its territory (prefecture or province, region) comes from reference data: a code reference data does not know for that type is refused (400 `unknown_collectivity` on `/params/body`)",
  tags: TAGS,
  access: ['admin', 'council-secretary'],
  idempotent: true,
  params: bodyParam,
  body: bodyInput,
  bodyExample: { type: 'commune', name: { ar: 'جماعة الرباط', fr: 'Commune de Rabat' }, members: [...EXAMPLE_MEMBERS], groups: [{ id: 'g1', name: 'Groupe A' }] },
  responses: changeResponses(bodySchema, 'The body as stored'),
});

export const getSettingsRoute = defineRoute({
  operationId: 'getCouncilSettings',
  method: 'GET',
  path: '/v1/councils/bodies/{body}/settings',
  summary: "A council's settings: notice days, ordinary months, proxies and the quorum, majority rules, control periods (the defaults while none were set)",
  tags: TAGS,
  access: ['admin', 'auditor', 'governor', 'council-secretary', 'president'],
  params: bodyParam,
  responses: { 200: { description: 'The settings', schema: settingsSchema }, ...responses },
});

export const putSettingsRoute = defineRoute({
  operationId: 'putCouncilSettings',
  method: 'PUT',
  path: '/v1/councils/bodies/{body}/settings',
  summary: "An administrator sets a council's settings (the values the law does not confirm); the change is kept in their history",
  tags: TAGS,
  access: ['admin'],
  idempotent: true,
  params: bodyParam,
  body: settingsInput,
  bodyExample: {
    noticeDays: { ordinary: 10, extraordinary: 3 },
    ordinaryMonths: [2, 5, 10],
    proxiesCountForQuorum: false,
    majorityRules: { ordinary: 'votes-cast', budget: 'votes-cast', loan: 'votes-cast', convention: 'votes-cast', 'internal-regulation': 'members-in-office', 'delegated-management': 'members-in-office' },
    presidentDecidesTie: true,
    transmissionDays: 10,
    oppositionDays: 3,
  },
  responses: changeResponses(settingsSchema, 'The settings as now in force'),
});

export const planSessionRoute = defineRoute({
  operationId: 'planCouncilSession',
  method: 'POST',
  path: '/v1/councils/bodies/{body}/sessions',
  summary: 'Plans a session: ordinary in one of its months (by the president), or extraordinary on the initiative of the president, of one third of the members in office, or of the governor',
  tags: TAGS,
  access: ['council-secretary', 'president', 'governor'],
  idempotent: 'by-use-case',
  params: bodyParam,
  body: () => z.strictObject({
    kind: z.enum(SESSION_KINDS),
    initiative: z.strictObject({ by: z.enum(INITIATORS), members: z.optional(z.array(memberId()).check(z.maxLength(200))).check(z.describe('The members asking, for an extraordinary session on their initiative')) }),
    name: safeName({ max: 200 }),
    location: safeName({ max: 300 }),
    start: instant().check(z.describe('The first meeting, with its offset')),
  }),
  bodyExample: { kind: 'ordinary', initiative: { by: 'president' }, name: "Session ordinaire d'octobre", location: 'Salle des délibérations', start: '2027-10-05T10:00:00+01:00' },
  responses: { 201: { description: 'The session, planned', schema: sessionSchema }, 200: { description: 'The session planned by an earlier attempt with the same key', schema: sessionSchema }, ...responses, 422: problem },
});

export const getSessionRoute = defineRoute({
  operationId: 'getCouncilSession',
  method: 'GET',
  path: '/v1/councils/bodies/{body}/sessions/{id}',
  summary: 'A session with its agenda, convocations, sittings (attendance and quorum) and the next meeting proposed after a sitting without quorum',
  tags: TAGS,
  access: ['council-secretary', 'president', 'council-member', 'governor', 'admin', 'auditor'],
  params: sessionParams,
  responses: { 200: { description: 'The session', schema: sessionSchema }, ...responses },
});

export const addAgendaItemRoute = defineRoute({
  operationId: 'addCouncilAgendaItem',
  method: 'POST',
  path: '/v1/councils/bodies/{body}/sessions/{id}/agenda-items',
  summary: 'Adds an item to the agenda while it is open, with its origin and whether it is examined in a closed sitting',
  tags: TAGS,
  access: ['council-secretary', 'president'],
  idempotent: true,
  params: sessionParams,
  body: () => z.strictObject({ title: safeName({ max: 300 }), text: safeFreeText({ max: 20_000 }), itemType: z.enum(ITEM_TYPES), origin: z.enum(ITEM_ORIGINS), public: z.boolean() }),
  bodyExample: { title: 'Budget 2027', text: 'Le conseil examine et vote le budget de la commune pour 2027.', itemType: 'budget', origin: 'president', public: true },
  responses: changeResponses(sessionSchema, 'The session with the item added'),
});

const sessionStep = (operationId: string, path: string, summary: string) =>
  defineRoute({ operationId, method: 'POST', path: `/v1/councils/bodies/{body}/sessions/{id}/${path}`, summary, tags: TAGS, access: ['council-secretary', 'president'], idempotent: true, params: sessionParams, responses: changeResponses(sessionSchema, 'The session as it now stands') });

export const closeAgendaRoute = sessionStep('closeCouncilAgenda', 'agenda-closing', 'Closes the agenda: no item is added after');
export const conveneSessionRoute = sessionStep(
  'conveneCouncilSession',
  'convocation',
  "Marks the session convened when the notice is long enough (else 409 saying by how many days), or sends the drafted convocation of the meeting article 42 calls next; each member's convocation goes out with signed evidence",
);
export const closeSessionRoute = sessionStep('closeCouncilSession', 'closing', 'Closes the session: the transmission period of its deliberations starts');

export const openSittingRoute = defineRoute({
  operationId: 'openCouncilSitting',
  method: 'POST',
  path: '/v1/councils/bodies/{body}/sessions/{id}/sittings',
  summary:
    'Opens a sitting with its attendance recorded at once (members present, proxies): without the quorum of article 42 it is recorded as such and the next meeting proposed (3 to 5 days later, then after the third following working day, valid whatever the number present)',
  tags: TAGS,
  access: ['council-secretary', 'president'],
  idempotent: true,
  params: sessionParams,
  body: () => z.strictObject({
    present: z.array(memberId()).check(z.maxLength(200)),
    proxies: z.optional(z.array(proxySchema()).check(z.maxLength(100))).check(z.describe("The proxies as the room records them; when left out, those the members gave ahead whose giver is absent and whose holder is present")),
  }),
  bodyExample: { present: ['m01', 'm02'], proxies: [{ from: 'm03', to: 'm02' }] },
  responses: changeResponses(sessionSchema, 'The session with the sitting recorded'),
});

export const voteRoute = defineRoute({
  operationId: 'voteCouncilItem',
  method: 'POST',
  path: '/v1/councils/bodies/{body}/sessions/{id}/items/{number}/votes',
  summary: "Records the named votes on an item and its deliberation, numbered in the year: counts, the majority rule applied, the president's vote on a tie",
  tags: TAGS,
  access: ['council-secretary', 'president'],
  idempotent: true,
  params: () => z.strictObject({ body: slug(), id: z.uuid(), number: z.string().check(z.regex(/^[1-9][0-9]{0,2}$/)) }),
  body: () => z.strictObject({ votes: z.array(namedVote()).check(z.minLength(1), z.maxLength(200)) }),
  bodyExample: { votes: [{ member: 'm01', choice: 'for' }, { member: 'm02', choice: 'against' }] },
  responses: changeResponses(deliberationSchema, 'The deliberation'),
});

const convocationParams = lazyValue(() => z.strictObject({ body: slug(), id: z.uuid(), round: z.enum(['1', '2', '3']), member: memberId() }));

export const getConvocationRoute = defineRoute({
  operationId: 'getCouncilConvocation',
  method: 'GET',
  path: '/v1/councils/bodies/{body}/sessions/{id}/convocations/{round}/{member}',
  summary: 'A convocation with the signed evidence of its sending and of its first reading: to its member, and to the secretariat',
  tags: TAGS,
  access: ['council-member', 'council-secretary', 'president'],
  params: convocationParams,
  responses: { 200: { description: 'The convocation', schema: convocationSchema }, ...responses },
});

export const readConvocationRoute = defineRoute({
  operationId: 'readCouncilConvocation',
  method: 'POST',
  path: '/v1/councils/bodies/{body}/sessions/{id}/convocations/{round}/{member}/reading',
  summary: 'The member opens their convocation: the first reading is recorded as signed evidence',
  tags: TAGS,
  access: ['council-member'],
  idempotent: true,
  params: convocationParams,
  responses: changeResponses(convocationSchema, 'The convocation with its first reading'),
});

export const getDeliberationRoute = defineRoute({
  operationId: 'getCouncilDeliberation',
  method: 'GET',
  path: '/v1/councils/bodies/{body}/deliberations/{id}',
  summary: 'A deliberation with its votes, counts and rule, its legality control and whether it is enforceable now',
  tags: TAGS,
  access: ['council-secretary', 'president', 'council-member', 'governor', 'admin', 'auditor'],
  params: deliberationParams,
  responses: { 200: { description: 'The deliberation', schema: deliberationSchema }, ...responses },
});

const controlStep = <B extends z.ZodMiniType>(operationId: string, path: string, summary: string, access: readonly ('council-secretary' | 'president' | 'governor')[], body?: () => B, bodyExample?: z.input<B>) =>
  defineRoute({
    operationId,
    method: 'POST',
    path: `/v1/councils/bodies/{body}/deliberations/{id}/${path}`,
    summary,
    tags: TAGS,
    access,
    idempotent: true,
    params: deliberationParams,
    ...(body && { body, bodyExample }),
    responses: changeResponses(deliberationSchema, 'The deliberation as it now stands'),
  });

export const transmitRoute = controlStep('transmitCouncilDeliberation', 'transmission', 'Transmits the deliberation to the governor; in time when within the working days after the session closed', ['council-secretary', 'president']);
export const receiveRoute = controlStep('receiveCouncilDeliberation', 'receipt', "The governor's office records the receipt: the opposition period starts", ['governor']);
const opposition = lazyValue(() => z.strictObject({ reasons: safeFreeText({ max: 5000 }) }));
export const opposeRoute = controlStep('opposeCouncilDeliberation', 'opposition', 'The governor opposes with reasons, within the working days after the receipt (after it: 409)', ['governor'], opposition, { reasons: "Dépenses non prévues par la loi organique" });
const visaDecision = lazyValue(() => z.strictObject({ outcome: z.enum(['given', 'refused']), reasons: z.optional(safeFreeText({ max: 5000 })).check(z.describe('Required for a refusal')) }));
export const visaRoute = controlStep(
  'decideCouncilVisa',
  'visa',
  'The governor gives or refuses (with reasons) the visa of a deliberation whose item type needs one: given within its period, it is enforceable once the opposition window passed; refused, never; a refusal after the period: 409 (the visa is deemed given)',
  ['governor'],
  visaDecision,
  { outcome: 'refused', reasons: "L'emprunt dépasse la capacité d'endettement de la commune" },
);
const reexamination = lazyValue(() => z.strictObject({ outcome: z.enum(['maintained', 'withdrawn']) }));
export const reexamineRoute = controlStep('reexamineCouncilDeliberation', 're-examination', "The council's new examination after an opposition: maintained or withdrawn", ['council-secretary', 'president'], reexamination, { outcome: 'maintained' });
const referral = lazyValue(() => z.strictObject({ court: safeName({ max: 200 }), reference: safeName({ max: 100 }) }));
export const referRoute = controlStep('referCouncilDeliberation', 'court-referral', 'The governor records the referral of a maintained deliberation to the administrative court', ['governor'], referral, { court: 'Tribunal administratif de Rabat', reference: '2027/7110/12' });

export const calendarRoute = defineRoute({
  operationId: 'councilCalendar',
  method: 'GET',
  path: '/v1/councils/bodies/{body}/calendar.ics',
  summary: "A council's meetings as an iCalendar feed (RFC 5545), times in UTC",
  tags: TAGS,
  access: 'public',
  params: bodyParam,
  responses: { 200: { description: 'The calendar', contentType: 'text/calendar' }, 400: problem, 404: problem },
});

const oparlObjectSchema = lazyValue(() => z.looseObject({ id: z.url(), type: z.string() }).check(z.describe('An OParl 1.1 object')));
const oparlListSchema = lazyValue(() => z.object({
  data: z.array(oparlObjectSchema()),
  pagination: z.object({ elementsPerPage: z.int(), totalElements: z.optional(z.int()), currentPage: z.optional(z.int()), totalPages: z.optional(z.int()) }),
  links: z.object({ self: z.optional(z.string()), first: z.optional(z.string()), next: z.optional(z.string()) }),
}));
const oparlQuery = lazyValue(() => z.strictObject(paginationQuery));

export const oparlSystemRoute = defineRoute({
  operationId: 'oparlSystem',
  method: 'GET',
  path: '/oparl/v1/system',
  summary: 'OParl 1.1 System: the entry point of the publication',
  tags: OPARL_TAGS,
  access: 'public',
  responses: { 200: { description: 'The System object', schema: oparlObjectSchema } },
});

export const oparlBodiesRoute = defineRoute({
  operationId: 'oparlBodies',
  method: 'GET',
  path: '/oparl/v1/bodies',
  summary: 'OParl 1.1: the bodies, a page at a time',
  tags: OPARL_TAGS,
  access: 'public',
  query: oparlQuery,
  responses: { 200: { description: 'A page of Body objects', schema: oparlListSchema }, 400: problem },
});

export const oparlBodyRoute = defineRoute({
  operationId: 'oparlBody',
  method: 'GET',
  path: '/oparl/v1/bodies/{body}',
  summary: 'OParl 1.1 Body',
  tags: OPARL_TAGS,
  access: 'public',
  params: bodyParam,
  responses: { 200: { description: 'The Body object', schema: oparlObjectSchema }, 400: problem, 404: problem },
});

export const oparlBodyListRoute = defineRoute({
  operationId: 'oparlBodyList',
  method: 'GET',
  path: '/oparl/v1/bodies/{body}/{list}',
  summary: "OParl 1.1: a body's organizations, people, meetings or papers, a page at a time",
  tags: OPARL_TAGS,
  access: 'public',
  params: () => z.strictObject({ body: slug(), list: z.enum(OPARL_LISTS) }),
  query: oparlQuery,
  responses: { 200: { description: 'A page of objects', schema: oparlListSchema }, 400: problem, 404: problem },
});

export const oparlObjectRoute = defineRoute({
  operationId: 'oparlObject',
  method: 'GET',
  path: '/oparl/v1/objects/{type}/{id}',
  summary: 'OParl 1.1: one Organization, Person, Membership, Meeting, AgendaItem, Paper, Consultation or File by its id',
  tags: OPARL_TAGS,
  access: 'public',
  params: () => z.strictObject({ type: z.enum(OPARL_TYPES), id: z.string().check(z.regex(/^[a-z0-9-]+(~[a-z0-9-]+){0,3}$/)) }),
  responses: { 200: { description: 'The object', schema: oparlObjectSchema }, 400: problem, 404: problem },
});

export const oparlFileContentRoute = defineRoute({
  operationId: 'oparlFileContent',
  method: 'GET',
  path: '/oparl/v1/files/{id}/content',
  summary: "The content of a public deliberation's File (its accessUrl)",
  tags: OPARL_TAGS,
  access: 'public',
  params: () => z.strictObject({ id: z.string().check(z.regex(/^[a-z0-9-]+~[0-9a-f-]{36}~[0-9]{1,3}$/)) }),
  responses: { 200: { description: 'The text', contentType: 'text/plain' }, 400: problem, 404: problem },
});

export const deliberationPdfRoute = defineRoute({
  operationId: 'councilDeliberationPdf',
  method: 'GET',
  path: '/v1/councils/bodies/{body}/deliberations/{id}/pdf',
  summary: 'The deliberation with its named vote as a bilingual PDF (ar/fr), rendered once when it was adopted',
  tags: TAGS,
  access: ['council-secretary', 'president', 'council-member', 'governor', 'admin', 'auditor'],
  params: deliberationParams,
  responses: { 200: { description: 'The PDF', contentType: 'application/pdf' }, ...responses },
});

const itemParams = lazyValue(() => z.strictObject({ body: slug(), id: z.uuid(), number: z.string().check(z.regex(/^[1-9][0-9]{0,2}$/)) }));
const paperParams = lazyValue(() => z.extend(itemParams(), { paperId: z.uuid() }));
const paperResponses = { 200: { description: 'The paper', schema: paperSchema }, ...responses, 409: problem, 422: problem };

export const declarePaperRoute = defineRoute({
  operationId: 'declareCouncilPaper',
  method: 'POST',
  path: '/v1/councils/bodies/{body}/sessions/{id}/items/{number}/papers',
  summary: `Declares a paper of an agenda item (the secretariat, the president) with its SHA-256, size and type: PDF, PNG, JPEG, TIFF, DOCX or ODT, 20 MiB at most, ${MAX_PAPERS_PER_ITEM} an item, until the session is closed. Answers where to upload it`,
  tags: TAGS,
  access: ['council-secretary', 'president'],
  idempotent: true,
  params: itemParams,
  body: () => z.strictObject({
    name: safeName({ max: 200 }).check(z.describe('The file name shown to readers')),
    contentType: z.enum(KNOWN_CONTENT_TYPES),
    sizeBytes: z.int().check(z.gte(1), z.lte(MAX_PAPER_BYTES), z.describe(`In bytes, at most ${MAX_PAPER_BYTES} (20 MiB)`)),
    sha256: z.string().check(z.regex(/^[0-9a-fA-F]{64}$/, 'the SHA-256 of the file, 64 hexadecimal digits')),
  }),
  bodyExample: { name: 'Projet de budget 2027.pdf', contentType: 'application/pdf', sizeBytes: 482_113, sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
  responses: {
    201: {
      description: 'The declared paper, and where to upload it: PUT with the headers given (they are signed), within 15 minutes; then complete it',
      schema: () => z.object({ paper: paperSchema(), upload: z.object({ method: z.literal('PUT'), url: z.string(), headers: z.record(z.string(), z.string()), expiresAt: z.string() }) }),
    },
    ...responses,
    409: problem,
    422: problem,
  },
});

export const completePaperRoute = defineRoute({
  operationId: 'completeCouncilPaper',
  method: 'POST',
  path: '/v1/councils/bodies/{body}/sessions/{id}/items/{number}/papers/{paperId}/completion',
  summary: 'The paper is uploaded (its declarer): it counts only if it has the declared SHA-256 and size and its content is of the declared type; otherwise it is removed (422)',
  tags: TAGS,
  access: ['council-secretary', 'president'],
  idempotent: true,
  params: paperParams,
  responses: paperResponses,
});

export const readPaperRoute = defineRoute({
  operationId: 'readCouncilPaper',
  method: 'GET',
  path: '/v1/councils/bodies/{body}/sessions/{id}/items/{number}/papers/{paperId}',
  summary:
    'A link valid for 5 minutes to a paper, for the members, the secretariat, the governor, administrators and auditors, once the malware scan released it (409 `file-not-scanned-yet` before, 422 `file-quarantined` if it found a threat); every read is logged',
  tags: TAGS,
  access: ['council-secretary', 'president', 'council-member', 'governor', 'admin', 'auditor'],
  params: paperParams,
  responses: { ...paperResponses, 200: { description: 'The paper and a link to read it', schema: () => z.object({ paper: paperSchema(), url: z.string(), expiresAt: z.string() }) } },
});

export const oparlPaperDownloadRoute = defineRoute({
  operationId: 'oparlPaperDownload',
  method: 'GET',
  path: '/oparl/v1/files/{id}/download',
  summary: "A public item's paper (its File's accessUrl and downloadUrl): 303 to a link valid for 5 minutes; a closed item's papers are not found",
  tags: OPARL_TAGS,
  access: 'public',
  params: () => z.strictObject({ id: z.string().check(z.regex(/^[a-z0-9-]+~[0-9a-f-]{36}~[0-9]{1,3}~[0-9a-f-]{36}$/, '<body>~<session>~<item>~<paper>')) }),
  responses: { 303: { description: 'See Other: `Location` is a link to the file, valid for 5 minutes' }, 400: problem, 404: problem, 409: problem, 422: problem },
});

export const convocationPdfRoute = defineRoute({
  operationId: 'councilConvocationPdf',
  method: 'GET',
  path: '/v1/councils/bodies/{body}/sessions/{id}/convocations/{round}/{member}/pdf',
  summary: 'The convocation to a meeting as a bilingual PDF (ar/fr): the meeting, its agenda and papers with their SHA-256, rendered once when it was convened; to its member and the secretariat',
  tags: TAGS,
  access: ['council-member', 'council-secretary', 'president'],
  params: convocationParams,
  responses: { 200: { description: 'The PDF', contentType: 'application/pdf' }, ...responses },
});

export const minutesPdfRoute = defineRoute({
  operationId: 'councilMinutesPdf',
  method: 'GET',
  path: '/v1/councils/bodies/{body}/sessions/{id}/minutes/pdf',
  summary: "A closed session's minutes as a bilingual PDF (ar/fr): each sitting's attendance, proxies and quorum, each item's decision with its counts, rendered once when it closed",
  tags: TAGS,
  access: ['council-secretary', 'president', 'council-member', 'governor', 'admin', 'auditor'],
  params: sessionParams,
  responses: { 200: { description: 'The PDF', contentType: 'application/pdf' }, ...responses },
});

export const attendanceReplyRoute = defineRoute({
  operationId: 'replyToCouncilConvocation',
  method: 'POST',
  path: '/v1/councils/bodies/{body}/sessions/{id}/attendance-replies',
  summary:
    "A member replies to the convocation of the meeting convened last, until its sitting opens: attending, absent, or a proxy to another member in office (refused to a non-member, to oneself, to a member holding one already or not coming); the latest reply counts",
  tags: TAGS,
  access: ['council-member'],
  idempotent: true,
  params: sessionParams,
  body: () => z.strictObject({ reply: z.enum(REPLY_KINDS), proxyTo: z.optional(memberId()).check(z.describe('The member who will carry the proxy (`reply: proxy`)')) }),
  bodyExample: { reply: 'proxy', proxyTo: 'm02' },
  responses: changeResponses(sessionSchema, 'The session with the reply recorded'),
});

export const requestItemRoute = defineRoute({
  operationId: 'requestCouncilAgendaItem',
  method: 'POST',
  path: '/v1/councils/bodies/{body}/sessions/{id}/item-requests',
  summary: 'A member asks for an item to be added to the agenda while it is open (after it: 409 `agenda-closed`); the president or the secretariat decides',
  tags: TAGS,
  access: ['council-member'],
  idempotent: true,
  params: sessionParams,
  body: () => z.strictObject({ title: safeName({ max: 300 }), text: safeFreeText({ max: 20_000 }), itemType: z.enum(ITEM_TYPES), public: z.boolean() }),
  bodyExample: { title: 'Éclairage du quartier Al Amal', text: "Le conseil examine l'extension de l'éclairage public au quartier Al Amal.", itemType: 'ordinary', public: true },
  responses: changeResponses(sessionSchema, 'The session with the request recorded'),
});

export const decideItemRequestRoute = defineRoute({
  operationId: 'decideCouncilItemRequest',
  method: 'POST',
  path: '/v1/councils/bodies/{body}/sessions/{id}/item-requests/{number}/decision',
  summary: "The president or the secretariat accepts a member's request (the item joins the agenda with origin `members`, while it is open) or refuses it with reasons; once only",
  tags: TAGS,
  access: ['council-secretary', 'president'],
  idempotent: true,
  params: () => z.strictObject({ body: slug(), id: z.uuid(), number: z.string().check(z.regex(/^[1-9][0-9]{0,2}$/)) }),
  body: () => z.strictObject({ outcome: z.enum(['accepted', 'refused']), reasons: z.optional(safeFreeText({ max: 5000 })).check(z.describe('Required for a refusal')) }),
  bodyExample: { outcome: 'refused', reasons: "Le point relève de la compétence de l'arrondissement" },
  responses: changeResponses(sessionSchema, 'The session with the decision (and the item, when accepted)'),
});
