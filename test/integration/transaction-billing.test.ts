// The bench's meter bills a transaction's items as DynamoDB does (2 units per started kilobyte of each item, at
// the larger of its sizes before and after), where DynamoDB Local counts each distinct per-item figure once.
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbMeter, emptyUsage } from '../../bench/core/dynamodb-meter.ts';
import { localDocumentClient, localDynamoDb } from './local-aws.ts';

const client = localDynamoDb();
const documents = localDocumentClient(client);
const table = `billing-${randomUUID()}`;
const meter = new DynamoDbMeter();

const put = (pk: string, bytes: number, extra: Record<string, string> = {}) => ({ Put: { TableName: table, Item: { pk, padding: 'x'.repeat(bytes), ...extra } } });

type TransactItems = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>;

async function billed(items: TransactItems) {
  const usage = emptyUsage();
  await meter.measure(usage, () => documents.send(new TransactWriteCommand({ TransactItems: items })));
  return usage.writeCapacityUnits;
}

describe('the bench meter on a transaction', () => {
  beforeAll(async () => {
    await client.send(
      new CreateTableCommand({
        TableName: table,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'byTag', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        GlobalSecondaryIndexes: [{ IndexName: 'tags', KeySchema: [{ AttributeName: 'byTag', KeyType: 'HASH' }], Projection: { ProjectionType: 'KEYS_ONLY' } }],
      }),
    );
    meter.attach(client);
  });

  it('bills every small item, not each distinct figure once', async () => {
    expect(await billed([put('a1', 10), put('a2', 10), put('a3', 10)])).toBe(6);
  });

  it('bills each item by its started kilobytes', async () => {
    expect(await billed([put('b1', 1500), put('b2', 10)])).toBe(4 + 2);
  });

  it('bills a replaced or updated item at the larger of its two sizes', async () => {
    await billed([put('c1', 2500)]);

    expect(await billed([put('c1', 10)])).toBe(6);
    expect(await billed([{ Update: { TableName: table, Key: { pk: 'c1' }, UpdateExpression: 'SET padding = :p', ExpressionAttributeValues: { ':p': 'x'.repeat(1500) } } }])).toBe(4);
  });

  it('adds the index writes DynamoDB Local reports, and bills nothing for a condition check', async () => {
    await billed([put('d1', 10)]);
    const withIndex = await billed([put('d2', 10, { byTag: 'red' }), { ConditionCheck: { TableName: table, Key: { pk: 'd1' }, ConditionExpression: 'attribute_exists(pk)' } }]);

    expect(withIndex).toBe(2 + 2);
  });
});
