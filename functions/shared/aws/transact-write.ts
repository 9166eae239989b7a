// A DynamoDB transaction whose cancellation by a failed condition (someone else wrote first) becomes the caller's
// domain error, so racing writers end with one outcome and a clear answer for the other. A cancellation with no
// failed condition is not a refusal: another transaction held one of the items at that moment
// (`TransactionConflict`), or the items were throttled; the transaction is tried again.
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type DynamoDBDocumentClient, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { setTimeout as delay } from 'node:timers/promises';

/** Attempts in all when DynamoDB cancels a transaction for reasons other than a condition. */
export const TRANSACTION_ATTEMPTS = 5;

const BASE_BACKOFF_MS = 20;

/** Whether DynamoDB refused the transaction because one of its conditions failed (the only reason the caller is told). */
export function cancelledByCondition(cancellation: TransactionCanceledException): boolean {
  return (cancellation.CancellationReasons ?? []).some((reason) => reason.Code === 'ConditionalCheckFailed');
}

export async function transactWrite(
  client: DynamoDBDocumentClient,
  items: NonNullable<TransactWriteCommandInput['TransactItems']>,
  whenCancelled: (cancellation: TransactionCanceledException) => Error,
): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await client.send(new TransactWriteCommand({ TransactItems: items }));
      return;
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      if (cancelledByCondition(error)) throw whenCancelled(error);
      // TransactionConflict, ThrottlingError, ProvisionedThroughputExceeded: transient; the SDK does not retry them.
      if (attempt >= TRANSACTION_ATTEMPTS) throw error;
      await delay(BASE_BACKOFF_MS * 2 ** (attempt - 1) * (0.5 + Math.random()));
    }
  }
}
