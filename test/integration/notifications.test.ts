// The notifications context on DynamoDB Local: a producer writes `notification.requested` in its outbox, the
// table's real stream carries the record, and the real DeliverNotifications handler gets it as Lambda hands it
// over, once or many times; the real GET /v1/notifications handler reads the inbox back.
import { randomUUID } from 'node:crypto';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand } from '@aws-sdk/client-dynamodb-streams';
import { QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord, SQSRecord } from 'aws-lambda';
import { afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { notificationsService } from '../../functions/notifications/notifications.service.ts';
import { NOTIFICATIONS_TABLE_ID } from '../../functions/notifications/adapters/notifications-keys.ts';
import { notificationRequested, type NotificationRequest } from '../../functions/notifications/public.ts';
import { PERMITS_TABLE } from '../../functions/permits/adapters/permit-keys.ts';
import { domainEvent, type DomainEvent } from '../../functions/shared/events/domain-event.ts';
import { outboxPut } from '../../functions/shared/events/outbox.ts';
import { logger } from '../../functions/shared/observability/observability.ts';
import { tableEnvName } from '../../functions/shared/service-description.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../lib/local/dynamodb-local.ts';
import { claimsFor, httpEvent, lambdaContext } from '../fixtures/http-events.ts';
import { outboxQueueRecordOf } from '../fixtures/outbox-stream-records.ts';
import { freshTables, localDocumentClient, localDynamoDb } from './local-aws.ts';

/** The first context that asks for notifications, with its outbox. */
const PRODUCER = PERMITS_TABLE;

type Handlers = {
  deliver: (typeof import('../../functions/notifications/handlers/deliver-notifications.handler.ts'))['handler'];
  list: (typeof import('../../functions/notifications/handlers/list-notifications.handler.ts'))['handler'];
  inbox: (typeof import('../../functions/notifications/adapters/notifications.dependencies.ts'))['inbox'];
};
let handlers: Handlers;
let names: Record<string, string>;
const documents = localDocumentClient();
const streams = new DynamoDBStreamsClient({ endpoint: inject('dynamodbEndpoint'), region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });

let version = 0;
function requested(recipient: string, occurredAt: string, topic = 'decided'): DomainEvent<NotificationRequest> {
  version += 1;
  const permitId = randomUUID();
  const cause = domainEvent({ type: 'permit.decided', source: 'permits', subject: permitId, occurredAt, version, data: {} });
  return notificationRequested(cause, {
    recipient,
    topic,
    about: { kind: 'permit', id: permitId, reference: `RCP-RABAT-2026-${permitId.slice(0, 8).toUpperCase()}` },
    message: { ar: `تمت الموافقة على ملفكم ${version}`, fr: `Votre dossier ${version} est approuvé`, en: `Your file ${version} is approved` },
  });
}

/** The producer's side: each event written in a transaction, as a change writes its outbox item. */
async function emit(...events: DomainEvent[]): Promise<void> {
  for (const event of events) await documents.send(new TransactWriteCommand({ TransactItems: [outboxPut(PRODUCER, names[PRODUCER.id]!, event)] }));
}

/** The stream records of these events, in stream order, read from the producer table's stream as Lambda's poller reads it. */
async function streamRecords(events: readonly DomainEvent[]): Promise<DynamoDBRecord[]> {
  const wanted = new Set(events.map((event) => event.id));
  const { Table } = await localDynamoDb().send(new DescribeTableCommand({ TableName: names[PRODUCER.id] }));
  const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: Table!.LatestStreamArn }));
  const records: DynamoDBRecord[] = [];
  for (const shard of StreamDescription?.Shards ?? []) {
    let { ShardIterator: iterator } = await streams.send(new GetShardIteratorCommand({ StreamArn: Table!.LatestStreamArn, ShardId: shard.ShardId, ShardIteratorType: 'TRIM_HORIZON' }));
    while (iterator) {
      const output = await streams.send(new GetRecordsCommand({ ShardIterator: iterator }));
      const page = output.Records ?? [];
      for (const record of page) {
        const image = unmarshall(record.dynamodb!.NewImage as never) as { event: DomainEvent };
        if (wanted.has(image.event.id)) records.push({ ...(record as DynamoDBRecord), eventSourceARN: Table!.LatestStreamArn });
      }
      iterator = page.length > 0 ? output.NextShardIterator : undefined;
    }
  }
  expect(records).toHaveLength(wanted.size);
  return records;
}

// Each read from the real stream, then as the router publishes it and the consumer's queue hands it over.
const messageId = (record: SQSRecord) => record.messageId;
const deliver = (records: DynamoDBRecord[]) => handlers.deliver({ Records: records.map((record) => outboxQueueRecordOf(record)) }, lambdaContext('DeliverNotifications'));

async function inboxItems(recipient: string) {
  const { Items } = await documents.send(new QueryCommand({ TableName: names[NOTIFICATIONS_TABLE_ID], KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `INBOX#${recipient}` } }));
  return Items ?? [];
}

async function listPage(recipient: string, query: Record<string, string> = {}) {
  const response = await handlers.list(httpEvent({ method: 'GET', routePath: '/v1/notifications', query, claims: claimsFor(recipient, ['citizen']) }), lambdaContext('ListNotifications'));
  return { status: response.statusCode, body: JSON.parse(response.body ?? '{}') as { items: Record<string, unknown>[]; nextCursor?: string } };
}

