// zod schemas and route contracts of Open311 GeoReport v2 over the complaints, under /open311/v2 (JSON only).
// jurisdiction_id is the commune's code and is always required: the platform serves every collectivity. Errors are
// the standard's `[{code, description}]` list.
import * as z from 'zod/mini';
import { codeSchema } from '../../shared/http/common.schema.ts';
import { decimalInteger } from '../../shared/http/decimal-integer.schema.ts';
import { defineRoute, type ResponseContract } from '../../shared/http/route-contract.ts';
import { safeFreeText, safeName } from '../../shared/text/safe-text.schema.ts';
import { COMPLAINT_KINDS, COMPLAINT_STATUSES } from '../domain/complaint.ts';
import { OPEN311_STATUSES } from '../domain/open311.ts';
import { lazyValue } from '../../shared/lazy-value.ts';

const TAGS = ['Open311'];
const error: ResponseContract = { description: 'The standard’s error list, `[{code, description}]`' };
const errors = { 400: error, 404: error };
const code = codeSchema;
const jurisdiction = lazyValue(() => ({ jurisdiction_id: code.check(z.describe("The commune's code")) }));

/** A path segment `<name>.json`, as the standard names its resources; the name alone is kept. */
function jsonFile(name: z.ZodMiniType<string, string>) {
  return z.pipe(z.pipe(z.string().check(z.regex(/^[^/]+\.json$/, 'a resource ending in .json (XML is not served)')), z.transform((file) => file.slice(0, -'.json'.length))), name);
}

/** A comma-separated list, as the standard's filters take several values. */
function commaList<T extends z.ZodMiniType<string, string>>(item: T, max: number) {
  return z.pipe(z.pipe(z.string(), z.transform((list) => list.split(','))), z.array(item).check(z.minLength(1), z.maxLength(max)));
}

/** W3C date-time with its offset or Z (the standard's format). */
const w3DateTime = lazyValue(() => z.pipe(z.iso.datetime({ offset: true }), z.transform((value) => new Date(value))));

/** A coordinate in a form (a string) or in JSON (a number). */
function degrees(bound: number) {
  return z.pipe(z.union([z.number(), z.pipe(z.string().check(z.regex(/^-?\d{1,3}(\.\d{1,10})?$/, 'decimal degrees')), z.transform(Number))]), z.number().check(z.gte(-bound), z.lte(bound)));
}

const serviceSchema = lazyValue(() => z.object({
  service_code: z.string(),
  service_name: z.string(),
  description: z.string(),
  metadata: z.boolean(),
  type: z.enum(['realtime', 'batch', 'blackbox']),
  keywords: z.string(),
  group: z.string(),
}));

const requestSchema = lazyValue(() => z.object({
  service_request_id: z.uuid(),
  status: z.enum(OPEN311_STATUSES),
  status_notes: z.string().check(z.describe('Our own status, richer than the standard’s two')),
  service_name: z.string(),
  service_code: z.string(),
  agency_responsible: z.string().check(z.describe('The collectivity holding it, or the body it was transferred to')),
  requested_datetime: z.string().check(z.describe('The receipt instant, with its offset')),
  updated_datetime: z.iso.datetime(),
  expected_datetime: z.string().check(z.describe('The legal deadline of its answer')),
  address: z.optional(z.string()).check(z.describe('The quarter or douar, never the address given')),
  lat: z.optional(z.number()).check(z.describe('Rounded to 3 decimals (about 100 m); absent for a private matter')),
  long: z.optional(z.number()),
  media_url: z.optional(z.string()).check(z.describe("A link valid 5 minutes to the complaint's first photo, a copy without its metadata (no GPS EXIF); absent for a private matter")),
  raqmana_status: z.enum(COMPLAINT_STATUSES).check(z.describe('Extension: our status')),
  raqmana_kind: z.enum(COMPLAINT_KINDS).check(z.describe('Extension: complaint, observation or suggestion')),
}));

export const open311ServicesRoute = defineRoute({
  operationId: 'open311Services',
  method: 'GET',
  path: '/open311/v2/services.json',
  summary: "Open311: the services of a jurisdiction, one per complaint category of the commune",
  tags: TAGS,
  access: 'public',
  errorFormat: 'code-description-list',
  query: () => z.strictObject(jurisdiction()),
  responses: { 200: { description: 'The services', schema: () => z.array(serviceSchema()) }, ...errors },
});

