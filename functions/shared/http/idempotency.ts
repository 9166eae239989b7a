// Idempotency-Key support for mutating routes: one record per caller, route, path parameters and key, in the
// idempotency table. Requests without the header are not recorded; a retry gets the first response (marked
// `idempotency-replayed: true`); the same key with another body is refused (422) and one still in progress
// answers 409. Only the request that created a record deletes it, when its own work fails, so that the retry can
// run: a refused request never frees a record (Powertools' middy middleware, 2.35, did, and the original ran
// twice). Written here rather than with Powertools' idempotency utility, whose 42 KB (with its JMESPath engine)
// every idempotent function carried for this one conditional write. The response is kept compressed: a write is
// billed per started KB.
import { createHash } from 'node:crypto';
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import { ConditionalCheckFailedException, DeleteItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { IdempotencyKeyReusedError, RequestInProgressError } from '../errors/domain-errors.ts';
import { dynamodbClient, tableName } from '../aws/dynamodb.ts';
import { IDEMPOTENCY_TABLE } from '../service-description.ts';
import type { HttpEvent, HttpHandlerBody } from './http-handler.ts';
import type { RouteContract } from './route-contract.ts';

type HttpResponse = Awaited<ReturnType<HttpHandlerBody>>;

/** How long a completed request's answer is replayed. */
const RECORD_LIFETIME_SECONDS = 24 * 60 * 60;

/**
 * What the record keeps of a response: all of it (status, headers, body) as JSON compressed with Brotli, stored as
 * a binary attribute (base64 would add a third).
 */
type KeptResponse = { readonly compressed: Uint8Array };

/** An idempotency record: in progress (until `inProgressUntil`, the function's own deadline) or completed. */
interface IdempotencyRecord {
  readonly id: string;
  readonly status: 'INPROGRESS' | 'COMPLETED';
  /** Epoch seconds: the table's time to live. */
  readonly expiration: number;
  /** SHA-256 of the request body: the same key with another body is a misuse, not a retry. */
  readonly validation: string;
  /** Epoch milliseconds after which a record left in progress (its function timed out) no longer holds the key. */
  readonly in_progress_expiration?: number;
  readonly data?: KeptResponse;
}

// A mid quality: a response is a few KB of JSON, and quality 11 would spend milliseconds to save a few bytes.
const BROTLI_OPTIONS = { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } };

export function keptResponse(response: HttpResponse): KeptResponse {
  return { compressed: brotliCompressSync(JSON.stringify(response), BROTLI_OPTIONS) };
}

export function responseKept(kept: KeptResponse): HttpResponse {
  return JSON.parse(brotliDecompressSync(kept.compressed).toString('utf8')) as HttpResponse;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');

/** The record of a request: its route, and who asks, about which object, with which key. */
function recordId(route: RouteContract, event: HttpEvent, key: string): string {
  const caller = event.requestContext.authorizer?.jwt?.claims?.sub ?? null;
  return `${route.operationId}#${sha256(JSON.stringify([caller, event.pathParameters ?? null, key]))}`;
}

const keyReused = () =>
  new IdempotencyKeyReusedError({
    ar: 'استُعمل مفتاح عدم التكرار هذا لطلب بمحتوى مختلف: استعمل مفتاحا جديدا لكل طلب جديد',
    fr: "Cette clé d'idempotence a déjà servi pour une requête au contenu différent : utilisez une nouvelle clé pour chaque nouvelle requête",
    en: 'This idempotency key was already used for a request with a different body: use a new key for each new request',
  });

const inProgress = () =>
  new RequestInProgressError({
    ar: 'طلب بنفس مفتاح عدم التكرار قيد المعالجة: أعد المحاولة بعد لحظة لتحصل على جوابه',
    fr: "Une requête avec la même clé d'idempotence est en cours : réessayez dans un instant pour obtenir sa réponse",
    en: 'A request with the same idempotency key is in progress: retry in a moment to get its response',
  });

/**
 * A write to the record on condition that this request's claim still holds it: a claim left past its function's
 * deadline may have been taken by a retry, whose record is then not this request's to complete or delete.
 */
const stillClaimed = (inProgressUntil: number) => ({
  ConditionExpression: 'in_progress_expiration = :claimed',
  ExpressionAttributeValues: marshall({ ':claimed': inProgressUntil }),
});

function ignoreLostClaim(error: unknown): void {
  if (!(error instanceof ConditionalCheckFailedException)) throw error;
}

export function idempotentRequests(route: RouteContract, handle: HttpHandlerBody): HttpHandlerBody {
  return async (event, context) => {
    const key = event.headers?.['idempotency-key'];
    if (key === undefined) return handle(event, context);
    const table = tableName(IDEMPOTENCY_TABLE.id);
    const id = recordId(route, event, key);
    // A route without a body (API Gateway then sends no `body`) still has a payload to compare: the empty one.
    const validation = sha256(event.body ?? '');
    // Record lifetimes are the real clock's, as DynamoDB's time to live is: not the platform's time source.
    const startedAt = Date.now();
    const inProgressUntil = startedAt + context.getRemainingTimeInMillis();
    const expiration = Math.floor(startedAt / 1000) + RECORD_LIFETIME_SECONDS;

    const claim: IdempotencyRecord = { id, status: 'INPROGRESS', expiration, validation, in_progress_expiration: inProgressUntil };
    try {
      await dynamodbClient.send(
        new PutItemCommand({
          TableName: table,
          Item: marshall(claim),
          // Free: never used, expired, or left in progress by a request whose function has stopped.
          ConditionExpression: 'attribute_not_exists(id) OR expiration < :nowSeconds OR (#status = :inProgress AND in_progress_expiration < :nowMs)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: marshall({ ':nowSeconds': Math.floor(startedAt / 1000), ':nowMs': startedAt, ':inProgress': 'INPROGRESS' }),
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException) || !error.Item) throw error;
      const existing = unmarshall(error.Item) as IdempotencyRecord;
      if (existing.validation !== validation) throw keyReused();
      if (existing.status !== 'COMPLETED' || !existing.data) throw inProgress();
      const response = responseKept(existing.data);
      return { ...response, headers: { ...response.headers, 'idempotency-replayed': 'true' } };
    }

    let response: HttpResponse;
    try {
      response = await handle(event, context);
    } catch (error) {
      // Its own work failed: the record is this request's (its claim still stands), so the retry may run.
      await dynamodbClient.send(new DeleteItemCommand({ TableName: table, Key: marshall({ id }), ...stillClaimed(inProgressUntil) })).catch(ignoreLostClaim);
      throw error;
    }
    const completed: IdempotencyRecord = { id, status: 'COMPLETED', expiration, validation, data: keptResponse(response) };
    await dynamodbClient.send(new PutItemCommand({ TableName: table, Item: marshall(completed), ...stillClaimed(inProgressUntil) })).catch(ignoreLostClaim);
    return response;
  };
}
