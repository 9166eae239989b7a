// The benchmark's pure helpers: percentiles, and the middleware that counts DynamoDB requests per label.
import { DynamoDBClient, GetItemCommand, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { DynamoDbMeter, emptyUsage } from '../../../bench/core/dynamodb-meter.ts';
import { median, percentile } from '../../../bench/core/stats.ts';

describe('percentile', () => {
  it('takes the nearest rank', () => {
    const samples = [5, 1, 4, 2, 3, 6, 7, 8, 9, 10];

    expect([percentile(samples, 50), percentile(samples, 95), percentile(samples, 100), percentile(samples, 0)]).toEqual([5, 10, 10, 1]);
  });

  it('is NaN without samples', () => {
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('median', () => {
  it('averages the two middle samples of an even count', () => {
    expect([median([3, 1, 2]), median([4, 1, 3, 2])]).toEqual([2, 2.5]);
  });
});

/** A client answering every command at once with `output`, in place of DynamoDB. */
function clientAnswering(output: Record<string, unknown>): DynamoDBClient {
  const client = new DynamoDBClient({ region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
  client.middlewareStack.add(() => async () => ({ output: { $metadata: {}, ...output }, response: {} }), { step: 'finalizeRequest', name: 'answer' });
  return client;
}

describe('DynamoDbMeter', () => {
  it('counts the requests, operations and capacity of the labelled work only', async () => {
    const client = clientAnswering({ ConsumedCapacity: [{ TableName: 't', CapacityUnits: 2 }] });
    const meter = new DynamoDbMeter();
    meter.attach(client);
    const usage = emptyUsage();

    await meter.measure(usage, async () => {
      await client.send(new GetItemCommand({ TableName: 't', Key: { pk: { S: 'a' } } }));
      await client.send(new TransactWriteItemsCommand({ TransactItems: [] }));
    });
    await client.send(new GetItemCommand({ TableName: 't', Key: { pk: { S: 'b' } } }));

    expect(usage).toEqual({ requests: 2, operations: { GetItem: 1, TransactWriteItems: 1 }, readCapacityUnits: 2, writeCapacityUnits: 2, consumers: {} });
  });

  it('asks DynamoDB for the consumed capacity of the labelled requests', async () => {
    const client = clientAnswering({});
    const meter = new DynamoDbMeter();
    meter.attach(client);
    const command = new GetItemCommand({ TableName: 't', Key: { pk: { S: 'a' } } });

    await meter.measure(emptyUsage(), () => client.send(command));

    expect(command.input.ReturnConsumedCapacity).toBe('INDEXES');
  });
});
