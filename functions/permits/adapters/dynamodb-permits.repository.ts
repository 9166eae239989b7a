// DynamoDB adapter of the permits port: permits, their append-only events, document reads and daily counters in
// one table. Every change is one PutItem of the permit conditional on the version it read, carrying the change's
// domain events (the table's router publishes them from the stream record); the history entry and the figures'
// overdue marker follow from the change's event (`recordChange`, run by the history's consumer).
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DeleteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../../shared/errors/domain-errors.ts';
import { batchGetEvery } from '../../shared/aws/batch-get.ts';
import { withoutKeys } from '../../shared/aws/items.ts';
import { pagedIndexQuery, pagedQuery, queryEveryPage, withLatestEntry } from '../../shared/aws/paged-query.ts';
import type { Page } from '../../shared/http/pagination.ts';
import { readReferenceSnapshot, referenceKeysFor, type CommuneTerritory, type ReferenceRequest, type ReferenceSnapshot } from '../../reference-data/public.ts';
import { loadCommuneTerritories, loadReferenceSnapshot } from '../../reference-data/public-reader.ts';
import type { DomainEvent } from '../../shared/events/domain-event.ts';
import { CARRIED_EVENTS_ATTRIBUTE, carriedEvents, eventsCarriedBy } from '../../shared/events/outbox.ts';
import { addCountsOnce, oneEach } from '../../shared/aws/counted-once.ts';
import { countedFigures, permitEvents, type PermitChanged } from '../domain/permit-events.ts';
import type { Permit, PermitChange, PermitEvent, PermitStatus } from '../domain/permit.ts';
import { COUNTERS, type Counter, type Counters, type DayCounts, type OverdueFile } from '../domain/permit-figures.ts';
import type { DocumentRead, FigureItems, PageRequest, PermitsRepository } from '../application/permits.ports.ts';
import { dueBeforeSortKey, dueFromSortKey } from '../../shared/case-clock/adapters/open-deadline-keys.ts';
import { COUNTED_MARKER_RETENTION_SECONDS, PERMIT_INDEXES, overdueMarker, permitIndexAttributes, permitKeys } from './permit-keys.ts';
import { followsVersion, NEW_RECORD, type WriteCondition } from '../../shared/aws/change-writes.ts';

type Item = Record<string, unknown>;
type Key = { pk: string; sk: string };

// Permits written while overdue files had their own index still carry its two keys: never hand them out.
const FORMER_INDEX_ATTRIBUTES = ['overduePk', 'overdueSk'];
const PERMIT_INDEX_ATTRIBUTES = [
  ...Object.values(PERMIT_INDEXES).flatMap((index) => [index.partitionKey, index.sortKey]),
  ...FORMER_INDEX_ATTRIBUTES,
  CARRIED_EVENTS_ATTRIBUTE,
];

const toPermit = (item: Item) => withoutKeys<Permit>(item, PERMIT_INDEX_ATTRIBUTES);
const toEvent = (item: Item) => withoutKeys<PermitEvent>(item);

/** A daily counter item read back: totals under the counter's name, each procedure's under `<counter>@<procedure>`. */
function toDayCounts(item: Item): DayCounts {
  const totals = Object.fromEntries(COUNTERS.map((counter) => [counter, Number(item[counter] ?? 0)])) as unknown as Counters;
  const byProcedure: Record<string, Record<string, number>> = {};
  for (const [name, value] of Object.entries(item)) {
    const [counter, procedure] = name.split('@');
    if (procedure && (COUNTERS as readonly string[]).includes(counter!)) {
      byProcedure[procedure] ??= Object.fromEntries(COUNTERS.map((each) => [each, 0]));
      byProcedure[procedure][counter!] = Number(value);
    }
  }
  return { date: String(item.date), commune: String(item.commune), totals, byProcedure: byProcedure as Record<string, Counters> };
}

const OVERDUE: PermitStatus = 'deemed-approval-available';

