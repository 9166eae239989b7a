// The local API gateway: turns HTTP requests into API Gateway HTTP API (payload 2.0) events for the very
// handlers Lambda runs, on the routes of the same service descriptions, and verifies bearer tokens the way
// the JWT authorizer does.
import { randomUUID } from 'node:crypto';
import { STATUS_CODES, createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { AnyRouteContract } from '../../functions/shared/http/route-contract.ts';
import type { FieldIssue } from '../../functions/shared/errors/domain-errors.ts';
import { problemDocument, type ProblemCode } from '../../functions/shared/errors/problem-types.ts';
import { DEFAULT_LANGUAGE, negotiateLanguage, type Language, type Localized } from '../../functions/shared/i18n/language.ts';
import type { TimeSource } from '../../functions/shared/time/time-source.ts';
import type { LocalIssuer } from './local-issuer.ts';
import { TokenBucket } from './token-bucket.ts';

/** API Gateway refuses payloads over 10 MB before they reach a function. */
const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;
/** HTTP APIs' quota on the request line and header values together (10,240 bytes, not adjustable). */
const MAX_HEADER_BYTES = 10_240;
/**
 * Node's parser stops at this size: well above API Gateway's quota, so that the gateway itself reads the headers
 * (the caller's language among them) and answers the quota in that language.
 */
const PARSER_MAX_HEADER_BYTES = 64 * 1024;

export type LambdaHttpHandler = (event: APIGatewayProxyEventV2WithJWTAuthorizer, context: Context) => Promise<unknown>;

export interface GatewayRoute {
  readonly functionId: string;
  readonly route: AnyRouteContract;
  readonly handler: LambdaHttpHandler;
  readonly timeoutSeconds: number;
}

export interface PlatformRequest {
  readonly method: string;
  readonly url: URL;
  readonly body: Buffer;
  readonly headers: IncomingMessage['headers'];
}

export interface PlatformResponse {
  readonly status: number;
  readonly body: string | Buffer;
  readonly contentType: string;
}

/** Routes of the local platform itself (/_local/*, /health), never deployed. */
export type PlatformRoute = (request: PlatformRequest) => Promise<PlatformResponse>;

interface CompiledRoute extends GatewayRoute {
  readonly pattern: RegExp;
  readonly parameterNames: readonly string[];
  readonly staticSegments: number;
}

function compile(route: GatewayRoute): CompiledRoute {
  const parameterNames: string[] = [];
  const segments = route.route.path.split('/').filter(Boolean);
  const source = segments
    .map((segment) => {
      const parameter = /^\{([A-Za-z0-9_]+)\}$/.exec(segment);
      if (parameter) {
        parameterNames.push(parameter[1]!);
        return '/([^/]+)';
      }
      return `/${segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`;
    })
    .join('');
  return { ...route, pattern: new RegExp(`^${source}/?$`), parameterNames, staticSegments: segments.length - parameterNames.length };
}

/** API Gateway hands claims to the function as strings, arrays flattened to `[a b]`. */
function flattenClaims(claims: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(claims).map(([name, value]) => [name, Array.isArray(value) ? `[${value.join(' ')}]` : String(value)]),
  );
}

/** A path parameter as API Gateway passes it, decoded; undefined when it is not valid percent-encoded UTF-8. */
function decodedPathParameter(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

/** What API Gateway counts against its header quota: the request line and every header value. */
function headerBytes(request: IncomingMessage): number {
  const requestLine = Buffer.byteLength(`${request.method ?? ''} ${request.url ?? ''} HTTP/${request.httpVersion}`);
  return request.rawHeaders.reduce((total, entry, index) => (index % 2 === 1 ? total + Buffer.byteLength(entry) : total), requestLine);
}

function joinedHeaders(headers: IncomingMessage['headers']): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers)
      .filter((entry): entry is [string, string | string[]] => entry[1] !== undefined)
      .map(([name, value]) => [name.toLowerCase(), Array.isArray(value) ? value.join(',') : value]),
  );
}

