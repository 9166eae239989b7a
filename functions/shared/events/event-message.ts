// How a domain event travels from its table's topic to each consumer's queue: one SNS FIFO message whose body is
// the event, grouped by the item it is about (so events of one item keep their order, and different items do not
// wait for each other), deduplicated by the event's id, and carrying its type as the attribute subscriptions
// filter on. The router publishes this; the local platform hands the same message to consumers in process.
import { createHash } from 'node:crypto';
import type { EventSubscription } from '../service-description.ts';
import type { DomainEvent } from './domain-event.ts';
import { EVENT_TYPE_MESSAGE_ATTRIBUTE } from './outbox-filter.ts';

/** Records per invocation of a consumer when its subscription does not say. */
export const DEFAULT_CONSUMER_BATCH_SIZE = 10;
/** The most messages Lambda hands a function from an SQS FIFO queue at once. */
export const MAX_FIFO_QUEUE_BATCH_SIZE = 10;

export interface EventMessage {
  readonly Message: string;
  readonly MessageGroupId: string;
  readonly MessageDeduplicationId: string;
  readonly MessageAttributes: { readonly [EVENT_TYPE_MESSAGE_ATTRIBUTE]: { readonly DataType: 'String'; readonly StringValue: string } };
}

/**
 * A message group or deduplication id: up to 128 printable ASCII characters. Ids are that already; anything else
 * (a longer id, another script) is replaced by its SHA-256, so the same value always gives the same token.
 */
export function fifoToken(value: string): string {
  return /^[\x21-\x7e]{1,128}$/.test(value) ? value : createHash('sha256').update(value).digest('hex');
}

export function eventMessage(event: DomainEvent): EventMessage {
  return {
    Message: JSON.stringify(event),
    // The item the event is about, within the context that emitted it (subjects of two contexts may coincide).
    MessageGroupId: fifoToken(`${event.source}/${event.subject}`),
    MessageDeduplicationId: fifoToken(event.id),
    MessageAttributes: { [EVENT_TYPE_MESSAGE_ATTRIBUTE]: { DataType: 'String', StringValue: event.type } },
  };
}

/** The batch size of a consumer's queue: the smallest its subscriptions declare, 10 at most (SQS FIFO's limit). */
export function consumerBatchSize(functionId: string, subscriptions: readonly EventSubscription[]): number {
  const sizes = subscriptions.map((subscription) => subscription.batchSize ?? DEFAULT_CONSUMER_BATCH_SIZE);
  const size = Math.min(...sizes);
  const tooLarge = sizes.find((candidate) => candidate > MAX_FIFO_QUEUE_BATCH_SIZE || candidate < 1);
  if (tooLarge !== undefined) {
    throw new Error(`Function ${functionId} consumes events in batches of ${tooLarge}: a FIFO queue hands a function 1 to ${MAX_FIFO_QUEUE_BATCH_SIZE} messages at once`);
  }
  return size;
}

/** The environment variable that gives a table's router the ARN of the table's topic. */
export const EVENT_TOPIC_ENV = 'EVENT_TOPIC_ARN';
