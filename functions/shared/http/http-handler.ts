// The one middy chain every HTTP handler goes through: correlation id and language, authentication and
// roles, body parsing, zod validation, Idempotency-Key, problem+json errors, one structured log line.
import middy from '@middy/core';
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import * as z from 'zod/mini';
import { hasAnyRole, principalFromEvent, type Principal } from '../auth/principal.ts';
import {
  AuthenticationRequiredError,
  DomainError,
  ForbiddenError,
  MalformedJsonError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
  ValidationFailedError,
} from '../errors/domain-errors.ts';
import { problemDocument, type ProblemCode, type ProblemType } from '../errors/problem-types.ts';
import { negotiateLanguage, type Language, type Localized } from '../i18n/language.ts';
import { withInvocationLogging } from '../observability/invocation-logging.ts';
import { countServerError } from '../observability/metrics.ts';
import { logger } from '../observability/observability.ts';
import { fieldIssues } from './field-issues.ts';
import type { ErrorFormat, RouteAccess, RouteContract } from './route-contract.ts';

export type HttpEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
export type HttpResponse = APIGatewayProxyStructuredResultV2;
export type HttpMiddleware = MiddlewareObj<HttpEvent, HttpResponse, Error, Context>;

const DEFAULT_MAX_BODY_BYTES = 64 * 1024;
const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;
const CORRELATION_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

const INVALID_PART: Readonly<Record<'body' | 'query' | 'params' | 'headers', Localized>> = {
  body: { ar: 'نص الطلب غير صالح', fr: 'Corps de requête invalide', en: 'Invalid body' },
  query: { ar: 'معايير الاستعلام غير صالحة', fr: 'Paramètres de requête invalides', en: 'Invalid query' },
  params: { ar: 'معايير المسار غير صالحة', fr: 'Paramètres de chemin invalides', en: 'Invalid path parameters' },
  headers: { ar: 'ترويسة Idempotency-Key غير صالحة', fr: 'En-tête Idempotency-Key invalide', en: 'Invalid Idempotency-Key header' },
};

const IDEMPOTENCY_KEY_FORMAT: Localized = {
  ar: 'من 8 إلى 128 حرفا: حروف لاتينية وأرقام و . _ : -',
  fr: 'De 8 à 128 caractères : lettres, chiffres, . _ : -',
  en: '8 to 128 characters: letters, digits, . _ : -',
};

/**
 * Sent on every response. API answers may carry personal data, so nothing is cached unless a route says so
 * (a public list may set its own `cache-control`); the rest keeps browsers from sniffing, framing or
 * leaking the URL of an answer.
 */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
};

export interface HttpRequest<Params, Query, Body, Access extends RouteAccess> {
  readonly params: Params;
  readonly query: Query;
  readonly body: Body;
  /** Always present on routes that require a role; absent on public routes called without a token. */
  readonly principal: Access extends 'public' ? Principal | undefined : Principal;
  readonly language: Language;
  readonly correlationId: string;
  /** The `Idempotency-Key` header, checked for its format, for routes whose use case keys what it creates by it. */
  readonly idempotencyKey?: string;
  readonly event: HttpEvent;
}

