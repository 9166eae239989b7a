// Idempotency-Key support for mutating routes: Powertools idempotency keyed by the caller, the route, its
// path parameters and the header. Requests without the header are not recorded; a retry gets the first
// response (marked `idempotency-replayed: true`); the same key with another body is refused (422) and one
// still in progress answers 409. Only the request that created a record may delete it (when its own work
// fails, so that the retry can run): `makeIdempotent` wraps the handler body and does exactly that, where
// Powertools' middy middleware (2.35) also deleted records on requests it had refused. The response is kept
// compressed: the record is written on every change, and a write is billed per started KB.
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { dynamodbClient, tableName } from '../aws/dynamodb.ts';
import { IDEMPOTENCY_TABLE } from '../service-description.ts';
import type { HttpHandlerBody } from './http-handler.ts';
import type { RouteContract } from './route-contract.ts';

/** What a record is keyed by, besides the route (its key prefix): who asks, about which object, with which key. */
export const IDEMPOTENCY_SCOPE =
  'headers."idempotency-key" && [requestContext.authorizer.jwt.claims.sub, pathParameters, headers."idempotency-key"]';

type HttpResponse = Awaited<ReturnType<HttpHandlerBody>>;

/**
 * What the record keeps of a response: all of it (status, headers, body) as JSON compressed with Brotli, stored as
 * a binary attribute (base64 would add a third); `replayed` is set on the way out of the record, never stored.
 */
type KeptResponse = { readonly compressed: Uint8Array; readonly replayed?: true };

/** The JSON type Powertools gives what a record keeps. */
type JSONValue = Awaited<ReturnType<Parameters<typeof makeIdempotent>[0]>>;

// A mid quality: a response is a few KB of JSON, and quality 11 would spend milliseconds to save a few bytes.
const BROTLI_OPTIONS = { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } };

export function keptResponse(response: HttpResponse): KeptResponse {
  return { compressed: brotliCompressSync(JSON.stringify(response), BROTLI_OPTIONS) };
}

export function responseKept(kept: KeptResponse | HttpResponse): HttpResponse {
  // Records written before responses were compressed (they live 24 hours) hold the response itself.
  if (!('compressed' in kept)) return kept;
  return JSON.parse(brotliDecompressSync(kept.compressed).toString('utf8')) as HttpResponse;
}

export function idempotentRequests(route: RouteContract, handle: HttpHandlerBody): HttpHandlerBody {
  const persistenceStore = new DynamoDBPersistenceLayer({
    tableName: tableName(IDEMPOTENCY_TABLE.id),
    awsSdkV3Client: dynamodbClient,
  });
  const config = new IdempotencyConfig({
    eventKeyJmesPath: IDEMPOTENCY_SCOPE,
    // A route without a body (API Gateway then sends no `body`) still has a payload to hash: the empty one.
    payloadValidationJmesPath: "body || ''",
    expiresAfterSeconds: 24 * 60 * 60,
    responseHook: (kept) => ({ ...(kept as unknown as KeptResponse), replayed: true }) as unknown as JSONValue,
  });
  // Powertools types the kept value as JSON; its DynamoDB store marshals a Uint8Array as binary and reads it back so.
  const run = async (...[event, context]: Parameters<HttpHandlerBody>) => keptResponse(await handle(event, context)) as unknown as JSONValue;
  const keep = makeIdempotent(run, { persistenceStore, config, keyPrefix: route.operationId });
  return async (event, context) => {
    const { replayed, ...kept } = (await keep(event, context)) as unknown as KeptResponse;
    const response = responseKept(kept);
    return replayed ? { ...response, headers: { ...response.headers, 'idempotency-replayed': 'true' } } : response;
  };
}
