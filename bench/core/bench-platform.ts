// The local platform as the benchmark uses it: started on a free port over a throw-away data folder, handlers
// silent, and every HTTP route's handler reachable in process with payload 2.0 events, as Lambda calls it.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { platform } from '../../functions/platform.ts';
import { startLocalPlatform, type LocalPlatform } from '../../lib/local/local-platform.ts';
import type { LambdaHttpHandler } from '../../lib/local/local-gateway.ts';
import { claimsFor, httpEvent, lambdaContext, type EventOptions } from '../../test/fixtures/http-events.ts';
import { functionsOf, type ServiceFunction } from './coverage.ts';

export const REPOSITORY_ROOT = resolve(import.meta.dirname, '../..');

/** Every function of the platform, with the service it belongs to. */
export const platformFunctions: readonly ServiceFunction[] = functionsOf(platform);

/** Who is calling: roles and the scope claims (`commune`, `office`, `civilId`) of their token. */
export interface Caller {
  readonly sub: string;
  readonly roles: readonly string[];
  readonly commune?: string;
  readonly province?: string;
  readonly region?: string;
  readonly office?: string;
  readonly civilId?: string;
}

export interface RouteRequest {
  readonly params?: Record<string, string>;
  readonly query?: Record<string, string>;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** Absent on a public route called without a token. */
  readonly as?: Caller;
}

export interface RouteReply {
  readonly status: number;
  /** The parsed JSON body; undefined for a binary or empty one. */
  readonly json: any;
  /** A binary body (a PDF), as sent. */
  readonly bytes?: Uint8Array;
}

/** One call a scenario made, as a part observes it. */
export interface RouteCall {
  readonly routeKey: string;
  readonly functionId: string;
  readonly event: ReturnType<typeof httpEvent>;
  readonly reply: RouteReply;
  readonly durationMs: number;
}

/** `call('POST /v1/permits', {...})`: one request to a route, its handler invoked in process. */
export type CallRoute = (routeKey: string, request?: RouteRequest) => Promise<RouteReply>;

export interface CallerOptions {
  /** Wraps the handler's invocation alone, e.g. to meter what it asks of DynamoDB. */
  readonly around?: <T>(routeKey: string, work: () => Promise<T>) => Promise<T>;
  /** Sees every call once answered. */
  readonly observe?: (call: RouteCall) => void;
}

const unwrapped = <T>(_routeKey: string, work: () => Promise<T>) => work();

export interface BenchPlatform {
  readonly local: LocalPlatform;
  /** Calls a route's handler; `around` wraps the invocation alone (for metering), `observe` sees the result. */
  caller(options?: CallerOptions): CallRoute;
  stop(): Promise<void>;
}

function claimsOf(caller: Caller): Record<string, string> {
  return claimsFor(caller.sub, caller.roles, {
    ...(caller.commune && { 'custom:commune': caller.commune }),
    ...(caller.province && { 'custom:province': caller.province }),
    ...(caller.region && { 'custom:region': caller.region }),
    ...(caller.office && { 'custom:office': caller.office }),
    ...(caller.civilId && { 'custom:civil_id': caller.civilId }),
  });
}

function parseBody(result: APIGatewayProxyStructuredResultV2): unknown {
  if (result.body === undefined || result.isBase64Encoded) return undefined;
  return JSON.parse(result.body);
}

export async function startBenchPlatform(): Promise<BenchPlatform> {
  // DynamoDB Local keeps its SQLite file in the data folder: on a RAM disk where there is one, so the figures
  // measure the platform's requests rather than this machine's disk.
  const dataDir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'raqmana-bench-'));
  const local = await startLocalPlatform({ port: 0, dataDir, reset: true });

  // The platform imported each handler from the same URL, so these are the module instances it serves.
  const routes = new Map<string, { functionId: string; path: string; method: string; handler: LambdaHttpHandler }>();
  for (const fn of platformFunctions) {
    if (!fn.route) continue;
    const module = (await import(pathToFileURL(join(REPOSITORY_ROOT, fn.entry)).href)) as { handler: LambdaHttpHandler };
    routes.set(`${fn.route.method} ${fn.route.path}`, { functionId: fn.id, path: fn.route.path, method: fn.route.method, handler: module.handler });
  }

  return {
    local,
    caller: ({ around = unwrapped, observe }: CallerOptions = {}) =>
      async (routeKey, request = {}) => {
        const route = routes.get(routeKey);
        if (!route) throw new Error(`No route ${routeKey} in the platform description`);
        const options: EventOptions = {
          method: route.method,
          routePath: route.path,
          ...(request.params && { pathParameters: request.params }),
          ...(request.query && { query: request.query }),
          ...(request.body !== undefined && { body: JSON.stringify(request.body) }),
          ...(request.headers && { headers: request.headers }),
          ...(request.as && { claims: claimsOf(request.as) }),
        };
        const event = httpEvent(options);
        const started = performance.now();
        const result = (await around(routeKey, () => route.handler(event, lambdaContext(route.functionId)))) as APIGatewayProxyStructuredResultV2;
        const durationMs = performance.now() - started;
        const reply = {
          status: result.statusCode ?? 200,
          json: parseBody(result),
          ...(result.isBase64Encoded && result.body !== undefined && { bytes: Buffer.from(result.body, 'base64') }),
        };
        observe?.({ routeKey, functionId: route.functionId, event, reply, durationMs });
        return reply;
      },
    stop: async () => {
      // Work a request set off (a workflow's task, a note's delivery) finishes before its emulators go away.
      await local.clock.settled();
      await local.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
