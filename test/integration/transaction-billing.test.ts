// The bench's meter bills a transaction's items as DynamoDB does (2 units per started kilobyte of each item, at
// the larger of its sizes before and after), where DynamoDB Local counts each distinct per-item figure once; a
// single write 1 unit per started kilobyte, at the larger size too; and it charges what a consumer writes for an
// event to the work whose write carried that event.
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DeleteCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbMeter, emptyUsage } from '../../bench/core/dynamodb-meter.ts';
import { carriedEvents } from '../../functions/shared/events/outbox.ts';
import { domainEvent } from '../../functions/shared/events/domain-event.ts';
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

describe('the bench meter on single writes and on consumers', () => {
  const single = async (work: () => Promise<unknown>) => {
    const usage = emptyUsage();
    await meter.measure(usage, work);
    return usage.writeCapacityUnits;
  };

  it('bills a put, an update and a delete 1 unit per started kilobyte, at the larger of the sizes before and after', async () => {
    expect(await single(() => documents.send(new PutCommand({ TableName: table, Item: { pk: 'e1', padding: 'x'.repeat(2500) } })))).toBe(3);
    expect(await single(() => documents.send(new PutCommand({ TableName: table, Item: { pk: 'e1', padding: 'x' } })))).toBe(3);
    expect(await single(() => documents.send(new UpdateCommand({ TableName: table, Key: { pk: 'e1' }, UpdateExpression: 'SET padding = :p', ExpressionAttributeValues: { ':p': 'x'.repeat(1100) } })))).toBe(2);
    expect(await single(() => documents.send(new DeleteCommand({ TableName: table, Key: { pk: 'e1' } })))).toBe(2);
    expect(await single(() => documents.send(new PutCommand({ TableName: table, Item: { pk: 'e2', byTag: 'blue' } })))).toBe(1 + 1);
  });

  it('bills a batch of puts 1 unit per started kilobyte of each item', async () => {
    const items = [{ pk: 'g1', padding: 'x' }, { pk: 'g2', padding: 'x' }, { pk: 'g3', padding: 'x'.repeat(1500) }];
    expect(await single(() => documents.send(new BatchWriteCommand({ RequestItems: { [table]: items.map((Item) => ({ PutRequest: { Item } })) } })))).toBe(1 + 1 + 2);
  });

  it("charges a consumer's writes for an event to the work whose write carried it, and nothing for an event no measured work emitted", async () => {
    const event = domainEvent({ type: 'thing.done', source: 'tests', subject: 'f1', version: 1, occurredAt: '2026-12-03T10:00:00.000Z', data: {} });
    const usage = emptyUsage();
    await meter.measure(usage, () => documents.send(new PutCommand({ TableName: table, Item: { pk: 'f1', ...carriedEvents([event]) } })));

    await meter.consumerOf('RecordThings', event.id, () => documents.send(new PutCommand({ TableName: table, Item: { pk: 'f1-entry', padding: 'x'.repeat(1500) } })));
    await meter.consumerOf('RecordThings', 'tests/unknown/v1/thing.done', () => documents.send(new PutCommand({ TableName: table, Item: { pk: 'f2-entry' } })));

    expect(usage.writeCapacityUnits).toBe(1);
    expect(usage.consumers).toEqual({ RecordThings: expect.objectContaining({ requests: 1, writeCapacityUnits: 2 }) });
  });
});
