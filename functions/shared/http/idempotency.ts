// Idempotency-Key support for mutating routes: Powertools idempotency keyed by the caller, the route, its
// path parameters and the header. Requests without the header are not recorded; a retry gets the first
// response (marked `idempotency-replayed: true`); the same key with another body is refused (422) and one
// still in progress answers 409. Only the request that created a record may delete it (when its own work
// fails, so that the retry can run): `makeIdempotent` wraps the handler body and does exactly that, where
// Powertools' middy middleware (2.35) also deleted records on requests it had refused.
import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { dynamodbClient, tableName } from '../aws/dynamodb.ts';
import { IDEMPOTENCY_TABLE } from '../service-description.ts';
import type { HttpHandlerBody } from './http-handler.ts';
import type { RouteContract } from './route-contract.ts';

/** What a record is keyed by, besides the route (its key prefix): who asks, about which object, with which key. */
export const IDEMPOTENCY_SCOPE =
  'headers."idempotency-key" && [requestContext.authorizer.jwt.claims.sub, pathParameters, headers."idempotency-key"]';

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
    responseHook: (response) => {
      const replayed = response as Awaited<ReturnType<HttpHandlerBody>>;
      return { ...replayed, headers: { ...replayed.headers, 'idempotency-replayed': 'true' } };
    },
  });
  return makeIdempotent(handle, { persistenceStore, config, keyPrefix: route.operationId });
}
