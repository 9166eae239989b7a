// The OpenAPI 3.1 document of the platform, generated from the route contracts' zod schemas. Each operation
// declares every status the shared HTTP chain can answer on it, derived from its contract, with the problem
// document (RFC 9457) that comes with it.
import * as z from 'zod/mini';
import { PLATFORM_PROBLEMS, problemDocument, type ProblemCode, type ProblemType } from '../../shared/errors/problem-types.ts';
import { PROBLEM_RESPONSE, type AnyRouteContract, type ResponseContract } from '../../shared/http/route-contract.ts';
import type { PlatformDescription } from '../../shared/service-description.ts';
import { CASE_CLOCK_PROBLEMS } from '../../shared/case-clock/case-clock.problems.ts';

const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const JSON_CONTENT_TYPE = 'application/json';
const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';
/** The format the HTTP chain checks an `Idempotency-Key` against (`functions/shared/http/http-handler.ts`). */
export const IDEMPOTENCY_KEY_PATTERN = '^[A-Za-z0-9._:-]{8,128}$';

/** Every problem type the platform can answer: the platform-wide ones, then each service's own, each code once. */
export function platformProblems(platform: PlatformDescription): ProblemType[] {
  const problems = new Map<string, { problem: ProblemType; declaredBy: string }>();
  const declarations = [
    { declaredBy: 'functions/shared', types: PLATFORM_PROBLEMS },
    { declaredBy: 'functions/shared/case-clock', types: CASE_CLOCK_PROBLEMS },
    ...platform.services.map((service) => ({ declaredBy: service.name, types: service.problems ?? {} })),
  ];
  for (const { declaredBy, types } of declarations) {
    for (const problem of Object.values(types)) {
      const earlier = problems.get(problem.code);
      if (earlier) throw new Error(`problem code ${problem.code} is declared by both ${earlier.declaredBy} and ${declaredBy}`);
      problems.set(problem.code, { problem, declaredBy });
    }
  }
  return [...problems.values()].map(({ problem }) => problem);
}

const problemSchema = (codes: readonly string[]) =>
  z.object({
      type: z.string().check(z.describe('URI of the problem type: `urn:raqmana:problem:<code>`')),
      title: z.string().check(z.describe('Short summary of the problem type, in the language negotiated from Accept-Language')),
      status: z.int().check(z.gte(400), z.lte(599), z.describe('The HTTP status code')),
      code: z.enum(codes).check(z.describe('Stable code of the problem type, the same in every language')),
      detail: z.optional(z.string()).check(z.describe('What went wrong with this request, in the negotiated language (never shown for a 5xx)')),
      instance: z.optional(z.string()).check(z.describe('URI of this occurrence: `urn:raqmana:request:<correlation id>`')),
      errors: z.optional(z.array(
          z.object({
            pointer: z.string().check(z.describe('JSON pointer into the request: `/body/project/title`, `/query/limit`, `/params/code`, `/headers/idempotency-key`')),
            code: z.string().check(z.describe('Stable issue code: `required`, `invalid_type`, `too_big`, `too_small`, `invalid_format`, `invalid_value`, `unrecognized_keys`, ...')),
            detail: z.string().check(z.describe('The issue in the negotiated language, with its bound, format or allowed values')),
          }),
        )).check(z.describe('One entry per invalid field')),
    }).check(z.describe('RFC 9457 problem details, with the stable `code` of the problem type and the invalid fields'));

/** API Gateway's own refusals in AWS (JWT authorizer, throttling), which no function answers. */
const gatewayMessageSchema = z.object({ message: z.string() }).check(z.describe('Answered by API Gateway itself in AWS, before any function runs'));

/** A zod schema as a JSON Schema component (OpenAPI 3.1 schemas are JSON Schema 2020-12). */
function componentSchema(schema: z.core.$ZodType) {
  const { $schema: _dialect, ...component } = z.toJSONSchema(schema, { target: 'draft-2020-12' });
  return component as Record<string, unknown>;
}

