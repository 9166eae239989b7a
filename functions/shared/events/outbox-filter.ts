// Which events go where. The outbox table's one stream reader (the router) takes every new outbox item; each
// consumer's subscription to the table's topic then lets through only the event types it declares. The CDK stack
// gives the first to the router's event source mapping and the second to the SNS subscription's filter policy;
// the local platform applies the same two.
import type { EventSubscription } from '../service-description.ts';

/** The attribute that marks an item as an outbox event and names its type (`permit.filed`). */
export const OUTBOX_EVENT_TYPE_ATTRIBUTE = 'eventType';

/** The message attribute of a published event that names its type: what subscriptions filter on. */
export const EVENT_TYPE_MESSAGE_ATTRIBUTE = 'eventType';

/**
 * The event-source filter pattern (the EventBridge pattern syntax Lambda applies to DynamoDB stream records) of
 * the router: new outbox items, of any type. Changes of the context's own items never reach it.
 */
export function outboxRecordFilterPattern(): Record<string, unknown> {
  return {
    eventName: ['INSERT'],
    dynamodb: { NewImage: { [OUTBOX_EVENT_TYPE_ATTRIBUTE]: { S: [{ exists: true }] } } },
  };
}

/** The SNS filter policy (on message attributes) of a subscription: only the event types it declares. */
export function subscriptionFilterPolicy(subscription: EventSubscription): Record<string, string[]> {
  return { [EVENT_TYPE_MESSAGE_ATTRIBUTE]: [...subscription.eventTypes] };
}