export interface HttpResult {
  readonly status?: number;
  /** Serialized as JSON unless it is binary (then sent base64-encoded with `contentType`). */
  readonly body?: unknown;
  readonly contentType?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

interface RequestState {
  language: Language;
  correlationId: string;
  startedAt: number;
  principal?: Principal;
  idempotencyKey?: string;
  params?: unknown;
  query?: unknown;
  body?: unknown;
}

/** What the middlewares learned about a request, keyed by its event, for the later middlewares and the handler. */
const requestStates = new WeakMap<HttpEvent, RequestState>();

function stateOf(event: HttpEvent): RequestState {
  const state = requestStates.get(event);
  if (!state) throw new Error('request state missing: the requestContext middleware must run first');
  return state;
}

function header(event: HttpEvent, name: string): string | undefined {
  return event.headers?.[name] ?? undefined;
}

function problemResponse(problem: ProblemType | ProblemCode, state: Pick<RequestState, 'language' | 'correlationId'>, error?: DomainError, detail?: string): HttpResponse {
  const document = problemDocument(problem, state.language, {
    ...(detail === undefined ? {} : { detail }),
    instance: `urn:raqmana:request:${state.correlationId}`,
    ...(error ? { errors: error.fieldIssuesIn(state.language) } : {}),
  });
  return {
    statusCode: document.status,
    headers: {
      ...SECURITY_HEADERS,
      'content-type': 'application/problem+json; charset=utf-8',
      'content-language': state.language,
      'x-correlation-id': state.correlationId,
    },
    body: JSON.stringify(document),
  };
}

/** Sets language and correlation id first, so every later failure can be answered in the caller's language. */
const requestContext = (): HttpMiddleware => ({
  before: (request) => {
    const event = request.event;
    const offered = header(event, 'x-correlation-id');
    const correlationId = offered && CORRELATION_ID_PATTERN.test(offered) ? offered : event.requestContext.requestId;
    requestStates.set(event, {
      language: negotiateLanguage(header(event, 'accept-language')),
      correlationId,
      startedAt: Date.now(),
    });
    logger.appendKeys({ correlation_id: correlationId, route: event.routeKey });
  },
});

const authorize = (access: RouteAccess): HttpMiddleware => ({
  before: (request) => {
    const state = stateOf(request.event);
    const principal = principalFromEvent(request.event);
    if (principal) state.principal = principal;
    if (access === 'public') return;
    if (!principal) {
      throw new AuthenticationRequiredError({
        ar: 'يلزم رمز دخول صالح (Bearer)',
        fr: "Un jeton d'accès valide (Bearer) est requis",
        en: 'A valid bearer token is required',
      });
    }
    if (!hasAnyRole(principal, access)) {
      const roles = access.join(', ');
      throw new ForbiddenError({
        ar: `هذا المسار مفتوح فقط للأدوار: ${roles}`,
        fr: `Cette route est réservée aux rôles : ${roles}`,
        en: `This route is open to: ${roles}`,
      });
    }
  },
});

function decodedBody(event: HttpEvent): string | undefined {
  if (event.body === undefined || event.body === null || event.body === '') return undefined;
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}

function validate<S extends z.core.$ZodType>(schema: S, value: unknown, location: 'body' | 'query' | 'params', language: Language): z.output<S> {
  const result = z.safeParse(schema, value);
  if (!result.success) {
    throw new ValidationFailedError(INVALID_PART[location], { fieldIssues: fieldIssues(location, result.error, language) });
  }
  return result.data;
}

const parseAndValidate = (route: RouteContract): HttpMiddleware => ({
  before: (request) => {
    const state = stateOf(request.event);
    const { event } = request;
    state.params = route.params ? validate(route.params, event.pathParameters ?? {}, 'params', state.language) : {};
    state.query = route.query ? validate(route.query, event.queryStringParameters ?? {}, 'query', state.language) : {};

    const idempotencyKey = header(event, 'idempotency-key');
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY_PATTERN.test(idempotencyKey)) {
      throw new ValidationFailedError(INVALID_PART.headers, {
        fieldIssues: [{ pointer: '/headers/idempotency-key', code: 'invalid_format', detail: IDEMPOTENCY_KEY_FORMAT[state.language] }],
      });
    }
    if (idempotencyKey !== undefined) state.idempotencyKey = idempotencyKey;

    const raw = decodedBody(event);
    if (raw !== undefined && Buffer.byteLength(raw, 'utf8') > (route.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES)) {
      const limit = route.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
      throw new PayloadTooLargeError({
        ar: `لا يجوز أن يتجاوز نص الطلب ${limit} بايت`,
        fr: `Le corps de la requête ne peut dépasser ${limit} octets`,
        en: `The body may not exceed ${limit} bytes`,
      });
    }
    if (!route.body) {
      if (raw !== undefined) {
        throw new ValidationFailedError({
          ar: 'هذا المسار لا يقبل نصا في الطلب',
          fr: 'Cette route ne prend pas de corps de requête',
          en: 'This route takes no request body',
        });
      }
      return;
    }
    let parsed: unknown;
    const contentType = header(event, 'content-type') ?? '';
    if (raw !== undefined && route.formBody && /^application\/x-www-form-urlencoded\b/i.test(contentType)) {
      parsed = Object.fromEntries(new URLSearchParams(raw));
    } else if (raw !== undefined) {
      if (!/^application\/([a-z.+-]+\+)?json\b/i.test(contentType)) {
        throw new UnsupportedMediaTypeError({
          ar: 'أرسل نص الطلب بصيغة application/json',
          fr: 'Envoyez le corps de la requête en application/json',
          en: 'Send the body as application/json',
        });
      }
      try {
        parsed = JSON.parse(raw);
      } catch (error) {
        throw new MalformedJsonError(
          { ar: 'نص الطلب ليس JSON صالحا', fr: "Le corps de la requête n'est pas un JSON valide", en: 'The body is not valid JSON' },
          { cause: error },
        );
      }
    }
    state.body = validate(route.body, parsed, 'body', state.language);
  },
});