function example(code: ProblemCode, detail: string, errors?: { pointer: string; code: string; detail: string }[]) {
  return problemDocument(code, 'en', { detail, instance: 'urn:raqmana:request:5f0c6a52-8c1e-4b7d-9a43-0d6a7e2f9b11', ...(errors && { errors }) });
}

/** The statuses the shared chain answers, with when each one occurs and an example problem. */
const CHAIN_RESPONSES = {
  400: {
    description: 'Invalid request: a path, query or body field fails its schema (each one named in `errors`), malformed JSON, a body on a route that takes none, or a malformed Idempotency-Key',
    examples: {
      en: example('validation-failed', 'Invalid body', [{ pointer: '/body/title', code: 'too_big', detail: 'Too long: at most 64 characters' }]),
      fr: problemDocument('validation-failed', 'fr', { errors: [{ pointer: '/body/title', code: 'too_big', detail: 'Trop long : 64 caractères au plus' }] }),
      ar: problemDocument('validation-failed', 'ar', { errors: [{ pointer: '/body/title', code: 'too_big', detail: 'طويل جدا: يجب ألا يتجاوز عدد الأحرف 64' }] }),
    },
  },
  401: { description: 'No valid bearer token', examples: { en: example('authentication-required', 'A valid bearer token is required') } },
  403: { description: 'The token carries none of the roles this route admits, or the caller may not act on this resource', examples: { en: example('forbidden', 'This route is open to: admin') } },
  404: { description: 'No resource with this identifier', examples: { en: example('not-found', 'No such resource') } },
  409: {
    description: 'The state of the resource does not allow the operation, or a request with the same Idempotency-Key is still running',
    examples: { en: example('request-in-progress', 'A request with this Idempotency-Key is still being processed') },
  },
  413: { description: 'The body is larger than the route accepts', examples: { en: example('payload-too-large', 'The body may not exceed 65536 bytes') } },
  415: { description: 'The body is not sent as application/json', examples: { en: example('unsupported-media-type', 'Send the body as application/json') } },
  422: {
    description: 'The Idempotency-Key was already used for a request with another body',
    examples: { en: example('idempotency-key-reused', 'This Idempotency-Key was used for a different request') },
  },
  431: {
    description: 'The request line and headers are larger than API Gateway takes (10,240 bytes); answered before any function runs',
    examples: { en: example('headers-too-large', 'The request headers are too large') },
  },
  429: { description: 'Too many requests on this route: retry after the number of seconds in Retry-After', examples: { en: example('too-many-requests', 'Retry in a second') } },
  500: { description: 'Internal error; the detail is never shown', examples: { en: problemDocument('internal-error', 'en', { instance: 'urn:raqmana:request:5f0c6a52-8c1e-4b7d-9a43-0d6a7e2f9b11' }) } },
} as const satisfies Record<number, { description: string; examples: Record<string, unknown> }>;

type ChainStatus = keyof typeof CHAIN_RESPONSES;

/** The statuses the chain can answer on a route, from what its contract declares. */
export function chainStatuses(route: AnyRouteContract): ChainStatus[] {
  const statuses: ChainStatus[] = [400, 500];
  if (route.body) statuses.push(413, 415);
  if (route.access !== 'public') statuses.push(401, 403);
  if (route.params) statuses.push(404);
  if (route.idempotent) statuses.push(409, 422);
  if (route.throttle) statuses.push(429);
  statuses.push(431);
  return statuses;
}

function isChainStatus(status: number): status is ChainStatus {
  return Object.hasOwn(CHAIN_RESPONSES, status);
}

