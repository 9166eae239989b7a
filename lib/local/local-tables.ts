// Creates the platform's tables in DynamoDB Local from the same descriptions the CDK stack reads.
import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  type AttributeDefinition,
  type DynamoDBClient,
  type KeySchemaElement,
} from '@aws-sdk/client-dynamodb';
import type { TableDescription } from '../../functions/shared/service-description.ts';

function keySchema(partitionKey: string, sortKey?: string): KeySchemaElement[] {
  return [{ AttributeName: partitionKey, KeyType: 'HASH' }, ...(sortKey ? [{ AttributeName: sortKey, KeyType: 'RANGE' as const }] : [])];
}

function attributeDefinitions(table: TableDescription): AttributeDefinition[] {
  const names = new Set<string>([table.partitionKey, ...(table.sortKey ? [table.sortKey] : [])]);
  for (const index of table.globalIndexes ?? []) {
    names.add(index.partitionKey);
    if (index.sortKey) names.add(index.sortKey);
  }
  return [...names].map((AttributeName) => ({ AttributeName, AttributeType: 'S' }));
}

async function existingIndexes(client: DynamoDBClient, name: string): Promise<Set<string> | undefined> {
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
    return new Set((Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName ?? ''));
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}

/** Adds the indexes a newer version of the description declares to a table kept from an earlier start. */
async function addMissingIndexes(client: DynamoDBClient, name: string, table: TableDescription, present: ReadonlySet<string>): Promise<void> {
  // DynamoDB creates one global secondary index per UpdateTable call.
  for (const index of (table.globalIndexes ?? []).filter((candidate) => !present.has(candidate.name))) {
    await client.send(
      new UpdateTableCommand({
        TableName: name,
        AttributeDefinitions: attributeDefinitions(table),
        GlobalSecondaryIndexUpdates: [
          { Create: { IndexName: index.name, KeySchema: keySchema(index.partitionKey, index.sortKey), Projection: { ProjectionType: index.projection ?? 'ALL' } } },
        ],
      }),
    );
  }
}

/** Creates each missing table, and each missing index of a kept one (existing data stays across restarts). */
export async function ensureTables(client: DynamoDBClient, tables: readonly TableDescription[], physicalName: (tableId: string) => string): Promise<void> {
  for (const table of tables) {
    const name = physicalName(table.id);
    const present = await existingIndexes(client, name);
    if (present) {
      await addMissingIndexes(client, name, table, present);
      continue;
    }
    await client.send(
      new CreateTableCommand({
        TableName: name,
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: keySchema(table.partitionKey, table.sortKey),
        AttributeDefinitions: attributeDefinitions(table),
        ...(table.globalIndexes?.length && {
          GlobalSecondaryIndexes: table.globalIndexes.map((index) => ({
            IndexName: index.name,
            KeySchema: keySchema(index.partitionKey, index.sortKey),
            Projection: { ProjectionType: index.projection ?? 'ALL' },
          })),
        }),
      }),
    );
    if (table.timeToLiveAttribute) {
      await client.send(
        new UpdateTimeToLiveCommand({ TableName: name, TimeToLiveSpecification: { Enabled: true, AttributeName: table.timeToLiveAttribute } }),
      );
    }
  }
}
