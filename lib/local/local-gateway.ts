// The local API gateway: turns HTTP requests into API Gateway HTTP API (payload 2.0) events for the very
// handlers Lambda runs, on the routes of the same service descriptions, and verifies bearer tokens the way
// the JWT authorizer does.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { AnyRouteContract } from '../../functions/shared/http/route-contract.ts';
import { problemDocument, type ProblemCode } from '../../functions/shared/errors/problem-types.ts';
import { negotiateLanguage } from '../../functions/shared/i18n/language.ts';
import type { TimeSource } from '../../functions/shared/time/time-source.ts';
import type { LocalIssuer } from './local-issuer.ts';
import { TokenBucket } from './token-bucket.ts';

/** API Gateway refuses payloads over 10 MB before they reach a function. */
const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

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

  const sendProblem = (request: IncomingMessage, response: ServerResponse, code: ProblemCode, detail: string, requestId: string, headers: Record<string, string> = {}) => {
    const language = negotiateLanguage(request.headers['accept-language']);
    const document = problemDocument(code, language, { detail, instance: `urn:raqmana:request:${requestId}` });
    send(response, document.status, { 'content-type': 'application/problem+json; charset=utf-8', 'content-language': language, ...headers }, JSON.stringify(document));
  };
  const buckets = new Map(
    routes.flatMap((route) => (route.route.throttle ? [[route, new TokenBucket(route.route.throttle.ratePerSecond, route.route.throttle.burst)] as const] : [])),
  );

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    const method = (request.method ?? 'GET').toUpperCase();
    const url = new URL(request.url ?? '/', 'http://localhost');
    const body = await readBody(request);
    if (body === 'too-large') return sendProblem(request, response, 'payload-too-large', 'Requests are limited to 10 MB', requestId);

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
        ? sendProblem(request, response, 'method-not-allowed', `${method} is not served on ${url.pathname}`, requestId)
        : sendProblem(request, response, 'route-not-found', `No route for ${method} ${url.pathname}`, requestId);
    }

    const bucket = buckets.get(target);
    if (bucket && !bucket.take()) {
      return sendProblem(request, response, 'too-many-requests', `${target.route.method} ${target.route.path} is limited to ${target.route.throttle!.ratePerSecond} requests a second`, requestId, {
        'retry-after': String(bucket.retryAfterSeconds()),
      });
    }

    let claims: Record<string, string> | undefined;
    if (target.route.access !== 'public') {
      const authorization = request.headers.authorization ?? '';
      const token = /^Bearer\s+(.+)$/i.exec(authorization)?.[1];
      const verified = token ? await options.issuer.verify(token, options.timeSource.now()) : undefined;
      if (!verified) return sendProblem(request, response, 'authentication-required', 'A valid bearer token is required', requestId);
      claims = flattenClaims(verified);
    }

    const match = target.pattern.exec(url.pathname)!;
    const pathParameters = Object.fromEntries(target.parameterNames.map((name, index) => [name, decodeURIComponent(match[index + 1]!)]));
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

  const server = createServer((request, response) => {
    const work = handle(request, response)
      .catch((error: unknown) => {
        console.error('[gateway] request failed:', error);
        if (!response.headersSent) send(response, 500, { 'content-type': 'application/json' }, JSON.stringify({ message: 'Internal Server Error' }));
      })
      .finally(() => inFlight.delete(work));
    inFlight.add(work);
  });
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
