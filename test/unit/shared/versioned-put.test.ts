// A whole item written as its next version: the first only where none is, each next one only over the version
// before it; a writer who lost the race gets the caller's error, any other failure as it is.
import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { putNextVersion } from '../../../functions/shared/aws/versioned-put.ts';

const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-3' }));
const dynamodb = mockClient(client);
const overtaken = () => new Error('overtaken');

describe('putNextVersion', () => {
  beforeEach(() => dynamodb.reset());

  it('writes the first version only where no item is', async () => {
    dynamodb.on(PutCommand).resolves({});

    await putNextVersion(client, 't', { pk: 'SETTINGS#rabat', sk: 'SETTINGS', version: 1 }, overtaken);

    const input = dynamodb.commandCalls(PutCommand)[0]!.args[0].input;
    expect(input).toMatchObject({ TableName: 't', ConditionExpression: 'attribute_not_exists(pk)' });
    expect(input.ExpressionAttributeValues).toBeUndefined();
  });

  it('writes a next version only over the version before it', async () => {
    dynamodb.on(PutCommand).resolves({});

    await putNextVersion(client, 't', { pk: 'SETTINGS#rabat', sk: 'SETTINGS', version: 3 }, overtaken);

    expect(dynamodb.commandCalls(PutCommand)[0]!.args[0].input).toMatchObject({ ConditionExpression: 'version = :previous', ExpressionAttributeValues: { ':previous': 2 } });
  });

  it("answers the caller's error when another writer got there first, and any other failure as it is", async () => {
    dynamodb.on(PutCommand).rejectsOnce(new ConditionalCheckFailedException({ message: 'failed', $metadata: {} })).rejectsOnce(new Error('throttled'));

    await expect(putNextVersion(client, 't', { pk: 'p', version: 2 }, overtaken)).rejects.toThrow('overtaken');
    await expect(putNextVersion(client, 't', { pk: 'p', version: 2 }, overtaken)).rejects.toThrow('throttled');
  });
});
