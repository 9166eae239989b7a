// DynamoDB adapter of the fed datasets' figures: one item per commune and month of a feed, added to once per event
// (the event's marker in the same transaction), read whole by one Query of the commune's partition.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { COUNTERS } from '../../permits/public.ts';
import { addCountsOnce, oneEach } from '../../shared/aws/counted-once.ts';
import { queryEveryPage } from '../../shared/aws/paged-query.ts';
import type { FeedFigures } from '../application/open-data.ports.ts';
import type { MonthFigures } from '../domain/fed-dataset.ts';
import { COUNTED_MARKER_RETENTION_SECONDS, feedKeys } from './open-data-keys.ts';

export class DynamoDbFeedFigures implements FeedFigures {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  count(feed: string, eventId: string, commune: string, month: string, counters: readonly string[], occurredAt: string): Promise<'counted' | 'already-counted'> {
    return addCountsOnce(this.client, this.table, {
      marker: feedKeys.counted(eventId),
      markerExpiresAt: Math.floor(Date.parse(occurredAt) / 1000) + COUNTED_MARKER_RETENTION_SECONDS,
      counters: feedKeys.month(feed, commune, month),
      additions: oneEach(counters),
      set: { month },
    });
  }

  async months(feed: string, commune: string): Promise<MonthFigures[]> {
    const items = await queryEveryPage(this.client, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': feedKeys.months(feed, commune) },
    });
    return items.map((item) => ({ month: String(item.month), ...Object.fromEntries(COUNTERS.map((counter) => [counter, Number(item[counter] ?? 0)])) }) as MonthFigures);
  }
}
