// Clients for the emulators the integration layer's global setup started, and fresh tables per test file.
import { randomUUID } from 'node:crypto';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord } from 'aws-lambda';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../lib/local/dynamodb-local.ts';
import { ensureTables } from '../../lib/local/local-tables.ts';
import type { EventSubscription, ServiceDescription, TableDescription } from '../../functions/shared/service-description.ts';
import { DynamoDbReferenceDataRepository } from '../../functions/reference-data/adapters/dynamodb-reference-data.repository.ts';
import { DEMO_COMMUNES, DEMO_PROCEDURES, FIXED_HOLIDAY_RULES } from '../../functions/reference-data/data/demo-reference-data.ts';
import { referenceDataService } from '../../functions/reference-data/reference-data.service.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventConsumer, type DomainEventHandlers } from '../../functions/shared/events/event-consumer.ts';
import type { DomainEvent } from '../../functions/shared/events/domain-event.ts';
import { outboxRecordFilterPatterns } from '../../functions/shared/events/outbox-filter.ts';
import { eventsOfRecord } from '../../functions/shared/events/stream-records.ts';
import { matchesFilterPattern } from '../../lib/local/event-filter.ts';
import { LocalStreams } from '../../lib/local/local-streams.ts';
import type { VirtualClock } from '../../lib/local/virtual-clock.ts';

export function localDynamoDb(): DynamoDBClient {
  return new DynamoDBClient({ endpoint: inject('dynamodbEndpoint'), region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
}

export function localDocumentClient(client = localDynamoDb()): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

export function localS3(): S3Client {
  return new S3Client({
    endpoint: inject('s3Endpoint'),
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/** Creates the described tables under unique names, so test files never see each other's data. */
export async function freshTables(tables: readonly TableDescription[]): Promise<Record<string, string>> {
  const suffix = randomUUID().slice(0, 8);
  const names = Object.fromEntries(tables.map((table) => [table.id, `${table.id}-${suffix}`]));
  await ensureTables(localDynamoDb(), tables, (id) => names[id]!);
  return names;
}

/** Fresh tables for these services and for reference data, seeded with the demo communes, procedures and holidays. */
export async function freshTablesWithReferenceData(tables: readonly TableDescription[]): Promise<Record<string, string>> {
  const names = await freshTables([...(referenceDataService.tables ?? []), ...tables]);
  await new DynamoDbReferenceDataRepository(localDocumentClient(), names.reference!).seedOnce({
    communes: DEMO_COMMUNES,
    procedures: DEMO_PROCEDURES,
    fixedHolidayRules: FIXED_HOLIDAY_RULES,
  });
  return names;
}

/**
 * The domain events a table's stream carried about `subject` (outbox items, and records written with their change's
 * events), each once, in the order of their changes: read from the start of every shard, as the router reads them.
 */
export async function outboxEventsAbout(tableName: string, subject: string): Promise<DomainEvent[]> {
  const { Table } = await localDynamoDb().send(new DescribeTableCommand({ TableName: tableName }));
  if (!Table?.LatestStreamArn) throw new Error(`Table ${tableName} has no stream: it declares no outbox`);
  const streams = new DynamoDBStreamsClient({ endpoint: inject('dynamodbEndpoint'), region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: Table.LatestStreamArn }));
  const patterns = outboxRecordFilterPatterns();
  const events = new Map<string, DomainEvent>();
  for (const shard of StreamDescription?.Shards ?? []) {
    let { ShardIterator: iterator } = await streams.send(
      new GetShardIteratorCommand({ StreamArn: Table.LatestStreamArn, ShardId: shard.ShardId!, ShardIteratorType: 'TRIM_HORIZON' }),
    );
    while (iterator) {
      const output = await streams.send(new GetRecordsCommand({ ShardIterator: iterator }));
      for (const record of output.Records ?? []) {
        if (!patterns.some((pattern) => matchesFilterPattern(pattern, record))) continue;
        for (const event of eventsOfRecord(record as DynamoDBRecord)) if (event.subject === subject) events.set(event.id, event);
      }
      // An open shard always gives a next iterator: the end of what it holds is a read that finds nothing.
      iterator = (output.Records ?? []).length > 0 ? output.NextShardIterator : undefined;
    }
  }
  return [...events.values()].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.id.localeCompare(b.id));
}

export interface TestConsumer {
  readonly functionId: string;
  readonly consumes: readonly EventSubscription[];
  readonly handlers: DomainEventHandlers;
}

/** The platform's local stream reader over these tables on DynamoDB Local, keeping its positions in `directory`. */
export function localStreamsOver(
  clock: VirtualClock,
  tableNames: Readonly<Record<string, string>>,
  services: readonly ServiceDescription[],
  resolve: (functionId: string) => unknown,
  directory: string,
): LocalStreams {
  return new LocalStreams(
    {
      clock,
      dynamodb: localDynamoDb(),
      endpoint: inject('dynamodbEndpoint'),
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
      tableName: (tableId) => tableNames[tableId]!,
      resolveFunction: (functionId) => resolve(functionId) as never,
      checkpointFile: join(directory, 'positions.json'),
      queueFile: join(directory, 'queues.json'),
      deadLetterFile: join(directory, 'dead-letters.json'),
    },
    services,
  );
}

/**
 * The local stream reader over these fresh tables' real DynamoDB Local streams (one per table), delivering each
 * consumer's queue to it, built with the platform's `eventConsumer`. It is the clock's drain: `clock.quiescent()` (and every jump) returns once
 * what the streams carried has been handled. Stop it after the file's tests.
 */
export function followStreams(clock: VirtualClock, tableNames: Readonly<Record<string, string>>, consumers: readonly TestConsumer[]): LocalStreams {
  const handlers = new Map(consumers.map((consumer) => [consumer.functionId, eventConsumer(consumer.handlers)]));
  const streams = localStreamsOver(
    clock,
    tableNames,
    [{ name: 'test', functions: consumers.map((consumer) => ({ id: consumer.functionId, entry: 'test', consumes: consumer.consumes })) }],
    (functionId) => handlers.get(functionId),
    mkdtempSync(join(tmpdir(), 'raqmana-streams-')),
  );
  clock.addDrain(() => streams.drain());
  return streams;
}
