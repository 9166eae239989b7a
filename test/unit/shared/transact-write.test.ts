// Transactions cancelled by DynamoDB: a failed condition is the caller's conflict (409); a TransactionConflict
// (another transaction held an item at that instant: a busy commune's counter, in AWS) is retried, never a 409.
import { DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { ConflictError } from '../../../functions/shared/errors/domain-errors.ts';
import { TRANSACTION_ATTEMPTS, transactWrite } from '../../../functions/shared/aws/transact-write.ts';

const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-3', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } }));
const dynamodb = mockClient(client);
const items = [{ Put: { TableName: 't', Item: { pk: 'a' } } }, { Update: { TableName: 't', Key: { pk: 'b' }, UpdateExpression: 'ADD n :one', ExpressionAttributeValues: { ':one': 1 } } }];
const conflict = () => new ConflictError({ ar: 'تعارض', fr: 'conflit', en: 'conflict' });

/** What DynamoDB answers, reason by reason, item by item (the messages are the service's own). */
function cancelled(...codes: string[]) {
  return new TransactionCanceledException({
    message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${codes.join(', ')}]`,
    $metadata: { httpStatusCode: 400 },
    CancellationReasons: codes.map((Code) =>
      Code === 'TransactionConflict'
        ? { Code, Message: 'Transaction is ongoing for the item' }
        : Code === 'ConditionalCheckFailed'
          ? { Code, Message: 'The conditional request failed' }
          : { Code },
    ),
  });
}

beforeEach(() => dynamodb.reset());

describe('transactWrite', () => {
  it('retries a transaction another one conflicted with, and succeeds', async () => {
    dynamodb.on(TransactWriteCommand).rejectsOnce(cancelled('None', 'TransactionConflict')).rejectsOnce(cancelled('TransactionConflict', 'None')).resolves({});

    await expect(transactWrite(client, items, conflict)).resolves.toBeUndefined();
    expect(dynamodb.commandCalls(TransactWriteCommand)).toHaveLength(3);
  });

  it('gives the caller its conflict at once when a condition failed, even beside a TransactionConflict', async () => {
    dynamodb.on(TransactWriteCommand).rejects(cancelled('ConditionalCheckFailed', 'TransactionConflict'));

    await expect(transactWrite(client, items, conflict)).rejects.toThrow(ConflictError);
    expect(dynamodb.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });

  it('gives up after a bounded number of attempts with DynamoDB’s own error, not a conflict', async () => {
    dynamodb.on(TransactWriteCommand).rejects(cancelled('None', 'TransactionConflict'));

    const failure = await transactWrite(client, items, conflict).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TransactionCanceledException);
    expect(failure).not.toBeInstanceOf(ConflictError);
    expect(dynamodb.commandCalls(TransactWriteCommand)).toHaveLength(TRANSACTION_ATTEMPTS);
  });

  it('retries throttled items too', async () => {
    dynamodb.on(TransactWriteCommand).rejectsOnce(cancelled('ThrottlingError', 'None')).resolves({});

    await expect(transactWrite(client, items, conflict)).resolves.toBeUndefined();
  });
});
