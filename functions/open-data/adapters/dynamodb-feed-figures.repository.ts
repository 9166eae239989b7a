// DynamoDB adapter of the fed datasets' figures: one item per commune and row of a feed (a month; a year and a
// category), added to once per event (the event's marker in the same transaction), read whole by one Query of the
// commune's partition.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { addCountsOnce } from '../../shared/aws/counted-once.ts';
import { queryEveryPage } from '../../shared/aws/paged-query.ts';
import type { FeedFigures } from '../application/open-data.ports.ts';
import { feedCounters, rowKey, type Feed, type FigureRow } from '../domain/fed-dataset.ts';
import { COUNTED_MARKER_RETENTION_SECONDS, feedKeys } from './open-data-keys.ts';

export class DynamoDbFeedFigures implements FeedFigures {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  count(feed: Feed, eventId: string, commune: string, row: FigureRow, occurredAt: string): Promise<'counted' | 'already-counted'> {
    return addCountsOnce(this.client, this.table, {
      marker: feedKeys.counted(eventId),
      markerExpiresAt: Math.floor(Date.parse(occurredAt) / 1000) + COUNTED_MARKER_RETENTION_SECONDS,
      counters: feedKeys.row(feed, commune, rowKey(feed, row.dimensions)),
      additions: row.counts,
      set: { dimensions: row.dimensions },
    });
  }

  async rows(feed: Feed, commune: string): Promise<FigureRow[]> {
    const items = await queryEveryPage(this.client, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': feedKeys.rows(feed, commune) },
    });
    const counters = feedCounters(feed);
    return items.map((item) => ({
      dimensions: item.dimensions as FigureRow['dimensions'],
      counts: Object.fromEntries(counters.filter((counter) => item[counter] !== undefined).map((counter) => [counter, Number(item[counter])])),
    }));
  }
}
