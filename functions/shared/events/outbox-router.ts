// The one reader of an outbox table's stream: it publishes each new outbox event (an outbox item's, or those a
// record was written with) to the table's SNS FIFO topic, in stream order, and the topic hands it to the queue of
// every consumer whose subscription takes its type. A table with many consumers is thus read once, and a consumer
// that fails holds up no one but itself.
import { PublishBatchCommand, type PublishBatchRequestEntry, type SNSClient } from '@aws-sdk/client-sns';
import type { DynamoDBBatchResponse, DynamoDBRecord } from 'aws-lambda';
import { logger } from '../observability/observability.ts';
import type { DomainEvent } from './domain-event.ts';
import { eventMessage } from './event-message.ts';
import { eventsOfRecord } from './stream-records.ts';

/** PublishBatch takes up to 10 messages, 256 KiB in all (bodies and attributes). */
const MAX_ENTRIES_PER_BATCH = 10;
const MAX_BYTES_PER_BATCH = 256 * 1024;

interface Pending {
  readonly record: DynamoDBRecord;
  readonly event: DomainEvent;
  readonly entry: PublishBatchRequestEntry;
  readonly bytes: number;
}

const sequenceNumberOf = (record: DynamoDBRecord) => record.dynamodb?.SequenceNumber ?? '';

function entrySize(entry: Omit<PublishBatchRequestEntry, 'Id'>): number {
  const attributes = Object.entries(entry.MessageAttributes ?? {}).reduce(
    (total, [name, value]) => total + Buffer.byteLength(name) + Buffer.byteLength(value.DataType ?? '') + Buffer.byteLength(value.StringValue ?? ''),
    0,
  );
  return Buffer.byteLength(entry.Message ?? '') + attributes;
}

/**
 * Publishes the events of `records` to `topicArn`, batch after batch in their stream order. At the first record
 * that is not an outbox event or is not published, it stops and answers that record as failed: Lambda retries
 * from it, and what was published before it stays published (the topic drops a republished event id for 5
 * minutes; consumers are idempotent past that).
 */
export async function publishOutboxRecords(sns: SNSClient, topicArn: string, records: readonly DynamoDBRecord[]): Promise<DynamoDBBatchResponse> {
  const failed = (record: DynamoDBRecord) => ({ batchItemFailures: [{ itemIdentifier: sequenceNumberOf(record) }] });
  let batch: Pending[] = [];
  let batchBytes = 0;

  // Resolves the record that failed, if one did.
  const publish = async (): Promise<DynamoDBRecord | undefined> => {
    if (batch.length === 0) return undefined;
    const sent = batch;
    batch = [];
    batchBytes = 0;
    try {
      const { Failed = [] } = await sns.send(new PublishBatchCommand({ TopicArn: topicArn, PublishBatchRequestEntries: sent.map((pending) => pending.entry) }));
      if (Failed.length === 0) return undefined;
      const first = sent.find((pending) => Failed.some((failure) => failure.Id === pending.entry.Id))!;
      const failure = Failed.find((candidate) => candidate.Id === first.entry.Id)!;
      // Ids and types only: an event's data may name a person.
      logger.error('domain event not published; it will be retried', {
        eventId: first.event.id,
        eventType: first.event.type,
        sequenceNumber: sequenceNumberOf(first.record),
        code: failure.Code,
        senderFault: failure.SenderFault,
      });
      return first.record;
    } catch (error) {
      logger.error('domain events not published; they will be retried', {
        eventIds: sent.map((pending) => pending.event.id),
        sequenceNumber: sequenceNumberOf(sent[0]!.record),
        errorName: (error as Error).name,
      });
      return sent[0]!.record;
    }
  };

  for (const record of records) {
    let events: DomainEvent[];
    try {
      events = eventsOfRecord(record);
    } catch (error) {
      const unpublished = await publish();
      if (unpublished) return failed(unpublished);
      logger.error('stream record is not an outbox event; it will be retried', { sequenceNumber: sequenceNumberOf(record), errorName: (error as Error).name });
      return failed(record);
    }
    // A record written with its change's events carries several: they leave in their order, and a record is failed
    // whole (its events published before the failure go again, and the topic or the consumers drop them).
    for (const event of events) {
      const message = eventMessage(event);
      const bytes = entrySize(message);
      if (batch.length === MAX_ENTRIES_PER_BATCH || (batch.length > 0 && batchBytes + bytes > MAX_BYTES_PER_BATCH)) {
        const unpublished = await publish();
        if (unpublished) return failed(unpublished);
      }
      const entry: PublishBatchRequestEntry = { Id: String(batch.length), ...message };
      batch.push({ record, event, entry, bytes });
      batchBytes += bytes;
    }
  }
  const unpublished = await publish();
  return unpublished ? failed(unpublished) : { batchItemFailures: [] };
}