function queryParameters(url: URL): Record<string, string> | undefined {
  const grouped = new Map<string, string[]>();
  for (const [name, value] of url.searchParams) grouped.set(name, [...(grouped.get(name) ?? []), value]);
  return grouped.size === 0 ? undefined : Object.fromEntries([...grouped].map(([name, values]) => [name, values.join(',')]));
}

function isTextual(contentType: string | undefined): boolean {
  return !contentType || /^(text\/|application\/([a-z.+-]*\+)?(json|xml|x-www-form-urlencoded))/i.test(contentType);
}

function apiGatewayTime(date: Date): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(date.getUTCDate())}/${months[date.getUTCMonth()]}/${date.getUTCFullYear()}:${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}

async function readBody(request: IncomingMessage): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_PAYLOAD_BYTES) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export interface LocalGateway {
  readonly url: string;
  readonly server: Server;
  /** Stops accepting requests and resolves once those in flight have been answered. */
  close(): Promise<void>;
}

export async function startLocalGateway(options: {
  readonly port: number;
  readonly routes: readonly GatewayRoute[];
  readonly platformRoutes: Readonly<Record<string, PlatformRoute>>;
  readonly issuer: LocalIssuer;
  readonly timeSource: TimeSource;
}): Promise<LocalGateway> {
  const routes = options.routes.map(compile).sort((a, b) => b.staticSegments - a.staticSegments);
  const inFlight = new Set<Promise<void>>();

  const send = (response: ServerResponse, status: number, headers: Record<string, string>, body?: string | Buffer) => {
    response.writeHead(status, { 'access-control-allow-origin': '*', ...headers });
    response.end(body);
  };

  const sendProblem = (
    request: IncomingMessage,
    response: ServerResponse,
    code: ProblemCode,
    detail: Localized,
    requestId: string,
    options: { headers?: Record<string, string>; errors?: (language: Language) => readonly FieldIssue[] } = {},
  ) => {
    const language = negotiateLanguage(request.headers['accept-language']);
    const document = problemDocument(code, language, {
      detail: detail[language],
      instance: `urn:raqmana:request:${requestId}`,
      ...(options.errors && { errors: options.errors(language) }),
    });
    send(response, document.status, { 'content-type': 'application/problem+json; charset=utf-8', 'content-language': language, ...options.headers }, JSON.stringify(document));
  };
  const buckets = new Map(
    routes.flatMap((route) => (route.route.throttle ? [[route, new TokenBucket(route.route.throttle.ratePerSecond, route.route.throttle.burst)] as const] : [])),
  );

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    const method = (request.method ?? 'GET').toUpperCase();
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (headerBytes(request) > MAX_HEADER_BYTES) {
      return sendProblem(request, response, 'headers-too-large', HEADERS_TOO_LARGE, requestId);
    }
    const body = await readBody(request);
    if (body === 'too-large') {
      return sendProblem(request, response, 'payload-too-large', {
        ar: 'لا يتجاوز حجم الطلب 10 ميغابايت',
        fr: 'Les requêtes sont limitées à 10 Mo',
        en: 'Requests are limited to 10 MB',
      }, requestId);
    }

    if (method === 'OPTIONS') {
      return send(response, 204, {
        'access-control-allow-methods': 'GET,POST,PUT,PATCH,DELETE',
        'access-control-allow-headers': 'authorization,content-type,idempotency-key,accept-language',
      });
    }

    const platformRoute = options.platformRoutes[`${method} ${url.pathname}`];
    if (platformRoute) {
      const result = await platformRoute({ method, url, body, headers: request.headers });
      return send(response, result.status, { 'content-type': result.contentType }, result.body);
    }

    const onPath = routes.filter((route) => route.pattern.test(url.pathname));
    const target = onPath.find((route) => route.route.method === method);
    if (!target) {
      return onPath.length > 0
        ? sendProblem(request, response, 'method-not-allowed', {
            ar: `الطريقة ${method} غير متاحة على ${url.pathname}`,
            fr: `${method} n'est pas servi sur ${url.pathname}`,
            en: `${method} is not served on ${url.pathname}`,
          }, requestId)
        : sendProblem(request, response, 'route-not-found', {
            ar: `لا يوجد مسار لـ ${method} ${url.pathname}`,
            fr: `Aucune route pour ${method} ${url.pathname}`,
            en: `No route for ${method} ${url.pathname}`,
          }, requestId);
    }

    const match = target.pattern.exec(url.pathname)!;
    const pathParameters: Record<string, string> = {};
    const badlyEncoded: string[] = [];
    target.parameterNames.forEach((name, index) => {
      const value = decodedPathParameter(match[index + 1]!);
      if (value === undefined) badlyEncoded.push(name);
      else pathParameters[name] = value;
    });
    if (badlyEncoded.length > 0) {
      return sendProblem(request, response, 'validation-failed', BADLY_ENCODED_PATH, requestId, {
        errors: (language) => badlyEncoded.map((name) => ({ pointer: `/params/${name}`, code: 'invalid_encoding', detail: BADLY_ENCODED_PARAMETER[language] })),
      });
    }

    const bucket = buckets.get(target);
    if (bucket && !bucket.take()) {
      const { ratePerSecond } = target.route.throttle!;
      const route = `${target.route.method} ${target.route.path}`;
      return sendProblem(request, response, 'too-many-requests', {
        ar: `المسار ${route} محدود بـ ${ratePerSecond} طلبا في الثانية`,
        fr: `${route} est limité à ${ratePerSecond} requêtes par seconde`,
        en: `${route} is limited to ${ratePerSecond} requests a second`,
      }, requestId, { headers: { 'retry-after': String(bucket.retryAfterSeconds()) } });
    }

    let claims: Record<string, string> | undefined;
    if (target.route.access !== 'public') {
      const authorization = request.headers.authorization ?? '';
      const token = /^Bearer\s+(.+)$/i.exec(authorization)?.[1];
      const verdict = token ? await options.issuer.verify(token, options.timeSource.now()) : ({ refused: 'invalid' } as const);
      if ('refused' in verdict) {
        return verdict.refused === 'expired'
          ? sendProblem(request, response, 'token-expired', TOKEN_EXPIRED, requestId)
          : sendProblem(request, response, 'authentication-required', TOKEN_REQUIRED, requestId);
      }
      claims = flattenClaims(verdict.claims);
    }
    const headers = joinedHeaders(request.headers);
    const textual = isTextual(headers['content-type']);
    const routeKey = `${target.route.method} ${target.route.path}`;
    const now = new Date();
    const event = {
      version: '2.0',
      routeKey,
      rawPath: url.pathname,
      rawQueryString: url.search.slice(1),
      headers,
      queryStringParameters: queryParameters(url),
      pathParameters: target.parameterNames.length > 0 ? pathParameters : undefined,
      requestContext: {
        accountId: '000000000000',
        apiId: 'local',
        domainName: headers.host ?? 'localhost',
        domainPrefix: 'localhost',
        http: { method, path: url.pathname, protocol: `HTTP/${request.httpVersion}`, sourceIp: request.socket.remoteAddress ?? '127.0.0.1', userAgent: headers['user-agent'] ?? '' },
        requestId,
        routeKey,
        stage: '$default',
        time: apiGatewayTime(now),
        timeEpoch: now.getTime(),
        ...(claims && { authorizer: { principalId: '', integrationLatency: 0, jwt: { claims, scopes: [] } } }),
      },
      body: body.length === 0 ? undefined : textual ? body.toString('utf8') : body.toString('base64'),
      isBase64Encoded: body.length > 0 && !textual,
    } as APIGatewayProxyEventV2WithJWTAuthorizer;

    const deadline = Date.now() + target.timeoutSeconds * 1000;
    const context = {
      callbackWaitsForEmptyEventLoop: false,
      functionName: target.functionId,
      functionVersion: '$LATEST',
      invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:${target.functionId}`,
      memoryLimitInMB: '256',
      awsRequestId: requestId,
      logGroupName: `/aws/lambda/${target.functionId}`,
      logStreamName: 'local',
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
      done: () => undefined,
      fail: () => undefined,
      succeed: () => undefined,
    } satisfies Context;

    let result: unknown;
    try {
      result = await target.handler(event, context);
    } catch (error) {
      console.error(`[gateway] ${target.functionId} failed:`, error);
      return send(response, 500, { 'content-type': 'application/json' }, JSON.stringify({ message: 'Internal Server Error' }));
    }
    const structured = result as APIGatewayProxyStructuredResultV2;
    if (typeof result !== 'object' || result === null || typeof structured.statusCode !== 'number') {
      return send(response, 200, { 'content-type': 'application/json' }, JSON.stringify(result));
    }
    const responseHeaders = Object.fromEntries(Object.entries(structured.headers ?? {}).map(([name, value]) => [name, String(value)]));
    const responseBody = structured.body === undefined ? undefined : structured.isBase64Encoded ? Buffer.from(structured.body, 'base64') : structured.body;
    send(response, structured.statusCode, responseHeaders, responseBody);
  }

  const server = createServer({ maxHeaderSize: PARSER_MAX_HEADER_BYTES }, (request, response) => {
    const work = handle(request, response)
      .catch((error: unknown) => {
        console.error('[gateway] request failed:', error);
        if (!response.headersSent) send(response, 500, { 'content-type': 'application/json' }, JSON.stringify({ message: 'Internal Server Error' }));
      })
      .finally(() => inFlight.delete(work));
    inFlight.add(work);
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => answerUnparsable(error, socket));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    server,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await Promise.allSettled([...inFlight]);
      await closed;
    },
  };
}

const HEADERS_TOO_LARGE: Localized = {
  ar: `لا يتجاوز سطر الطلب وقيم الترويسات معا ${MAX_HEADER_BYTES} بايت`,
  fr: `La ligne de requête et les valeurs des en-têtes sont limitées ensemble à ${MAX_HEADER_BYTES} octets`,
  en: `The request line and header values are limited to ${MAX_HEADER_BYTES} bytes together`,
};
const BADLY_ENCODED_PATH: Localized = {
  ar: 'المسار يحتوي على ترميز نسبي (%) غير صالح',
  fr: 'Le chemin contient un encodage pourcent (%) invalide',
  en: 'The path holds an invalid percent-encoding (%)',
};
const BADLY_ENCODED_PARAMETER: Localized = {
  ar: 'ليس ترميزا نسبيا صالحا لنص UTF-8',
  fr: "n'est pas un encodage pourcent valide de texte UTF-8",
  en: 'is not valid percent-encoded UTF-8',
};
const UNREADABLE_REQUEST: Localized = { ar: 'طلب HTTP غير مقروء', fr: 'Requête HTTP illisible', en: 'Unreadable HTTP request' };
const TOKEN_REQUIRED: Localized = {
  ar: 'يلزم رمز دخول صالح (Bearer)',
  fr: "Un jeton d'accès valide (Bearer) est requis",
  en: 'A valid bearer token is required',
};
const TOKEN_EXPIRED: Localized = {
  ar: 'انتهت صلاحية الرمز: اطلب رمزا جديدا',
  fr: 'Le jeton a expiré : demandez-en un nouveau',
  en: 'The token has expired: ask for a new one',
};

/**
 * Requests Node cannot parse never reach the handler: headers past the parser's limit get a 431, anything else a
 * 400, both as problem+json. The headers were not read, so the answer is in the default language.
 */
function answerUnparsable(error: NodeJS.ErrnoException, socket: Socket): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const overflow = error.code === 'HPE_HEADER_OVERFLOW';
  const document = problemDocument(overflow ? 'headers-too-large' : 'validation-failed', DEFAULT_LANGUAGE, {
    detail: (overflow ? HEADERS_TOO_LARGE : UNREADABLE_REQUEST)[DEFAULT_LANGUAGE],
  });
  const body = JSON.stringify(document);
  socket.end(
    `HTTP/1.1 ${document.status} ${STATUS_CODES[document.status]}\r\ncontent-type: application/problem+json; charset=utf-8\r\n` +
      `content-language: ${DEFAULT_LANGUAGE}\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}