/** The `[{code, description}]` list some public standards answer errors with (Open311 GeoReport v2). */
function codeDescriptionResponse(response: HttpResponse): HttpResponse {
  const document = JSON.parse(String(response.body)) as { status: number; title: string; detail?: string; errors?: { pointer: string; detail: string }[] };
  const fields = (document.errors ?? []).map((issue) => ({ code: document.status, description: `${issue.pointer}: ${issue.detail}` }));
  return {
    ...response,
    headers: { ...response.headers, 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(fields.length > 0 ? fields : [{ code: document.status, description: document.detail ?? document.title }]),
  };
}

/** Last line of defence: every error becomes problem+json; only 4xx show their detail, a 5xx never leaks internals. */
const problemErrors = (format: ErrorFormat = 'problem'): HttpMiddleware => ({
  onError: async (request) => {
    const error = request.error ?? new Error('unknown error');
    const state = requestStates.get(request.event) ?? {
      language: negotiateLanguage(header(request.event, 'accept-language')),
      correlationId: request.event.requestContext?.requestId ?? 'unknown',
    };
    const shaped = (response: HttpResponse) => (format === 'code-description-list' ? codeDescriptionResponse(response) : response);
    if (error instanceof DomainError) {
      request.response = shaped(problemResponse(error.problem, state, error, error.detailIn(state.language)));
      return;
    }
    logger.error('unhandled error', { errorName: error.name, error });
    countServerError();
    request.response = shaped(problemResponse('internal-error', state));
  },
});

/** One log line per request, with the route and outcome but no request content. */
const accessLog = (): HttpMiddleware => {
  const log = (request: middy.Request<HttpEvent, HttpResponse, Error, Context>) => {
    const state = requestStates.get(request.event);
    logger.info('request handled', {
      status: request.response?.statusCode,
      durationMs: state ? Date.now() - state.startedAt : undefined,
      principal: state?.principal?.sub,
    });
  };
  return { after: log, onError: log };
};

function toResponse(result: HttpResult, state: RequestState): HttpResponse {
  const status = result.status ?? (result.body === undefined ? 204 : 200);
  const baseHeaders = { ...SECURITY_HEADERS, 'x-correlation-id': state.correlationId, 'content-language': state.language, ...result.headers };
  if (result.body === undefined) return { statusCode: status, headers: baseHeaders };
  if (result.body instanceof Uint8Array) {
    return {
      statusCode: status,
      headers: { 'content-type': result.contentType ?? 'application/octet-stream', ...baseHeaders },
      body: Buffer.from(result.body).toString('base64'),
      isBase64Encoded: true,
    };
  }
  return {
    statusCode: status,
    headers: { 'content-type': result.contentType ?? 'application/json; charset=utf-8', ...baseHeaders },
    body: JSON.stringify(result.body),
  };
}

/** The handler inside the middy chain: it runs once the request is authenticated and validated. */
export type HttpHandlerBody = (event: HttpEvent, context: Context) => Promise<HttpResponse>;

export interface HttpHandlerOptions {
  /**
   * The Idempotency-Key wrapper (`idempotentRequests` from ./idempotency.ts), required by routes whose
   * contract says `idempotent`. It wraps the handler body, inside the chain, so that only a request that
   * passed validation can create a record and only the one that created it can delete it. It is passed in
   * rather than imported here so read routes do not bundle it.
   */
  readonly idempotency?: (route: RouteContract, handle: HttpHandlerBody) => HttpHandlerBody;
}

export function httpHandler<Params extends z.core.$ZodType, Query extends z.core.$ZodType, Body extends z.core.$ZodType, Access extends RouteAccess>(
  route: RouteContract<Params, Query, Body, Access>,
  handle: (request: HttpRequest<z.output<Params>, z.output<Query>, z.output<Body>, Access>) => Promise<HttpResult>,
  options: HttpHandlerOptions = {},
) {
  if (route.idempotent === true && !options.idempotency) {
    throw new Error(`${route.operationId} is idempotent by contract: pass { idempotency: idempotentRequests }`);
  }
  const chain = middy<HttpEvent, HttpResponse, Error, Context>()
    // onError runs in reverse order: problemErrors answers first, then accessLog records the answer.
    .use(accessLog())
    .use(problemErrors(route.errorFormat))
    .use(requestContext())
    .use(authorize(route.access))
    .use(parseAndValidate(route as RouteContract));

  const body: HttpHandlerBody = async (event) => {
    const state = stateOf(event);
    const result = await handle({
      params: state.params as z.output<Params>,
      query: state.query as z.output<Query>,
      body: state.body as z.output<Body>,
      principal: state.principal as HttpRequest<unknown, unknown, unknown, Access>['principal'],
      language: state.language,
      correlationId: state.correlationId,
      ...(state.idempotencyKey !== undefined && { idempotencyKey: state.idempotencyKey }),
      event,
    });
    return toResponse(result, state);
  };
  const handler = chain.handler(route.idempotent === true && options.idempotency ? options.idempotency(route as RouteContract, body) : body);
  // Outside the chain, so that the access log's line and a problem's are written inside the invocation too.
  return withInvocationLogging(logger, (event: HttpEvent, context: Context) => handler(event, context));
}
