// Creates the platform's tables in DynamoDB Local from the same descriptions the CDK stack reads.
import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  type AttributeDefinition,
  type DynamoDBClient,
  type KeySchemaElement,
  type Projection,
} from '@aws-sdk/client-dynamodb';
import type { GlobalIndexDescription, TableDescription } from '../../functions/shared/service-description.ts';

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

function projectionOf(index: GlobalIndexDescription): Projection {
  const projection = index.projection ?? 'all';
  if (projection === 'all') return { ProjectionType: 'ALL' };
  if (projection === 'keys-only') return { ProjectionType: 'KEYS_ONLY' };
  return { ProjectionType: 'INCLUDE', NonKeyAttributes: [...projection.include] };
}

/** What a table's outbox needs: a stream of new images, read by the local stream poller as Lambda reads it in AWS. */
const OUTBOX_STREAM = { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' } as const;

interface ExistingTable {
  readonly indexes: ReadonlySet<string>;
  readonly streaming: boolean;
}

async function existingTable(client: DynamoDBClient, name: string): Promise<ExistingTable | undefined> {
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
    return {
      indexes: new Set((Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName ?? '')),
      streaming: Table?.StreamSpecification?.StreamEnabled === true,
    };
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
          { Create: { IndexName: index.name, KeySchema: keySchema(index.partitionKey, index.sortKey), Projection: projectionOf(index) } },
        ],
      }),
    );
  }
}

async function enableTimeToLive(client: DynamoDBClient, name: string, attribute: string): Promise<void> {
  const { TimeToLiveDescription } = await client.send(new DescribeTimeToLiveCommand({ TableName: name }));
  if (TimeToLiveDescription?.AttributeName === attribute && TimeToLiveDescription.TimeToLiveStatus === 'ENABLED') return;
  await client.send(new UpdateTimeToLiveCommand({ TableName: name, TimeToLiveSpecification: { Enabled: true, AttributeName: attribute } }));
}

/**
 * Creates each missing table; brings a table kept from an earlier start up to its description (its missing
 * indexes, its outbox stream, its expiry attribute), so existing data stays across restarts.
 */
export async function ensureTables(client: DynamoDBClient, tables: readonly TableDescription[], physicalName: (tableId: string) => string): Promise<void> {
  for (const table of tables) {
    const name = physicalName(table.id);
    const existing = await existingTable(client, name);
    if (existing) {
      await addMissingIndexes(client, name, table, existing.indexes);
      if (table.outbox && !existing.streaming) await client.send(new UpdateTableCommand({ TableName: name, StreamSpecification: OUTBOX_STREAM }));
    } else {
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
              Projection: projectionOf(index),
            })),
          }),
          ...(table.outbox && { StreamSpecification: OUTBOX_STREAM }),
        }),
      );
    }
    if (table.timeToLiveAttribute) await enableTimeToLive(client, name, table.timeToLiveAttribute);
  }
}
