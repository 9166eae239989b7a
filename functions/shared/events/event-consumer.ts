// The Lambda handler of a function that consumes domain events: records of its own SQS FIFO queue, each body one
// event (the table's topic delivers raw messages). They are handled in order, one at a time; at the first failure
// it reports that record and every record after it as failed (partial batch response), as a FIFO queue requires,
// so nothing after a failed event of the batch runs before it. Delivery is at least once: handlers are idempotent.
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { logger } from '../observability/observability.ts';
import { taskHandler } from '../observability/task-handler.ts';
import type { DomainEvent } from './domain-event.ts';

export type DomainEventHandler = (event: DomainEvent) => Promise<void>;

/** The handler of each event type the function subscribes to (the same types as its `consumes` entry). */
export type DomainEventHandlers = Readonly<Record<string, DomainEventHandler>>;

/** The domain event a queue message carries. */
export function eventOfMessage(record: SQSRecord): DomainEvent {
  let event: Partial<DomainEvent> | undefined;
  try {
    event = JSON.parse(record.body) as Partial<DomainEvent>;
  } catch {
    throw new Error(`Message ${record.messageId} is not JSON`);
  }
  if (typeof event?.id !== 'string' || typeof event.type !== 'string') throw new Error(`Message ${record.messageId} is not a domain event`);
  return event as DomainEvent;
}

export function eventConsumer(handlers: DomainEventHandlers) {
  return taskHandler(async (queueEvent: SQSEvent): Promise<SQSBatchResponse> => {
    const records = queueEvent.Records;
    for (const [position, record] of records.entries()) {
      let event: DomainEvent | undefined;
      try {
        event = eventOfMessage(record);
        const handle = handlers[event.type];
        // The subscription's filter lets only these types through; another one is a description error, not data.
        if (!handle) throw new Error(`No handler for events of type ${event.type}`);
        await handle(event);
      } catch (error) {
        const unhandled = records.slice(position);
        // Ids and types of the event, never its data (which may name a person); the error says which check failed
        // (the platform's errors name fields, not what they hold).
        logger.error('domain event not handled; it and the records after it will be retried', {
          eventId: event?.id,
          eventType: event?.type,
          messageId: record.messageId,
          retried: unhandled.length,
          error,
        });
        return { batchItemFailures: unhandled.map((unhandledRecord) => ({ itemIdentifier: unhandledRecord.messageId })) };
      }
    }
    return { batchItemFailures: [] };
  });
}