function problemContent(status: number) {
  const problem = {
    schema: { $ref: '#/components/schemas/Problem' },
    ...(isChainStatus(status) && {
      examples: Object.fromEntries(Object.entries(CHAIN_RESPONSES[status].examples).map(([language, value]) => [language, { summary: `Accept-Language: ${language}`, value }])),
    }),
  };
  // In AWS, API Gateway refuses a bad token and throttles before any function runs, with a body of its own.
  const byGateway = status === 401 || status === 429 ? { [JSON_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/GatewayMessage' } } } : {};
  return { [PROBLEM_CONTENT_TYPE]: problem, ...byGateway };
}

/** The `[{code, description}]` list of a route that follows a standard's error shape (the function's own errors). */
const codeDescriptionList = z.array(z.object({ code: z.int().check(z.describe('The HTTP status')), description: z.string().check(z.describe('What is wrong, in the language of Accept-Language')) })).check(z.describe('Errors as a list of `{code, description}` (Open311 GeoReport v2), one per invalid field when fields are at fault'));

/** What the gateway answers itself, before any function, whatever format the route's errors take. */
const GATEWAY_STATUSES: ReadonlySet<number> = new Set([401, 429]);

function responseContent(status: number, response: ResponseContract, route: AnyRouteContract) {
  if (route.errorFormat === 'code-description-list' && status >= 400 && !GATEWAY_STATUSES.has(status)) {
    const list = { [JSON_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/CodeDescriptionList' } } };
    // A path the gateway cannot decode (a bad percent escape) is refused by it with its problem document.
    return status === 400 ? { ...list, ...problemContent(status) } : list;
  }
  const main = mainContent(status, response);
  const alternatives = Object.fromEntries((response.alsoAs ?? []).map((type) => [type, { schema: { type: 'string' as const } }]));
  return main && { ...main, ...alternatives };
}

function mainContent(status: number, response: ResponseContract) {
  const contentType = response.contentType ?? (status >= 400 ? PROBLEM_CONTENT_TYPE : JSON_CONTENT_TYPE);
  if (contentType === PROBLEM_CONTENT_TYPE) return problemContent(status);
  if (contentType === JSON_CONTENT_TYPE || contentType.endsWith('+json')) {
    // Without a schema, a JSON response has a body only when the contract names its content type (a 204 has none).
    if (!response.schema) return response.contentType ? { [contentType]: { schema: { type: 'object' as const } } } : undefined;
    return { [contentType]: { schema: response.schema, ...(response.example !== undefined && { example: response.example }) } };
  }
  // Binary or text bodies (PDF documents, the docs page and its script).
  return { [contentType]: { schema: response.schema ?? { type: 'string' as const, ...(contentType.startsWith('text/') ? {} : { format: 'binary' }) } } };
}

function operationResponses(route: AnyRouteContract) {
  const declared = new Map<number, ResponseContract>(Object.entries(route.responses).map(([status, response]) => [Number(status), response]));
  for (const status of chainStatuses(route)) {
    // The generic problem a contract declares gets the chain's description of when that status occurs.
    if (!declared.has(status) || declared.get(status) === PROBLEM_RESPONSE) declared.set(status, { description: CHAIN_RESPONSES[status].description });
  }
  return Object.fromEntries(
    [...declared.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, response]) => {
        const content = responseContent(status, response, route);
        return [String(status), { description: response.description, ...(content && { content }) }];
      }),
  );
}

function requestContent(route: AnyRouteContract) {
  const json = { schema: route.body!, ...(route.bodyExample !== undefined && { example: route.bodyExample }) };
  return { [JSON_CONTENT_TYPE]: json, ...(route.formBody && { [FORM_CONTENT_TYPE]: { schema: route.body! } }) };
}

function operationParameters(route: AnyRouteContract) {
  return [
    { $ref: '#/components/parameters/AcceptLanguage' },
    ...(route.idempotent ? [{ $ref: '#/components/parameters/IdempotencyKey' }] : []),
  ];
}

function operationDescription(route: AnyRouteContract): string {
  const roles = route.access === 'public' ? 'Public: no token needed.' : `Roles: ${route.access.join(', ')}.`;
  const idempotency = route.idempotent ? ' Send an `Idempotency-Key` header to make retries safe: a retry with the same key gets the first outcome.' : '';
  const throttle = route.throttle ? ` Limited to ${route.throttle.ratePerSecond} requests a second across all callers (bursts of ${route.throttle.burst}).` : '';
  return `${roles}${idempotency}${throttle}`;
}

/** What each tag of the route contracts groups, shown as the sections of /docs. */
const TAG_DESCRIPTIONS: Readonly<Record<string, string>> = {
  'Reference data': 'Communes and their civil-status offices, the procedures catalogue with its legal periods, public holidays.',
  Permits: 'Permit applications: filing, instruction, the statutory clock with suspensions and extension, decisions, deemed approval, receipts and certificates.',
  'Civil status': 'Civil-status acts, civil identifiers, the national search in both scripts, access log, register pages, marginal notes between offices, historical imports.',
  Documents: 'Birth extracts and full copies requested by citizens, reviewed by registrars, issued as signed bilingual PDFs that anyone verifies.',
  'Registry office': "The bureau d'ordre: official letters numbered without gaps in each commune's registers, lodged online or registered by clerks, followed by their senders with a secret code.",
  Complaints: "Complaints, observations and suggestions filed with a collectivity, acknowledged and answered within the decree's two deadlines by its complaints unit, transferred, reopened and rated.",
  Open311: 'Open311 GeoReport v2 over the complaints: services (the categories), requests filed and read by any Open311 client, in JSON; errors as `[{code, description}]`; public reads carry no personal data.',
  Notifications: 'One inbox per person across services: what each service tells the caller about their files.',
  'API documentation': 'This document and its rendering.',
};

/** How a schema reads on the wire: `input` for what a caller sends (defaults not required), `output` for answers. */
type Direction = 'input' | 'output';

/**
 * A zod schema as an OpenAPI 3.1 schema (JSON Schema 2020-12), from zod's own JSON Schema output. Two of its
 * choices are undone: an answer's plain object is open (only a strict object closes it, as it does in
 * validation), and a built-in string format is stated by its `format` alone, without the long regular
 * expression zod checks it with.
 */
export function schemaObject(schema: z.core.$ZodType, io: Direction): Record<string, unknown> {
  const { $schema: _dialect, ...converted } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      const def = zodSchema._zod.def as ZodDefinition;
      if (def.type === 'object') {
        if (def.catchall === undefined) delete jsonSchema.additionalProperties;
        // A field with a default may be absent from what a caller sends and from what was stored before it existed.
        const withDefault = (name: string) => (def.shape?.[name]?._zod.def as ZodDefinition | undefined)?.type === 'default';
        if (jsonSchema.required) jsonSchema.required = jsonSchema.required.filter((name) => !withDefault(name));
        if (jsonSchema.required?.length === 0) delete jsonSchema.required;
      }
      if (def.type === 'default' && jsonSchema.default === undefined) jsonSchema.default = def.defaultValue as never;
      if (def.type === 'string' && def.check === 'string_format' && def.format && BUILT_IN_FORMATS.has(def.format)) delete jsonSchema.pattern;
      // The safe-integer bounds of every zod integer say nothing a reader needs.
      if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
      if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
    },
  });
  return converted as Record<string, unknown>;
}

