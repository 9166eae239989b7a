// BatchGetItem until every key is read: keys DynamoDB leaves unprocessed are asked again, with their settings.
import { BatchGetCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { batchGetEvery } from '../../../functions/shared/aws/batch-get.ts';

const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-3' }));
const dynamodb = mockClient(client);

describe('batchGetEvery', () => {
  it('asks again for the keys left unprocessed, as DynamoDB handed them back, until none is left', async () => {
    dynamodb.reset();
    dynamodb
      .on(BatchGetCommand)
      .resolvesOnce({ Responses: { t: [{ pk: 'a' }] }, UnprocessedKeys: { t: { Keys: [{ pk: 'b' }], ConsistentRead: true } } })
      .resolvesOnce({ Responses: { t: [{ pk: 'b' }], u: [] } });

    const found = await batchGetEvery(client, { t: { Keys: [{ pk: 'a' }, { pk: 'b' }], ConsistentRead: true } });

    expect(found).toEqual({ t: [{ pk: 'a' }, { pk: 'b' }], u: [] });
    expect(dynamodb.commandCalls(BatchGetCommand).map((call) => call.args[0].input.RequestItems)).toEqual([
      { t: { Keys: [{ pk: 'a' }, { pk: 'b' }], ConsistentRead: true } },
      { t: { Keys: [{ pk: 'b' }], ConsistentRead: true } },
    ]);
  });
});