export const open311ServiceDefinitionRoute = defineRoute({
  operationId: 'open311ServiceDefinition',
  method: 'GET',
  path: '/open311/v2/services/{service_file}',
  summary: 'Open311: a service definition, `services/{service_code}.json`, with its attributes (the kind, the quarter)',
  tags: TAGS,
  access: 'public',
  errorFormat: 'code-description-list',
  params: () => z.strictObject({ service_file: jsonFile(code).check(z.describe('`{service_code}.json`')) }),
  query: () => z.strictObject(jurisdiction()),
  responses: {
    200: {
      description: 'The definition',
      schema: () => z.object({
        service_code: z.string(),
        attributes: z.array(
          z.object({
            variable: z.boolean(),
            code: z.string(),
            datatype: z.enum(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']),
            required: z.boolean(),
            datatype_description: z.string(),
            order: z.int(),
            description: z.string(),
            values: z.optional(z.array(z.object({ key: z.string(), name: z.string() }))),
          }),
        ),
      }),
    },
    ...errors,
  },
});

export const open311PostRequestRoute = defineRoute({
  operationId: 'open311PostRequest',
  method: 'POST',
  path: '/open311/v2/requests.json',
  summary:
    'Open311: a signed-in citizen files a service request (a complaint) as a form or JSON; the contact fields of the standard are not kept, the token naming the complainant. Created at once: the answer gives its id, which is also its token',
  tags: TAGS,
  access: ['citizen'],
  idempotent: 'by-use-case',
  formBody: true,
  errorFormat: 'code-description-list',
  // Not strict: a client may send the standard's fields the platform does not keep (api_key, email, names, phone).
  body: () => z.object({
      ...jurisdiction(),
      service_code: code,
      description: safeFreeText({ max: 5000 }),
      lat: z.optional(degrees(90)),
      long: z.optional(degrees(180)),
      address_string: z.optional(safeName({ max: 300 })),
      'attribute[kind]': z.optional(z.enum(COMPLAINT_KINDS)),
      'attribute[quarter]': z.optional(safeName({ max: 120 })),
    }).check(z.refine((body) => (body.lat === undefined) === (body.long === undefined), { message: 'lat and long go together', path: ['long'] })),
  bodyExample: { jurisdiction_id: 'rabat', service_code: 'eclairage-public', description: 'Lampadaires éteints rue Oued Ziz', lat: 34.0132, long: -6.8326, 'attribute[kind]': 'reclamation' },
  responses: {
    201: {
      description: 'The request created',
      schema: () => z.array(z.object({ service_request_id: z.uuid(), token: z.string(), service_notice: z.string() })),
    },
    400: error,
    403: error,
    409: error,
    422: error,
  },
});

export const open311RequestsRoute = defineRoute({
  operationId: 'open311Requests',
  method: 'GET',
  path: '/open311/v2/requests.json',
  summary:
    'Open311: the requests of a jurisdiction received in a window of at most 90 days (the last 90 by default), oldest first, by service code and status; or those named by service_request_id. No personal data. More pages: the `Link` header (rel="next")',
  tags: TAGS,
  access: 'public',
  errorFormat: 'code-description-list',
  query: () => z.strictObject({
    ...jurisdiction(),
    // At most 50: they are read in one BatchGetItem with the commune and its settings (100 keys at most).
    service_request_id: z.optional(commaList(z.uuid(), 50)),
    service_code: z.optional(commaList(code, 50)),
    start_date: z.optional(w3DateTime()),
    end_date: z.optional(w3DateTime()),
    status: z.optional(commaList(z.enum(OPEN311_STATUSES), 2)),
    page_size: z._default(decimalInteger({ min: 1, max: 1000 }), 1000).check(z.describe('Extension: at most this many requests a page')),
    cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(1024))).check(z.describe('Extension: the next page, from the `Link` header')),
  }),
  responses: { 200: { description: 'The requests', schema: () => z.array(requestSchema()) }, ...errors },
});

export const open311RequestRoute = defineRoute({
  operationId: 'open311Request',
  method: 'GET',
  path: '/open311/v2/requests/{request_file}',
  summary: 'Open311: one request, `requests/{service_request_id}.json`, as a list of one',
  tags: TAGS,
  access: 'public',
  errorFormat: 'code-description-list',
  params: () => z.strictObject({ request_file: jsonFile(z.uuid()).check(z.describe('`{service_request_id}.json`')) }),
  query: () => z.strictObject(jurisdiction()),
  responses: { 200: { description: 'The request', schema: () => z.array(requestSchema()) }, ...errors },
});

export const open311TokenRoute = defineRoute({
  operationId: 'open311Token',
  method: 'GET',
  path: '/open311/v2/tokens/{token_file}',
  summary: 'Open311: the request a token names, `tokens/{token}.json` (requests are created at once: the token is the id)',
  tags: TAGS,
  access: 'public',
  errorFormat: 'code-description-list',
  params: () => z.strictObject({ token_file: jsonFile(z.uuid()).check(z.describe('`{token}.json`')) }),
  query: () => z.strictObject(jurisdiction()),
  responses: { 200: { description: 'The request id', schema: () => z.array(z.object({ service_request_id: z.uuid(), token: z.string() })) }, ...errors },
});
