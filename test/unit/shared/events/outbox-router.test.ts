// The outbox router as Lambda runs it, SNS mocked: a table's stream records in, their events published to the
// table's FIFO topic in stream order (10 a message batch, 256 KiB at most), grouped by item, deduplicated by event
// id, typed for the subscriptions' filters; at the first record not published, that record is answered as failed
// and nothing after it is published. Nothing of an event's data reaches the logs.
import { PublishBatchCommand, SNSClient, type PublishBatchCommandInput } from '@aws-sdk/client-sns';
import type { DynamoDBRecord } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { domainEvent, type DomainEvent } from '../../../../functions/shared/events/domain-event.ts';
import { eventMessage, fifoToken } from '../../../../functions/shared/events/event-message.ts';
import { publishOutboxRecords } from '../../../../functions/shared/events/outbox-router.ts';
import { logger } from '../../../../functions/shared/observability/observability.ts';
import type { TableDescription } from '../../../../functions/shared/service-description.ts';
import { carryingStreamRecord, outboxStreamRecord } from '../../../fixtures/outbox-stream-records.ts';
import { outboxRecordFilterPatterns } from '../../../../functions/shared/events/outbox-filter.ts';
import { eventsOfRecord } from '../../../../functions/shared/events/stream-records.ts';
import { matchesFilterPattern } from '../../../../lib/local/event-filter.ts';

const TABLE: TableDescription = { id: 'letters', partitionKey: 'pk', sortKey: 'sk', outbox: true, timeToLiveAttribute: 'expiresAt' };
const TOPIC = 'arn:aws:sns:eu-west-3:000000000000:Raqmana-LettersEvents.fifo';
const sns = mockClient(SNSClient);

function event(subject: string, version: number, type = 'letter.registered', data: Record<string, unknown> = {}): DomainEvent {
  return domainEvent({ type, source: 'registry-office', subject, occurredAt: `2026-12-03T09:00:0${version % 10}.000Z`, version, data });
}

const records = (events: readonly DomainEvent[]) => events.map((each, position) => outboxStreamRecord(TABLE, each, String(100 * (position + 1)).padStart(21, '0')));
const published = () => sns.commandCalls(PublishBatchCommand).map((call) => call.args[0].input as PublishBatchCommandInput);
const publishedEvents = () => published().flatMap((input) => input.PublishBatchRequestEntries!.map((entry) => (JSON.parse(entry.Message!) as DomainEvent).id));

describe('publishOutboxRecords', () => {
  beforeEach(() => {
    sns.reset();
    sns.on(PublishBatchCommand).callsFake((input: PublishBatchCommandInput) => ({ Successful: input.PublishBatchRequestEntries!.map((entry) => ({ Id: entry.Id, MessageId: `m-${entry.Id}` })), Failed: [] }));
  });

  afterEach(() => vi.restoreAllMocks());

  it("publishes each event to the table's topic, grouped by its item, deduplicated by its id, with its type as the filtered attribute", async () => {
    const letter = event('L-1', 1, 'letter.registered', { commune: 'rabat' });

    const response = await publishOutboxRecords(new SNSClient({}), TOPIC, records([letter]));

    expect(response).toEqual({ batchItemFailures: [] });
    expect(published()).toEqual([
      {
        TopicArn: TOPIC,
        PublishBatchRequestEntries: [
          {
            Id: '0',
            Message: JSON.stringify(letter),
            MessageGroupId: 'registry-office/L-1',
            MessageDeduplicationId: 'registry-office/L-1/v1/letter.registered',
            MessageAttributes: { eventType: { DataType: 'String', StringValue: 'letter.registered' } },
          },
        ],
      },
    ]);
  });

  it('keeps stream order across batches of ten', async () => {
    const events = Array.from({ length: 23 }, (_, position) => event(`L-${position % 3}`, position + 1));

    await publishOutboxRecords(new SNSClient({}), TOPIC, records(events));

    expect(published().map((input) => input.PublishBatchRequestEntries!.length)).toEqual([10, 10, 3]);
    expect(publishedEvents()).toEqual(events.map((each) => each.id));
    expect(published().every((input) => input.PublishBatchRequestEntries!.every((entry, position) => entry.Id === String(position)))).toBe(true);
  });

  it('starts a new batch before the batch would pass 256 KiB', async () => {
    const large = (version: number) => event('L-big', version, 'letter.registered', { text: 'x'.repeat(100 * 1024) });

    await publishOutboxRecords(new SNSClient({}), TOPIC, records([large(1), large(2), large(3)]));

    expect(published().map((input) => input.PublishBatchRequestEntries!.length)).toEqual([2, 1]);
  });

  it('answers the first event the topic refused as failed, and publishes nothing after its batch', async () => {
    const events = Array.from({ length: 15 }, (_, position) => event(`L-${position}`, position + 1, 'letter.registered', { name: 'Salma El Alaoui' }));
    const streamRecords = records(events);
    sns.on(PublishBatchCommand).resolvesOnce({
      Successful: ['0', '1', '2', '4'].map((id) => ({ Id: id, MessageId: `m-${id}` })),
      Failed: [
        { Id: '5', Code: 'InternalError', SenderFault: false },
        { Id: '3', Code: 'Throttled', SenderFault: false },
      ],
    });
    const errors = vi.spyOn(logger, 'error');

    const response = await publishOutboxRecords(new SNSClient({}), TOPIC, streamRecords);

    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: streamRecords[3]!.dynamodb!.SequenceNumber }] });
    expect(published()).toHaveLength(1);
    const logs = JSON.stringify(errors.mock.calls);
    expect(logs).toContain(events[3]!.id);
    expect(logs).not.toContain('Salma');
  });

  it('answers the first record of a batch the topic could not be reached for', async () => {
    const events = Array.from({ length: 12 }, (_, position) => event(`L-${position}`, position + 1));
    const streamRecords = records(events);
    sns
      .on(PublishBatchCommand)
      .resolvesOnce({ Successful: Array.from({ length: 10 }, (_, id) => ({ Id: String(id), MessageId: `m-${id}` })), Failed: [] })
      .rejectsOnce(Object.assign(new Error('Rate exceeded'), { name: 'ThrottledException' }));

    const response = await publishOutboxRecords(new SNSClient({}), TOPIC, streamRecords);

    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: streamRecords[10]!.dynamodb!.SequenceNumber }] });
  });

  it('publishes what came before a record that is not an outbox event, and answers that record as failed', async () => {
    const [first, second] = records([event('L-1', 1), event('L-2', 2)]);
    const broken: DynamoDBRecord = { ...second!, dynamodb: { ...second!.dynamodb, NewImage: { pk: { S: 'OUTBOX#x' }, eventType: { S: 'letter.registered' } } } };

    const response = await publishOutboxRecords(new SNSClient({}), TOPIC, [first!, broken]);

    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: broken.dynamodb!.SequenceNumber }] });
    expect(publishedEvents()).toEqual([eventMessage(event('L-1', 1)).MessageDeduplicationId]);
  });
});