interface ZodDefinition {
  readonly type: string;
  readonly catchall?: unknown;
  readonly shape?: Readonly<Record<string, z.core.$ZodType>>;
  readonly defaultValue?: unknown;
  readonly format?: string;
  readonly check?: string;
}

/** zod string formats whose OpenAPI `format` says all (their regular expressions are zod's implementation). */
const BUILT_IN_FORMATS: ReadonlySet<string> = new Set(['uuid', 'guid', 'datetime', 'date', 'time', 'duration', 'email', 'url']);

/** A route's path or query object as one OpenAPI parameter per field. */
function objectParameters(schema: z.core.$ZodType | undefined, location: 'path' | 'query') {
  if (!schema) return [];
  const object = schemaObject(schema, 'input') as { properties?: Record<string, { description?: string }>; required?: string[] };
  const required = new Set(object.required ?? []);
  return Object.entries(object.properties ?? {}).map(([name, property]) => ({
    schema: property,
    required: location === 'path' || required.has(name),
    ...(property.description !== undefined && { description: property.description }),
    name,
    in: location,
  }));
}

/** A content map whose schemas may still be zod schemas, with each one converted. */
function convertedContent(content: Readonly<Record<string, { readonly schema?: unknown } | undefined>> | undefined, io: Direction) {
  if (!content) return undefined;
  return Object.fromEntries(
    Object.entries(content)
      .filter((entry): entry is [string, { readonly schema?: unknown }] => entry[1] !== undefined)
      .map(([type, media]) => [type, { ...media, ...(isZodSchema(media.schema) && { schema: schemaObject(media.schema, io) }) }]),
  );
}

