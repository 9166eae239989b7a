// The domain event an outbox item's stream record carries: what the router of a table's stream publishes.
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { DomainEvent } from './domain-event.ts';
import { OUTBOX_EVENT_ATTRIBUTE } from './outbox.ts';

export function eventOfRecord(record: DynamoDBRecord): DomainEvent {
  const image = record.dynamodb?.NewImage;
  if (!image) throw new Error(`Stream record ${record.eventID ?? ''} has no new image: the stream must carry NEW_IMAGE`);
  const event = unmarshall(image as Record<string, AttributeValue>)[OUTBOX_EVENT_ATTRIBUTE] as DomainEvent | undefined;
  if (!event?.id || !event.type) throw new Error(`Stream record ${record.eventID ?? ''} is not an outbox event`);
  return event;
}