/** Everything the handler asked the logger to write, errors with their messages and stacks. */
function logged(spy: { mock: { calls: unknown[][] } }): string {
  return JSON.stringify(spy.mock.calls, (_key, value: unknown) => (value instanceof Error ? { message: value.message, stack: value.stack } : value));
}

describe('notifications on DynamoDB Local', () => {
  beforeAll(async () => {
    names = await freshTables([PRODUCER, ...(notificationsService.tables ?? [])]);
    Object.assign(process.env, {
      AWS_REGION: LOCAL_REGION,
      AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
      AWS_ENDPOINT_URL_DYNAMODB: inject('dynamodbEndpoint'),
      [tableEnvName(NOTIFICATIONS_TABLE_ID)]: names[NOTIFICATIONS_TABLE_ID],
    });
    handlers = {
      deliver: (await import('../../functions/notifications/handlers/deliver-notifications.handler.ts')).handler,
      list: (await import('../../functions/notifications/handlers/list-notifications.handler.ts')).handler,
      inbox: (await import('../../functions/notifications/adapters/notifications.dependencies.ts')).inbox,
    };
  });

  afterEach(() => vi.restoreAllMocks());

  it('puts a requested notification in the inbox once, however often its stream record is delivered', async () => {
    const recipient = `citizen-${randomUUID()}`;
    const event = requested(recipient, '2026-12-01T10:30:00+01:00', 'documents-requested');
    await emit(event);
    const [record] = await streamRecords([event]);

    const responses = [await deliver([record!]), await deliver([record!]), await deliver([record!, record!])];

    expect(responses).toEqual([{ batchItemFailures: [] }, { batchItemFailures: [] }, { batchItemFailures: [] }]);
    expect(await inboxItems(recipient)).toHaveLength(1);
    const page = await listPage(recipient);
    expect(page.status).toBe(200);
    expect(page.body).toEqual({
      items: [
        {
          id: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
          topic: 'documents-requested',
          source: 'permits',
          about: event.data.about,
          message: event.data.message,
          at: '2026-12-01T09:30:00.000Z',
        },
      ],
    });
  });

  it('pages through an inbox newest first, and keeps each person to their own', async () => {
    const recipient = `citizen-${randomUUID()}`;
    const neighbour = `citizen-${randomUUID()}`;
    // Emitted out of order: the inbox sorts by when things happened, not by when they were delivered.
    const days = ['2026-12-03', '2026-12-01', '2026-12-05', '2026-12-02', '2026-12-04'];
    const events = [...days.map((date) => requested(recipient, `${date}T08:00:00.000Z`)), requested(neighbour, '2026-12-06T08:00:00.000Z')];
    await emit(...events);
    expect(await deliver(await streamRecords(events))).toEqual({ batchItemFailures: [] });

    const pages = [];
    let cursor: string | undefined;
    do {
      const page = await listPage(recipient, { limit: '2', ...(cursor && { cursor }) });
      expect(page.status).toBe(200);
      pages.push(page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor && pages.length < 10);

    expect(pages.map((items) => items.length)).toEqual([2, 2, 1]);
    expect(pages.flat().map((item) => String(item.at).slice(0, 10))).toEqual(['2026-12-05', '2026-12-04', '2026-12-03', '2026-12-02', '2026-12-01']);
    expect(new Set(pages.flat().map((item) => item.id)).size).toBe(5);
    const neighbours = await listPage(neighbour);
    expect(neighbours.body.items.map((item) => item.about)).toEqual([events[5]!.data.about]);
    const firstPage = await listPage(recipient, { limit: '2' });
    const borrowed = await listPage(neighbour, { cursor: firstPage.body.nextCursor! });
    expect(borrowed.status).toBe(400);
  });

  it('reports the record whose channel failed and every one after it, delivers the ones before it, and completes on the retry from it without repeating any', async () => {
    const recipients = [1, 2, 3].map((position) => `citizen-${position}-${randomUUID()}`);
    const events = recipients.map((recipient, position) => requested(recipient, `2026-12-0${position + 1}T08:00:00.000Z`));
    await emit(...events);
    const records = await streamRecords(events);
    const deliverInApp = handlers.inbox.deliver.bind(handlers.inbox);
    const outage = vi.spyOn(handlers.inbox, 'deliver').mockImplementationOnce(deliverInApp).mockRejectedValueOnce(new Error('in-app channel unavailable'));
    const errors = vi.spyOn(logger, 'error');

    const failed = await deliver(records);

    const messages = records.map((record) => outboxQueueRecordOf(record));
    expect(failed).toEqual({ batchItemFailures: [{ itemIdentifier: messageId(messages[1]!) }, { itemIdentifier: messageId(messages[2]!) }] });
    expect((await Promise.all(recipients.map(inboxItems))).map((items) => items.length)).toEqual([1, 0, 0]);
    const logs = logged(errors);
    expect(logs).toContain(messageId(messages[1]!));
    expect(logs).toContain(events[1]!.id);
    for (const event of events) {
      expect(logs).not.toContain(event.data.recipient);
      expect(logs).not.toContain(event.data.message.fr);
    }

    outage.mockRestore();
    // The queue hands the failed records again; a later redelivery of the whole batch changes nothing.
    expect(await deliver(records.slice(1))).toEqual({ batchItemFailures: [] });
    expect(await deliver(records)).toEqual({ batchItemFailures: [] });
    expect((await Promise.all(recipients.map(inboxItems))).map((items) => items.length)).toEqual([1, 1, 1]);
  });
});
