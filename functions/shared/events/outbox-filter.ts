// Which events go where. The outbox table's one stream reader (the router) takes every new outbox item; each
// consumer's subscription to the table's topic then lets through only the event types it declares. The CDK stack
// gives the first to the router's event source mapping and the second to the SNS subscription's filter policy;
// the local platform applies the same two.
import type { EventSubscription } from '../service-description.ts';

/** The attribute that marks an item as an outbox event and names its type (`permit.filed`). */
export const OUTBOX_EVENT_TYPE_ATTRIBUTE = 'eventType';

/**
 * The attribute of a record that carries the events of the change that wrote it (JSON of a list of events): the
 * change is then one conditional write of the record, not a transaction with outbox items, and the record's stream
 * record (INSERT or MODIFY) brings its events to the router. Every write of such a record replaces it with the
 * events of that write; a write that emits none must remove it, or the router would publish the former ones again
 * (consumers would recognise them by id, but they would travel for nothing).
 */
export const CARRIED_EVENTS_ATTRIBUTE = 'outboxEvents';

/** The message attribute of a published event that names its type: what subscriptions filter on. */
export const EVENT_TYPE_MESSAGE_ATTRIBUTE = 'eventType';

/**
 * The event-source filter patterns (the EventBridge pattern syntax Lambda applies to DynamoDB stream records) of
 * the router, any of which lets a record through: new outbox items, of any type; and records written with the
 * events of their change (`CARRIED_EVENTS_ATTRIBUTE`, outbox.ts), created or replaced. Other changes of the
 * context's own items never reach it.
 */
export function outboxRecordFilterPatterns(): Record<string, unknown>[] {
  return [
    {
      eventName: ['INSERT'],
      dynamodb: { NewImage: { [OUTBOX_EVENT_TYPE_ATTRIBUTE]: { S: [{ exists: true }] } } },
    },
    {
      eventName: ['INSERT', 'MODIFY'],
      dynamodb: { NewImage: { [CARRIED_EVENTS_ATTRIBUTE]: { S: [{ exists: true }] } } },
    },
  ];
}

/** The SNS filter policy (on message attributes) of a subscription: only the event types it declares. */
export function subscriptionFilterPolicy(subscription: EventSubscription): Record<string, string[]> {
  return { [EVENT_TYPE_MESSAGE_ATTRIBUTE]: [...subscription.eventTypes] };
}
