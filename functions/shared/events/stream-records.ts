// The domain events a stream record carries, as the router of a table's stream publishes them: the one event of
// an outbox item, or the events a record was written with (the change's own write, `CARRIED_EVENTS_ATTRIBUTE`).
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { DomainEvent } from './domain-event.ts';
import { CARRIED_EVENTS_ATTRIBUTE, OUTBOX_EVENT_ATTRIBUTE } from './outbox.ts';

const isEvent = (event: Partial<DomainEvent> | undefined): event is DomainEvent => typeof event?.id === 'string' && typeof event.type === 'string';

/** The events of `record`, in the order the change emitted them; throws when it carries none. */
export function eventsOfRecord(record: DynamoDBRecord): DomainEvent[] {
  const image = record.dynamodb?.NewImage;
  if (!image) throw new Error(`Stream record ${record.eventID ?? ''} has no new image: the stream must carry NEW_IMAGE`);
  const item = unmarshall(image as Record<string, AttributeValue>);
  const carried = item[CARRIED_EVENTS_ATTRIBUTE];
  if (typeof carried === 'string') {
    let events: unknown;
    try {
      events = JSON.parse(carried);
    } catch {
      throw new Error(`Stream record ${record.eventID ?? ''} carries events that are not JSON`);
    }
    if (!Array.isArray(events) || events.length === 0 || !events.every((event) => isEvent(event as Partial<DomainEvent>))) {
      throw new Error(`Stream record ${record.eventID ?? ''} carries no list of domain events`);
    }
    return events as DomainEvent[];
  }
  const event = item[OUTBOX_EVENT_ATTRIBUTE] as Partial<DomainEvent> | undefined;
  if (!isEvent(event)) throw new Error(`Stream record ${record.eventID ?? ''} is not an outbox event`);
  return [event];
}

/** The event of an outbox item's record. */
export function eventOfRecord(record: DynamoDBRecord): DomainEvent {
  const [event] = eventsOfRecord(record);
  return event!;
}
