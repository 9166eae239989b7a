// Idempotency-Key support for mutating routes: Powertools idempotency keyed by caller, route and the
// header. Requests without the header are not recorded; a retry gets the first response; the same key
// with another body is refused (422) and one still in progress answers 409.
import { IdempotencyConfig } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { makeHandlerIdempotent } from '@aws-lambda-powertools/idempotency/middleware';
import { dynamodbClient, tableName } from '../aws/dynamodb.ts';
import { IDEMPOTENCY_TABLE } from '../service-description.ts';
import type { HttpMiddleware } from './http-handler.ts';
import type { RouteContract } from './route-contract.ts';

export function idempotentRequests(route: RouteContract): HttpMiddleware {
  const persistenceStore = new DynamoDBPersistenceLayer({
    tableName: tableName(IDEMPOTENCY_TABLE.id),
    awsSdkV3Client: dynamodbClient,
  });
  const config = new IdempotencyConfig({
    eventKeyJmesPath: 'headers."idempotency-key" && [requestContext.authorizer.jwt.claims.sub, headers."idempotency-key"]',
    // A route without a body (API Gateway then sends no `body`) still has a payload to hash: the empty one.
    payloadValidationJmesPath: "body || ''",
    expiresAfterSeconds: 24 * 60 * 60,
  });
  return makeHandlerIdempotent({ persistenceStore, config, keyPrefix: route.operationId }) as HttpMiddleware;
}
