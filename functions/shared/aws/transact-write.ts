// A DynamoDB transaction whose cancellation (a condition failed: someone else wrote first) becomes the
// caller's domain error, so racing writers end with one outcome and a clear answer for the other.
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type DynamoDBDocumentClient, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';

export async function transactWrite(
  client: DynamoDBDocumentClient,
  items: NonNullable<TransactWriteCommandInput['TransactItems']>,
  whenCancelled: (cancellation: TransactionCanceledException) => Error,
): Promise<void> {
  try {
    await client.send(new TransactWriteCommand({ TransactItems: items }));
  } catch (error) {
    if (error instanceof TransactionCanceledException) throw whenCancelled(error);
    throw error;
  }
}
