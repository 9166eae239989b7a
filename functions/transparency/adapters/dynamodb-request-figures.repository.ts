// The annual figures of a commune's requests in the transparency table: one counters item per commune and year of
// receipt, added to once per counted event (its marker beside it, kept a week), read whole by the public route with
// the commune from reference data, in one request.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { batchGetEvery } from '../../shared/aws/batch-get.ts';
import { addCountsOnce } from '../../shared/aws/counted-once.ts';
import { withoutKeys } from '../../shared/aws/items.ts';
import type { DomainEvent } from '../../shared/events/domain-event.ts';
import { readReferenceSnapshot, referenceKeysFor } from '../../reference-data/public.ts';
import type { RequestFiguresRepository } from '../application/request-figures.use-cases.ts';
import type { RequestCounted } from '../domain/request-figures.ts';

export const figureKeys = {
  /** A commune's figures of the requests received in a year. */
  figures: (commune: string, year: number) => ({ pk: `FIGURES#${commune}#${year}`, sk: 'FIGURES' }),
  /** The marker of an event added to the figures: its redelivery adds nothing. */
  counted: (eventId: string) => ({ pk: `COUNTED#${eventId}`, sk: 'COUNTED' }),
} as const;

/** Redeliveries come within hours; a week is ample. */
const COUNTED_MARKER_RETENTION_SECONDS = 7 * 24 * 3600;

export class DynamoDbRequestFiguresRepository implements RequestFiguresRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly referenceTableName: () => string,
  ) {}

  async count(event: DomainEvent<RequestCounted>): Promise<void> {
    const { commune, year, counts } = event.data;
    await addCountsOnce(this.client, this.table, {
      marker: figureKeys.counted(event.id),
      markerExpiresAt: Math.floor(Date.parse(event.occurredAt) / 1000) + COUNTED_MARKER_RETENTION_SECONDS,
      counters: figureKeys.figures(commune, year),
      additions: counts as Record<string, number>,
      set: { commune, year },
    });
  }

  async figures(commune: string, year: number): Promise<{ communeExists: boolean; counters?: Record<string, number> }> {
    const reference = { commune, years: [] };
    const found = await batchGetEvery(this.client, {
      [this.table]: { Keys: [figureKeys.figures(commune, year)] },
      [this.referenceTableName()]: { Keys: referenceKeysFor(reference) },
    });
    const item = found[this.table]?.[0];
    const { commune: _commune, year: _year, ...counts } = item ? withoutKeys<Record<string, unknown>>(item) : {};
    const counters = item ? Object.fromEntries(Object.entries(counts).map(([name, value]) => [name, Number(value)])) : undefined;
    return { communeExists: readReferenceSnapshot(found[this.referenceTableName()] ?? [], reference).commune !== undefined, ...(counters && { counters }) };
  }
}