function isZodSchema(value: unknown): value is z.core.$ZodType {
  return typeof value === 'object' && value !== null && '_zod' in value;
}

const BEARER = 'bearer';

export function openApiDocument(platform: PlatformDescription) {
  const tags = new Set<string>();
  const paths: Record<string, Record<string, unknown>> = {};
  for (const service of platform.services) {
    for (const fn of service.functions) {
      const route = fn.route;
      if (!route) continue;
      route.tags.forEach((tag) => tags.add(tag));
      const responses = Object.fromEntries(
        Object.entries(operationResponses(route)).map(([status, response]) => [status, { ...response, ...(response.content && { content: convertedContent(response.content, 'output') }) }]),
      );
      (paths[route.path] ??= {})[route.method.toLowerCase()] = {
        operationId: route.operationId,
        summary: route.summary,
        description: operationDescription(route),
        tags: [...route.tags],
        security: route.access === 'public' ? [] : [{ [BEARER]: [] }],
        parameters: [...operationParameters(route), ...objectParameters(route.params, 'path'), ...objectParameters(route.query, 'query')],
        ...(route.body && { requestBody: { required: true, content: convertedContent(requestContent(route), 'input') } }),
        responses,
      };
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Raqmana API',
      version: '1',
      description:
        'Digital services of Moroccan territorial collectivities. Errors are RFC 9457 problem documents (`application/problem+json`) with a stable `code`, titled and detailed in the language of Accept-Language (ar, fr, en; Arabic by default).',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    // Relative (as OpenAPI's Server Object allows): the API is where this document is served from, so one document, made when
    // its function is bundled, serves every deployment, custom domain and the local platform alike.
    servers: [{ url: '/', description: 'The API serving this document' }],
    security: [{ [BEARER]: [] }],
    // In the order of the platform's services: the sections of /docs, the documentation itself last.
    tags: [...tags].map((name) => ({ name, ...(TAG_DESCRIPTIONS[name] && { description: TAG_DESCRIPTIONS[name] }) })),
    paths,
    components: {
      securitySchemes: {
        [BEARER]: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'Cognito ID token (locally: POST /_local/tokens). Roles come from the cognito:groups claim.',
        },
      },
      schemas: {
        Problem: componentSchema(problemSchema(platformProblems(platform).map((problem) => problem.code))),
        GatewayMessage: componentSchema(gatewayMessageSchema),
        CodeDescriptionList: componentSchema(codeDescriptionList),
      },
      parameters: {
        AcceptLanguage: {
          name: 'Accept-Language',
          in: 'header',
          required: false,
          description: 'Language of titles and details of problems, and of explanations: `ar`, `fr` or `en` (Arabic when none of them is asked for).',
          schema: { type: 'string' },
          example: 'fr',
        },
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description: 'A key of your choice, unique per operation you mean: a retry with the same key gets the first outcome; the same key with another body gets 422.',
          schema: { type: 'string', pattern: IDEMPOTENCY_KEY_PATTERN, minLength: 8, maxLength: 128 },
          example: 'holidays-2026-confirmed',
        },
      },
    },
  };
}
