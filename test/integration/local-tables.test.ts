import { randomUUID } from 'node:crypto';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { ensureTables } from '../../lib/local/local-tables.ts';
import { localDynamoDb } from './local-aws.ts';

describe('local tables', () => {
  it('adds to a table kept from an earlier start the indexes its description gained since', async () => {
    const client = localDynamoDb();
    const name = `evolving-${randomUUID().slice(0, 8)}`;
    const before = { id: 'evolving', partitionKey: 'pk', sortKey: 'sk', timeToLiveAttribute: 'expiresAt' };
    await ensureTables(client, [before], () => name);

    await ensureTables(client, [{ ...before, globalIndexes: [{ name: 'byOwner', partitionKey: 'ownerPk', sortKey: 'createdAt' }] }], () => name);

    const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
    expect(Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName)).toEqual(['byOwner']);
  });
});