describe('records written with the events of their change', () => {
  beforeEach(() => {
    sns.reset();
    sns.on(PublishBatchCommand).callsFake((input: PublishBatchCommandInput) => ({ Successful: input.PublishBatchRequestEntries!.map((entry) => ({ Id: entry.Id, MessageId: `m-${entry.Id}` })), Failed: [] }));
  });

  const item = { pk: 'THING#t-1', sk: 'THING', version: 2 };

  it("publishes every event a record carries, in the change's order, between the records before and after it", async () => {
    const before = event('L-1', 1);
    const changed = event('t-1', 2, 'thing.changed');
    const notify = event('t-1', 2, 'notification.requested');
    const after = event('L-2', 3);
    const streamRecords = [
      outboxStreamRecord(TABLE, before, '000000000000000000100'),
      carryingStreamRecord(item, [changed, notify], '000000000000000000200'),
      outboxStreamRecord(TABLE, after, '000000000000000000300'),
    ];

    const response = await publishOutboxRecords(new SNSClient({}), TOPIC, streamRecords);

    expect(response).toEqual({ batchItemFailures: [] });
    expect(publishedEvents()).toEqual([before.id, changed.id, notify.id, after.id]);
  });

  it('answers a carrying record as failed when any of its events is refused, and publishes nothing after it', async () => {
    const events = Array.from({ length: 12 }, (_, position) => event('t-1', position + 1, `thing.step-${position}`));
    sns.on(PublishBatchCommand).callsFake((input: PublishBatchCommandInput) => {
      const entries = input.PublishBatchRequestEntries!;
      // The eleventh carried event, first of the second batch, is refused.
      const eleventh = entries.find((entry) => (JSON.parse(entry.Message!) as DomainEvent).type === 'thing.step-10');
      const refused = eleventh ? [{ Id: eleventh.Id, Code: 'InternalError', SenderFault: false }] : [];
      return { Successful: entries.filter((entry) => !refused.some((failure) => failure.Id === entry.Id)).map((entry) => ({ Id: entry.Id, MessageId: 'm' })), Failed: refused };
    });
    const carrying = carryingStreamRecord(item, events, '000000000000000000100');
    const next = outboxStreamRecord(TABLE, event('L-9', 9), '000000000000000000200');

    const response = await publishOutboxRecords(new SNSClient({}), TOPIC, [carrying, next]);

    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: carrying.dynamodb!.SequenceNumber }] });
    // Two batches were tried (ten carried events, then the last two with the next record's); none after the refusal.
    expect(published()).toHaveLength(2);
  });

  it("passes the router's filter created or replaced, and reads back the events it carries; a record without events is refused", () => {
    const changed = event('t-1', 2, 'thing.changed');
    const patterns = outboxRecordFilterPatterns();
    for (const eventName of ['INSERT', 'MODIFY'] as const) {
      const record = carryingStreamRecord(item, [changed], '000000000000000000100', eventName);
      expect(patterns.some((pattern) => matchesFilterPattern(pattern, record))).toBe(true);
      expect(eventsOfRecord(record)).toEqual([changed]);
    }
    const plain: DynamoDBRecord = { eventName: 'MODIFY', dynamodb: { NewImage: { pk: { S: 'THING#t-1' }, sk: { S: 'THING' } } } };
    expect(patterns.some((pattern) => matchesFilterPattern(pattern, plain))).toBe(false);
    const removed: DynamoDBRecord = { ...carryingStreamRecord(item, [changed], '1'), eventName: 'REMOVE' };
    expect(patterns.some((pattern) => matchesFilterPattern(pattern, removed))).toBe(false);
    const empty = carryingStreamRecord(item, [], '000000000000000000100');
    expect(() => eventsOfRecord(empty)).toThrow(/no list of domain events/);
  });
});

describe('fifoToken', () => {
  it('keeps an id of printable ASCII up to 128 characters, and hashes anything else to the same token every time', () => {
    expect(fifoToken('permits/p-1/v3/permit.decided')).toBe('permits/p-1/v3/permit.decided');
    const long = `civil-status/${'a'.repeat(200)}`;
    expect(fifoToken(long)).toMatch(/^[0-9a-f]{64}$/);
    expect(fifoToken(long)).toBe(fifoToken(long));
    expect(fifoToken('registry-office/رسالة')).toMatch(/^[0-9a-f]{64}$/);
    expect(fifoToken('a b')).not.toBe('a b');
  });
});
