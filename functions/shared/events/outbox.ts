// The outbox: an event is one more item of the transaction that makes the change, so the change and its event
// are written together or not at all. The table's stream then carries it to its consumers (event-consumer.ts).
import type { TableDescription } from '../service-description.ts';
import type { DomainEvent } from './domain-event.ts';
import { CARRIED_EVENTS_ATTRIBUTE, OUTBOX_EVENT_TYPE_ATTRIBUTE } from './outbox-filter.ts';

export { CARRIED_EVENTS_ATTRIBUTE };

/** Streams keep records 24 hours; an outbox item is only the carrier of its record, and expires after a week. */
const OUTBOX_RETENTION_SECONDS = 7 * 24 * 3600;

/** The outbox's own partition of a table: one item per event, never read by the context's queries. */
export const OUTBOX_KEY_PREFIX = 'OUTBOX#';

/** The attribute of an outbox item that holds the event itself. */
export const OUTBOX_EVENT_ATTRIBUTE = 'event';

/** The attribute a record's write sets so that its stream record carries `events` to the table's router. */
export function carriedEvents(events: readonly DomainEvent[]): Record<typeof CARRIED_EVENTS_ATTRIBUTE, string> {
  return { [CARRIED_EVENTS_ATTRIBUTE]: JSON.stringify(events) };
}

/** The events a stored record carries (none when it carries none). */
export function eventsCarriedBy(item: Readonly<Record<string, unknown>>): DomainEvent[] {
  const carried = item[CARRIED_EVENTS_ATTRIBUTE];
  return typeof carried === 'string' ? (JSON.parse(carried) as DomainEvent[]) : [];
}

/**
 * The `Put` of a transaction that records `event` in `table`'s outbox. Conditional on the event's absence: the
 * id is derived from the change, so a change written twice fails its transaction rather than emitting twice.
 */
export function outboxPut(table: TableDescription, tableName: string, event: DomainEvent) {
  if (!table.outbox || !table.timeToLiveAttribute) {
    throw new Error(`Table ${table.id} has no outbox: declare it with outbox: true and a timeToLiveAttribute`);
  }
  const key = `${OUTBOX_KEY_PREFIX}${event.id}`;
  return {
    Put: {
      TableName: tableName,
      Item: {
        [table.partitionKey]: key,
        ...(table.sortKey && { [table.sortKey]: key }),
        [OUTBOX_EVENT_TYPE_ATTRIBUTE]: event.type,
        [OUTBOX_EVENT_ATTRIBUTE]: event,
        [table.timeToLiveAttribute]: Math.floor(Date.parse(event.occurredAt) / 1000) + OUTBOX_RETENTION_SECONDS,
      },
      ConditionExpression: 'attribute_not_exists(#outboxKey)',
      ExpressionAttributeNames: { '#outboxKey': table.partitionKey },
    },
  };
}
