// The Lambda handler of a function that consumes domain events from a table's stream. Records are handled in
// stream order, one at a time; at the first failure it reports that record and stops (partial batch response), so
// Lambda retries from it and nothing after it runs before it. Delivery is at least once: handlers are idempotent.
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from '../observability/observability.ts';
import { taskHandler } from '../observability/task-handler.ts';
import type { DomainEvent } from './domain-event.ts';
import { OUTBOX_EVENT_ATTRIBUTE } from './outbox.ts';

export type DomainEventHandler = (event: DomainEvent) => Promise<void>;

/** The handler of each event type the function subscribes to (the same types as its `consumes` entry). */
export type DomainEventHandlers = Readonly<Record<string, DomainEventHandler>>;

/** The domain event an outbox item's stream record carries. */
export function eventOfRecord(record: DynamoDBRecord): DomainEvent {
  const image = record.dynamodb?.NewImage;
  if (!image) throw new Error(`Stream record ${record.eventID ?? ''} has no new image: the stream must carry NEW_IMAGE`);
  const event = unmarshall(image as Record<string, AttributeValue>)[OUTBOX_EVENT_ATTRIBUTE] as DomainEvent | undefined;
  if (!event?.id || !event.type) throw new Error(`Stream record ${record.eventID ?? ''} is not an outbox event`);
  return event;
}

export function eventConsumer(handlers: DomainEventHandlers) {
  return taskHandler(async (streamEvent: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    for (const record of streamEvent.Records) {
      const sequenceNumber = record.dynamodb?.SequenceNumber ?? '';
      let event: DomainEvent | undefined;
      try {
        event = eventOfRecord(record);
        const handle = handlers[event.type];
        // The subscription's filter lets only these types through; another one is a description error, not data.
        if (!handle) throw new Error(`No handler for events of type ${event.type}`);
        await handle(event);
      } catch (error) {
        // Ids and types only: an event's data may name a person.
        logger.error('domain event not handled; it will be retried', { eventId: event?.id, eventType: event?.type, sequenceNumber, error });
        return { batchItemFailures: [{ itemIdentifier: sequenceNumber }] };
      }
    }
    return { batchItemFailures: [] };
  });
}