/** The history entry the change of a stored permit item carries (its latest change), if the item carries one. */
function latestEntryOf(item: Item): PermitEvent | undefined {
  const changed = eventsCarriedBy(item).find((event) => (event.data as Partial<PermitChanged>).entry !== undefined);
  return (changed?.data as Partial<PermitChanged> | undefined)?.entry;
}

const isConditionFailure = (error: unknown) => error instanceof ConditionalCheckFailedException;

export class DynamoDbPermitsRepository implements PermitsRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly referenceTable: string,
  ) {}

  async loadWithReference(id: string, reference: ReferenceRequest): Promise<{ permit?: Permit; reference: ReferenceSnapshot }> {
    const output = await this.client.send(
      new BatchGetCommand({
        RequestItems: {
          [this.table]: { Keys: [permitKeys.permit(id)], ConsistentRead: true },
          [this.referenceTable]: { Keys: referenceKeysFor(reference) },
        },
      }),
    );
    const unprocessed = Object.keys(output.UnprocessedKeys ?? {}).length > 0;
    // Under throttling DynamoDB may defer keys of a batch; a second, plain read keeps the answer complete.
    if (unprocessed) {
      const [permit, snapshot] = await Promise.all([this.get(id), this.loadReference(reference)]);
      return { ...(permit && { permit }), reference: snapshot };
    }
    const permitItem = output.Responses?.[this.table]?.[0];
    return {
      ...(permitItem && { permit: toPermit(permitItem) }),
      reference: readReferenceSnapshot(output.Responses?.[this.referenceTable] ?? [], reference),
    };
  }

  loadReference(reference: ReferenceRequest): Promise<ReferenceSnapshot> {
    return loadReferenceSnapshot(this.client, this.referenceTable, reference);
  }

  async get(id: string): Promise<Permit | undefined> {
    const output = await this.client.send(new GetCommand({ TableName: this.table, Key: permitKeys.permit(id), ConsistentRead: true }));
    return output.Item ? toPermit(output.Item) : undefined;
  }

  /**
   * Adds an event's counters to its commune's daily figures, once: a marker of the event is written in the same
   * transaction, so a redelivered event finds it and counts nothing. Runs in the event consumer, never in a
   * citizen's transaction: the commune's daily item is the busiest item of the table.
   */
  async count(event: DomainEvent<PermitChanged>): Promise<void> {
    const { commune, procedure, counters, date } = countedFigures(event);
    if (counters.length === 0) return;
    const index = PERMIT_INDEXES.statsByDay;
    await addCountsOnce(this.client, this.table, {
      marker: permitKeys.countedEvent(event.id),
      markerExpiresAt: Math.floor(Date.parse(event.occurredAt) / 1000) + COUNTED_MARKER_RETENTION_SECONDS,
      counters: permitKeys.statsDay(commune, date),
      additions: oneEach(counters.flatMap((counter) => [counter, permitKeys.procedureCounter(counter, procedure)])),
      set: { date, commune, [index.partitionKey]: permitKeys.statsOfEveryCommune(), [index.sortKey]: permitKeys.statsOfEveryCommuneDay(date, commune) },
    });
  }

  async recordDocumentRead(read: DocumentRead): Promise<void> {
    await this.client.send(
      new PutCommand({ TableName: this.table, Item: { ...permitKeys.documentRead(read.permitId, read.at, read.documentId, read.by.sub), ...read } }),
    );
  }

  documentReads(id: string, page: PageRequest): Promise<Page<DocumentRead>> {
    const { pk, skPrefix } = permitKeys.documentReads(id);
    return this.query(
      { KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)', ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix }, ScanIndexForward: false },
      page,
      ['pk', 'sk'],
      { pk },
      (item) => withoutKeys<DocumentRead>(item),
    );
  }

  private async write(change: PermitChange, counters: readonly Counter[], permitCondition: WriteCondition): Promise<void> {
    const { permit } = change;
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.table,
          // The events leave with the change or not at all (the item's stream record carries them); what they cause,
          // the history entry included, happens in the event consumers.
          Item: { ...permitKeys.permit(permit.id), ...permitIndexAttributes(permit), ...permit, ...carriedEvents(permitEvents(change, counters)) },
          ConditionExpression: permitCondition.expression,
          ...(permitCondition.values && { ExpressionAttributeValues: permitCondition.values }),
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      throw new ConflictError(
        {
          ar: `غيّر شخص آخر الملف ${permit.id} في اللحظة نفسها؛ أعيدوا تحميله ثم حاولوا مجددا`,
          fr: `Le dossier ${permit.id} a été modifié par quelqu'un d'autre au même moment ; rechargez-le puis réessayez`,
          en: `Permit ${permit.id} was changed by someone else at the same moment; reload it and try again`,
        },
        { cause: error },
      );
    }
  }

  /**
   * What a change's event records beside the permit: its history entry, once (a redelivery finds it written), and
   * the figures' overdue marker, put as the file becomes overdue and deleted as it stops being (both idempotent).
   * Events of one permit arrive in their order, so the marker follows the last change.
   */
  async recordChange(event: DomainEvent<PermitChanged>): Promise<void> {
    const { entry, commune, procedure, permitId } = event.data;
    if (!entry) return;
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...permitKeys.event(permitId, entry.version), ...entry },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
    const overdueBefore = entry.statusBefore === OVERDUE;
    const overdueAfter = entry.statusAfter === OVERDUE;
    if (overdueAfter && !overdueBefore) {
      await this.client.send(new PutCommand({ TableName: this.table, Item: overdueMarker(commune, procedure, permitId) }));
    } else if (overdueBefore && !overdueAfter) {
      await this.client.send(new DeleteCommand({ TableName: this.table, Key: permitKeys.overdueFile(commune, procedure, permitId) }));
    }
  }

  async getWithLatestEntry(id: string): Promise<{ permit?: Permit; latestEntry?: PermitEvent }> {
    const output = await this.client.send(new GetCommand({ TableName: this.table, Key: permitKeys.permit(id), ConsistentRead: true }));
    if (!output.Item) return {};
    const latestEntry = latestEntryOf(output.Item);
    return { permit: toPermit(output.Item), ...(latestEntry && { latestEntry }) };
  }

  create(change: PermitChange, counters: readonly Counter[]): Promise<void> {
    return this.write(change, counters, NEW_RECORD);
  }

  save(change: PermitChange, counters: readonly Counter[]): Promise<void> {
    return this.write(change, counters, followsVersion(change.permit.version));
  }

  private query<T>(input: Omit<QueryCommandInput, 'TableName' | 'Limit' | 'ExclusiveStartKey'>, page: PageRequest, keyAttributes: readonly string[], partition: Record<string, string>, map: (item: Item) => T): Promise<Page<T>> {
    return pagedQuery(this.client, { input: { TableName: this.table, ...input }, page, keyAttributes, partition }, map);
  }

  /** The permits of a page of index keys, in the index's order: the indexes project keys only. */
  private async permitsOf(page: Page<Key>): Promise<Page<Permit>> {
    if (page.items.length === 0) return { ...page, items: [] };
    const items = (await batchGetEvery(this.client, { [this.table]: { Keys: [...page.items] } }))[this.table] ?? [];
    const found = new Map(items.map((item) => [String(item.pk), toPermit(item)]));
    return { ...page, items: page.items.flatMap((key) => found.get(key.pk) ?? []) };
  }

  private async listIndex(index: (typeof PERMIT_INDEXES)[keyof typeof PERMIT_INDEXES], partition: string, page: PageRequest): Promise<Page<Permit>> {
    const keys = await pagedIndexQuery(this.client, { table: this.table, index, partition, page, descending: true }, (item) => ({ pk: String(item.pk), sk: String(item.sk) }));
    return this.permitsOf(keys);
  }

  listByApplicant(applicant: string, page: PageRequest): Promise<Page<Permit>> {
    return this.listIndex(PERMIT_INDEXES.byApplicant, permitKeys.applicant(applicant), page);
  }

  listByCommune(commune: string, status: PermitStatus | undefined, page: PageRequest): Promise<Page<Permit>> {
    return status
      ? this.listIndex(PERMIT_INDEXES.byCommuneStatus, permitKeys.communeStatus(commune, status), page)
      : this.listIndex(PERMIT_INDEXES.byCommune, permitKeys.commune(commune), page);
  }

  /**
   * The stored entries, oldest first; on the last page, `latest` (the latest change's entry, which its permit
   * carries) after them when it is not stored yet.
   */
  async history(id: string, page: PageRequest, latest?: PermitEvent): Promise<Page<PermitEvent>> {
    const { pk, skPrefix } = permitKeys.history(id);
    const stored = await this.query(
      {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
      },
      page,
      ['pk', 'sk'],
      { pk },
      toEvent,
    );
    return withLatestEntry(stored, { pk, skPrefix, ...(page.cursor !== undefined && { cursor: page.cursor }) }, latest);
  }

  /** One shard at a time: a recount reads the shards in parallel. */
  openDueFrom(shard: number, instant: Date, page: PageRequest): Promise<Page<string>> {
    return pagedIndexQuery(
      this.client,
      { table: this.table, index: PERMIT_INDEXES.openByDue, partition: permitKeys.open(shard), page, sortKeyFrom: dueFromSortKey(instant) },
      (item) => String(item.pk).slice('PERMIT#'.length),
    );
  }

  /** One shard at a time: the sweep reads the shards in parallel. */
  openDueBefore(shard: number, instant: Date, page: PageRequest): Promise<Page<string>> {
    return pagedIndexQuery(
      this.client,
      { table: this.table, index: PERMIT_INDEXES.openByDue, partition: permitKeys.open(shard), page, sortKeyBelow: dueBeforeSortKey(instant) },
      (item) => String(item.pk).slice('PERMIT#'.length),
    );
  }

  /**
   * The figures' items from `fromDate` on: the daily counters up to `toDate` and the files overdue now, which sort
   * after every day, every page of them (the figures total a whole range). Days after `toDate` are read (the sort key
   * has no gap between them and the markers) but the filter drops them; a period that ends today reads nothing extra.
   */
  private async figureItems(input: { IndexName?: string; partitionAttribute: string; sortAttribute: string; partition: string; from: string; toDate: string }): Promise<FigureItems> {
    const items = await queryEveryPage(this.client, {
      TableName: this.table,
      ...(input.IndexName && { IndexName: input.IndexName }),
      KeyConditionExpression: '#pk = :pk AND #sk >= :from',
      FilterExpression: 'attribute_not_exists(#date) OR #date <= :to',
      ExpressionAttributeNames: { '#pk': input.partitionAttribute, '#sk': input.sortAttribute, '#date': 'date' },
      ExpressionAttributeValues: { ':pk': input.partition, ':from': input.from, ':to': input.toDate },
    });
    const days: DayCounts[] = [];
    const overdue: OverdueFile[] = [];
    for (const item of items) {
      if (item.date === undefined) overdue.push({ commune: String(item.commune), procedure: String(item.procedure) });
      else days.push(toDayCounts(item));
    }
    return { days, overdue };
  }

  communeFigureItems(commune: string, fromDate: string, toDate: string): Promise<FigureItems> {
    return this.figureItems({ partitionAttribute: 'pk', sortAttribute: 'sk', partition: permitKeys.stats(commune), from: permitKeys.statsDay(commune, fromDate).sk, toDate });
  }

  everyCommuneFigureItems(fromDate: string, toDate: string): Promise<FigureItems> {
    const index = PERMIT_INDEXES.statsByDay;
    return this.figureItems({ IndexName: index.name, partitionAttribute: index.partitionKey, sortAttribute: index.sortKey, partition: permitKeys.statsOfEveryCommune(), from: fromDate, toDate });
  }

  communeTerritories(): Promise<CommuneTerritory[]> {
    return loadCommuneTerritories(this.client, this.referenceTable);
  }
}
