// Which stream records reach a consumer: new outbox items of the event types it subscribes to. The CDK stack
// gives this pattern to the event source mapping's filter criteria; the local stream poller applies the same one.
import type { EventSubscription } from '../service-description.ts';

/** The attribute that marks an item as an outbox event and names its type (`permit.filed`). */
export const OUTBOX_EVENT_TYPE_ATTRIBUTE = 'eventType';

/** An event-source filter pattern (the EventBridge pattern syntax Lambda applies to DynamoDB stream records). */
export function outboxFilterPattern(subscription: EventSubscription): Record<string, unknown> {
  return {
    eventName: ['INSERT'],
    dynamodb: { NewImage: { [OUTBOX_EVENT_TYPE_ATTRIBUTE]: { S: [...subscription.eventTypes] } } },
  };
}
