// A route's contract: method, path, who may call it and its zod schemas. Handlers validate against it,
// the OpenAPI document is generated from it, and the service description routes requests with it.
import type * as z from 'zod/mini';
import type { Role } from '../auth/roles.ts';
import { lazyValue } from '../lazy-value.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ResponseContract {
  readonly description: string;
  readonly schema?: z.core.$ZodType;
  /** Defaults to `application/json`. */
  readonly contentType?: string;
  /** Other representations of the same answer the caller may ask for (`text/csv` of a JSON table). */
  readonly alsoAs?: readonly string[];
  /** A typical body, shown in the OpenAPI document (and checked against `schema` by its linter). */
  readonly example?: unknown;
}

export type RouteAccess = 'public' | readonly Role[];

/** The response every error status documents: an RFC 9457 problem document. */
export const PROBLEM_RESPONSE: ResponseContract = { description: 'RFC 9457 problem document (application/problem+json)' };

export interface RouteContract<
  Params extends z.core.$ZodType = z.core.$ZodType,
  Query extends z.core.$ZodType = z.core.$ZodType,
  Body extends z.core.$ZodType = z.core.$ZodType,
  Access extends RouteAccess = RouteAccess,
> {
  readonly operationId: string;
  readonly method: HttpMethod;
  /** API Gateway path template, e.g. `/v1/communes/{code}`. */
  readonly path: string;
  readonly summary: string;
  readonly tags: readonly string[];
  /** `public`: no token needed; otherwise a valid token with one of these roles. */
  readonly access: Access;
  readonly params?: Params;
  readonly query?: Query;
  readonly body?: Body;
  /** A typical request body, shown in the OpenAPI document (and checked against `body` by its linter). */
  readonly bodyExample?: z.input<Body>;
  readonly responses: Readonly<Record<number, ResponseContract>>;
  /**
   * Honours an `Idempotency-Key` header: a retry with the same key gets the first outcome. `true`: Powertools
   * records the first response of each key (two writes per request). `by-use-case`: the use case names what it
   * creates after the key (the handler gets `idempotencyKey`) and a conditional write makes the retry find it,
   * with no records of its own.
   */
  readonly idempotent?: true | 'by-use-case';
  /**
   * Requests per second the route serves across all callers, with the burst it absorbs (API Gateway route
   * throttling in AWS, a token bucket in the local gateway); beyond it the caller gets 429.
   */
  readonly throttle?: { readonly ratePerSecond: number; readonly burst: number };
  /** Largest accepted request body, in bytes (default 64 KiB). */
  readonly maxBodyBytes?: number;
  /**
   * How the route's errors are written: RFC 9457 problem documents (the default), or the `[{code, description}]`
   * list a public standard the route follows asks for (Open311 GeoReport v2), `code` being the HTTP status.
   */
  readonly errorFormat?: ErrorFormat;
  /** The body may also come as an HTML form (`application/x-www-form-urlencoded`), as a standard's clients send it. */
  readonly formBody?: true;
}

export type ErrorFormat = 'problem' | 'code-description-list';

export type AnyRouteContract = RouteContract<z.core.$ZodType, z.core.$ZodType, z.core.$ZodType, RouteAccess>;

/** A schema as a contract is written: the function that builds it, called on the schema's first use. */
export type SchemaBuilder<Schema extends z.core.$ZodType> = () => Schema;

/** A response as a contract is written: its schema built on first use. */
export interface ResponseDefinition extends Omit<ResponseContract, 'schema'> {
  readonly schema?: z.core.$ZodType | SchemaBuilder<z.core.$ZodType>;
}

/**
 * A contract as written: each schema as the function that builds it. A schema given as a value is taken too (a
 * contract spread into another, as tests derive theirs), but built at import: test/unit/shared/lazy-schemas.test.ts
 * holds every context's schemas module to builders.
 */
export interface RouteDefinition<
  Params extends z.core.$ZodType,
  Query extends z.core.$ZodType,
  Body extends z.core.$ZodType,
  Access extends RouteAccess,
> extends Omit<RouteContract<Params, Query, Body, Access>, 'params' | 'query' | 'body' | 'responses'> {
  readonly params?: Params | SchemaBuilder<Params>;
  readonly query?: Query | SchemaBuilder<Query>;
  readonly body?: Body | SchemaBuilder<Body>;
  readonly responses: Readonly<Record<number, ResponseContract | ResponseDefinition>>;
}

/**
 * The contract of a route whose schemas are built on their first use, each once. A function loads the schemas
 * module of its whole context, and building every route's schemas at import cost a JSON function several
 * milliseconds of its cold start (zod builds each schema as a graph of objects): a handler builds its own
 * route's request schemas on its first request, and only the OpenAPI document ever builds the responses'.
 */
export function defineRoute<
  Params extends z.core.$ZodType,
  Query extends z.core.$ZodType,
  Body extends z.core.$ZodType,
  const Access extends RouteAccess,
>(definition: RouteDefinition<Params, Query, Body, Access>): RouteContract<Params, Query, Body, Access> {
  const { params, query, body, responses, ...rest } = definition;
  const contract = { ...rest, responses: Object.fromEntries(Object.entries(responses).map(([status, response]) => [status, deferredResponse(response)])) };
  deferProperty(contract, 'params', params);
  deferProperty(contract, 'query', query);
  deferProperty(contract, 'body', body);
  return contract as RouteContract<Params, Query, Body, Access>;
}

/** A response with a schema to build gets a contract of its own; one without (a shared problem) stays itself, as the OpenAPI document compares them by identity. */
function deferredResponse(response: ResponseContract | ResponseDefinition): ResponseContract {
  if (typeof response.schema !== 'function') return response as ResponseContract;
  const { schema, ...rest } = response;
  const contract = { ...rest };
  deferProperty(contract, 'schema', schema);
  return contract;
}

function deferProperty(target: object, key: string, source: z.core.$ZodType | (() => unknown) | undefined): void {
  if (typeof source === 'function') Object.defineProperty(target, key, { enumerable: true, get: lazyValue(source) });
  else if (source !== undefined) Object.defineProperty(target, key, { enumerable: true, value: source });
}

/** `GET /v1/communes/{code}`: the API Gateway route key. */
export function routeKey(route: Pick<AnyRouteContract, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}
