// DynamoDB adapter of the complaints context: complaints, their append-only history and the communes' settings in
// one table; every change is one transaction, the complaint on its version and its event, with its outbox events.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { batchGetEvery } from '../../shared/aws/batch-get.ts';
import { withoutKeys } from '../../shared/aws/items.ts';
import { pagedIndexQuery, pagedPrefixQuery, pagedQuery, queryEveryPage, type IndexKeys } from '../../shared/aws/paged-query.ts';
import { transactWrite } from '../../shared/aws/transact-write.ts';
import { dueBeforeSortKey, dueFromSortKey } from '../../shared/case-clock/adapters/open-deadline-keys.ts';
import { ConflictError } from '../../shared/errors/domain-errors.ts';
import { outboxPut } from '../../shared/events/outbox.ts';
import type { Page, PageRequest } from '../../shared/http/pagination.ts';
import { readReferenceSnapshot, referenceKeysFor } from '../../reference-data/public.ts';
import { loadReferenceSnapshot } from '../../reference-data/public-reader.ts';
import type { Complaint, ComplaintChange, ComplaintEvent, ComplaintStatus } from '../domain/complaint.ts';
import type { PublicComplaint } from '../domain/open311.ts';
import type { DuplicateCandidates, DuplicateOf } from '../domain/complaint-duplicates.ts';
import { FIGURE_COUNTERS, type CategoryFigures, type ComplaintCounted, type FigureCounts } from '../domain/complaint-figures.ts';
import type { DomainEvent } from '../../shared/events/domain-event.ts';
import { defaultComplaintSettings, type ComplaintSettings } from '../domain/complaint-settings.ts';
import { changedMeanwhile } from '../domain/complaints-errors.ts';
import type { ComplaintsRepository, FilingSnapshot, OwnComplaint, QueueEntry } from '../application/complaints.ports.ts';
import type { PhotoRead } from '../application/complaint-photos.use-cases.ts';
import { COMPLAINT_INDEX_ATTRIBUTES, COMPLAINTS_INDEXES, COMPLAINTS_TABLE, COUNTED_MARKER_RETENTION_SECONDS, MINE_ATTRIBUTES, PUBLIC_ATTRIBUTES, QUEUE_ATTRIBUTES, complaintIdOf, complaintIndexAttributes, complaintsKeys } from './complaints-keys.ts';
import { changeWrites, followsVersion, NEW_RECORD, type WriteCondition } from '../../shared/aws/change-writes.ts';
import { addCountsOnce } from '../../shared/aws/counted-once.ts';

type Item = Record<string, unknown>;

const photoReadItem = (read: PhotoRead): Item => ({ ...complaintsKeys.photoRead(read.complaintId, read.photoId, read.at, read.by.sub), ...read });

const toComplaint = (item: Item) => withoutKeys<Complaint>(item, COMPLAINT_INDEX_ATTRIBUTES);

export class DynamoDbComplaintsRepository implements ComplaintsRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly table: string,
    /** Read when first needed: only the functions granted reference data have its name. */
    private readonly referenceTableName: () => string,
  ) {}

  private get referenceTable(): string {
    return this.referenceTableName();
  }

  async followedUp(digest: string): Promise<Complaint | undefined> {
    const { Item: pointer } = await this.client.send(new GetCommand({ TableName: this.table, Key: complaintsKeys.followUp(digest) }));
    return pointer ? this.get(String(pointer.complaintId)) : undefined;
  }

  async recordPhotoRead(read: PhotoRead): Promise<void> {
    await this.client.send(new PutCommand({ TableName: this.table, Item: photoReadItem(read) }));
  }

  saveWithPhotoRead(change: ComplaintChange, read: PhotoRead): Promise<void> {
    return transactWrite(
      this.client,
      [...this.changeWrites(change, followsVersion(change.complaint.version)), ...this.outboxWrites(change), { Put: { TableName: this.table, Item: photoReadItem(read) } }],
      (cancellation) => changedMeanwhile(change.complaint.id, cancellation),
    );
  }

  async loadFiling(commune: string, years: readonly number[]): Promise<FilingSnapshot> {
    const { settings, snapshot } = await this.settingsWithReference(commune, { commune, years });
    return { communeExists: snapshot.commune !== undefined, settings, holidays: snapshot.holidays };
  }

  async loadSettings(commune: string): Promise<{ communeExists: boolean; settings: ComplaintSettings }> {
    const { communeExists, settings } = await this.loadFiling(commune, []);
    return { communeExists, settings };
  }

  /** A commune's settings (the defaults until its administrator sets them) and what reference data holds, in one BatchGetItem. */
  private async settingsWithReference(commune: string, reference: { readonly commune?: string; readonly years: readonly number[] }) {
    const settingsKey = complaintsKeys.settings(commune);
    const found = await batchGetEvery(this.client, {
      [this.table]: { Keys: [settingsKey], ConsistentRead: true },
      [this.referenceTable]: { Keys: referenceKeysFor(reference) },
    });
    const stored = found[this.table]?.[0];
    return {
      settings: stored ? withoutKeys<ComplaintSettings>(stored) : defaultComplaintSettings(commune),
      snapshot: readReferenceSnapshot(found[this.referenceTable] ?? [], reference),
    };
  }

  async duplicateCandidates(commune: string, near: { category: string; cells: readonly string[] }, key?: string): Promise<DuplicateCandidates> {
    const everyEntry = (index: IndexKeys, partition: string) =>
      queryEveryPage(this.client, {
        TableName: this.table,
        IndexName: index.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': index.partitionKey },
        ExpressionAttributeValues: { ':pk': partition },
      });
    const [cells, sameText] = await Promise.all([
      Promise.all(near.cells.map((cell) => everyEntry(COMPLAINTS_INDEXES.byNearCell, complaintsKeys.near(commune, near.category, cell)))),
      key ? everyEntry(COMPLAINTS_INDEXES.bySameText, complaintsKeys.sameText(commune, key)) : Promise.resolve([]),
    ]);
    return {
      nearby: cells.flat().flatMap((item) => {
        const point = (item.location as Complaint['location'])?.point;
        return point ? [{ id: complaintIdOf(item), point }] : [];
      }),
      sameText: sameText.map(complaintIdOf),
    };
  }

  async duplicatesOf(id: string): Promise<DuplicateOf[]> {
    const index = COMPLAINTS_INDEXES.byDuplicateOf;
    const items = await queryEveryPage(this.client, {
      TableName: this.table,
      IndexName: index.name,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': index.partitionKey },
      ExpressionAttributeValues: { ':pk': complaintsKeys.duplicateOf(id) },
    });
    return items.map((item) => ({ id: complaintIdOf(item), ...(typeof item.complainant === 'string' && { complainant: item.complainant }) }));
  }

  async emit(events: readonly DomainEvent[]): Promise<void> {
    // One transaction each: an event written by an earlier delivery fails only its own, which is then done.
    await Promise.all(
      events.map(async (event) => {
        try {
          await transactWrite(this.client, [outboxPut(COMPLAINTS_TABLE, this.table, event)], (cancellation) => new AlreadyEmitted('event emitted already', { cause: cancellation }));
        } catch (error) {
          if (!(error instanceof AlreadyEmitted)) throw error;
        }
      }),
    );
  }

  async communeExists(commune: string): Promise<boolean> {
    return (await loadReferenceSnapshot(this.client, this.referenceTable, { commune, years: [] })).commune !== undefined;
  }

  async publicRead(commune: string, ids: readonly string[]): Promise<{ communeExists: boolean; settings: ComplaintSettings; complaints: Complaint[] }> {
    const settingsKey = complaintsKeys.settings(commune);
    const reference = { commune, years: [] };
    const found = await batchGetEvery(this.client, {
      // BatchGetItem refuses a key asked twice.
      [this.table]: { Keys: [settingsKey, ...[...new Set(ids)].map((id) => complaintsKeys.complaint(id))] },
      [this.referenceTable]: { Keys: referenceKeysFor(reference) },
    });
    const items = found[this.table] ?? [];
    const stored = items.find((item) => item.pk === settingsKey.pk);
    return {
      communeExists: readReferenceSnapshot(found[this.referenceTable] ?? [], reference).commune !== undefined,
      settings: stored ? withoutKeys<ComplaintSettings>(stored) : defaultComplaintSettings(commune),
      complaints: items.filter((item) => item !== stored).map(toComplaint),
    };
  }

  jurisdictionRequests(
    commune: string,
    received: { from: Date; to: Date },
    filters: { statuses?: readonly ComplaintStatus[]; categories?: readonly string[] },
    page: PageRequest,
  ): Promise<Page<PublicComplaint>> {
    const index = COMPLAINTS_INDEXES.byJurisdiction;
    const partition = complaintsKeys.jurisdiction(commune);
    const conditions = [
      ...(filters.statuses ? [`#status IN (${filters.statuses.map((_, position) => `:s${position}`).join(', ')})`] : []),
      ...(filters.categories ? [`#category IN (${filters.categories.map((_, position) => `:c${position}`).join(', ')})`] : []),
    ];
    return pagedQuery(
      this.client,
      {
        input: {
          TableName: this.table,
          IndexName: index.name,
          // The sort keys start with the instant: `~` sorts after every `#<id>` that follows the upper one.
          KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
          ...(conditions.length > 0 && { FilterExpression: conditions.join(' AND ') }),
          ExpressionAttributeNames: { '#pk': index.partitionKey, '#sk': index.sortKey, ...(filters.statuses && { '#status': 'status' }), ...(filters.categories && { '#category': 'category' }) },
          ExpressionAttributeValues: {
            ':pk': partition,
            ':from': received.from.toISOString(),
            ':to': `${received.to.toISOString()}~`,
            ...Object.fromEntries((filters.statuses ?? []).map((status, position) => [`:s${position}`, status])),
            ...Object.fromEntries((filters.categories ?? []).map((category, position) => [`:c${position}`, category])),
          },
        },
        page,
        keyAttributes: ['pk', 'sk', index.partitionKey, index.sortKey],
        partition: { [index.partitionKey]: partition },
      },
      (item) => ({ id: complaintIdOf(item), ...Object.fromEntries(PUBLIC_ATTRIBUTES.filter((name) => item[name] !== undefined).map((name) => [name, item[name]])) }) as PublicComplaint,
    );
  }

  /**
   * Adds an event's counts to its collectivity's figures of the year, once: a marker of the event is written in the
   * same transaction, so a redelivered event finds it and adds nothing. Runs in the event consumer, never in a
   * citizen's transaction: the figures' item is the busiest item of a commune.
   */
  async count(event: DomainEvent<ComplaintCounted>): Promise<void> {
    const { commune, year, category, counts } = event.data;
    const additions = Object.fromEntries(Object.entries(counts).flatMap(([counter, amount]) => [[counter, amount], [complaintsKeys.categoryCounter(counter, category), amount]]));
    await addCountsOnce(this.client, this.table, {
      marker: complaintsKeys.counted(event.id),
      markerExpiresAt: Math.floor(Date.parse(event.occurredAt) / 1000) + COUNTED_MARKER_RETENTION_SECONDS,
      counters: complaintsKeys.figures(commune, year),
      additions,
      set: { commune, year },
    });
  }

  async figures(commune: string, year: number): Promise<{ totals: FigureCounts; byCategory: CategoryFigures[] } | undefined> {
    const output = await this.client.send(new GetCommand({ TableName: this.table, Key: complaintsKeys.figures(commune, year) }));
    if (!output.Item) return undefined;
    const item = output.Item;
    const countsOf = (name: (counter: string) => string) => Object.fromEntries(FIGURE_COUNTERS.map((counter) => [counter, Number(item[name(counter)] ?? 0)])) as FigureCounts;
    const categories = [...new Set(Object.keys(item).filter((name) => name.includes('@')).map((name) => name.slice(name.indexOf('@') + 1)))].sort();
    return { totals: countsOf((counter) => counter), byCategory: categories.map((category) => ({ category, ...countsOf((counter) => complaintsKeys.categoryCounter(counter, category)) })) };
  }

  async create(change: ComplaintChange, followUpDigest?: string): Promise<'created' | 'exists'> {
    const followUp = followUpDigest && { Put: { TableName: this.table, Item: { ...complaintsKeys.followUp(followUpDigest), complaintId: change.complaint.id }, ConditionExpression: 'attribute_not_exists(pk)' } };
    try {
      await transactWrite(
        this.client,
        [...this.changeWrites(change, NEW_RECORD), ...this.outboxWrites(change), ...(followUp ? [followUp] : [])],
        (cancellation) => new ComplaintExists('complaint exists', { cause: cancellation }),
      );
      return 'created';
    } catch (error) {
      if (error instanceof ComplaintExists) return 'exists';
      throw error;
    }
  }

  save(change: ComplaintChange): Promise<void> {
    return transactWrite(
      this.client,
      [...this.changeWrites(change, followsVersion(change.complaint.version)), ...this.outboxWrites(change)],
      (cancellation) => changedMeanwhile(change.complaint.id, cancellation),
    );
  }

  /** The change's events leave with it or not at all; what they cause happens in the event consumers. */
  private outboxWrites(change: ComplaintChange) {
    return (change.outbox ?? []).map((event) => outboxPut(COMPLAINTS_TABLE, this.table, event));
  }

  /** The complaint on `condition`, and its event, which is never overwritten. */
  private changeWrites({ complaint, event }: ComplaintChange, condition: WriteCondition) {
    return changeWrites(this.table, { ...complaintsKeys.complaint(complaint.id), ...complaintIndexAttributes(complaint), ...complaint }, { ...complaintsKeys.event(complaint.id, event.version), ...event }, condition);
  }

  async get(id: string): Promise<Complaint | undefined> {
    const output = await this.client.send(new GetCommand({ TableName: this.table, Key: complaintsKeys.complaint(id), ConsistentRead: true }));
    return output.Item ? toComplaint(output.Item) : undefined;
  }

  async getWithHolidays(id: string, years: readonly number[]): Promise<{ complaint: Complaint; holidays: ReadonlySet<string> } | undefined> {
    const found = await batchGetEvery(this.client, {
      [this.table]: { Keys: [complaintsKeys.complaint(id)], ConsistentRead: true },
      [this.referenceTable]: { Keys: referenceKeysFor({ years }) },
    });
    const item = found[this.table]?.[0];
    return item && { complaint: toComplaint(item), holidays: readReferenceSnapshot(found[this.referenceTable] ?? [], { years }).holidays };
  }

  history(id: string, page: PageRequest): Promise<Page<ComplaintEvent>> {
    const { pk, skPrefix } = complaintsKeys.history(id);
    return pagedPrefixQuery(this.client, { table: this.table, pk, skPrefix, page }, (item) => withoutKeys<ComplaintEvent>(item));
  }

  queue(commune: string, page: PageRequest): Promise<Page<QueueEntry>> {
    return pagedIndexQuery(this.client, { table: this.table, index: COMPLAINTS_INDEXES.byUnitQueue, partition: complaintsKeys.queue(commune), page }, (item) => {
      const { assignment, ...shown } = Object.fromEntries(QUEUE_ATTRIBUTES.filter((name) => item[name] !== undefined).map((name) => [name, item[name]])) as Record<string, unknown>;
      return { id: complaintIdOf(item), ...shown, ...(assignment !== undefined && { service: (assignment as Complaint['assignment'])!.service }) } as QueueEntry;
    });
  }

  mine(complainant: string, page: PageRequest): Promise<Page<OwnComplaint>> {
    return pagedIndexQuery(this.client, { table: this.table, index: COMPLAINTS_INDEXES.byComplainant, partition: complaintsKeys.complainant(complainant), page, descending: true }, (item) => ({
      id: complaintIdOf(item),
      ...Object.fromEntries(MINE_ATTRIBUTES.map((name) => [name, item[name]])),
    }) as OwnComplaint);
  }

  /** One shard at a time: the sweep reads the shards in parallel. */
  openDueBefore(shard: number, instant: Date, page: PageRequest): Promise<Page<string>> {
    return pagedIndexQuery(this.client, { table: this.table, index: COMPLAINTS_INDEXES.openByDue, partition: complaintsKeys.open(shard), page, sortKeyBelow: dueBeforeSortKey(instant) }, complaintIdOf);
  }

  /** One shard at a time: a recount reads the shards in parallel. */
  openDueFrom(shard: number, instant: Date, page: PageRequest): Promise<Page<string>> {
    return pagedIndexQuery(this.client, { table: this.table, index: COMPLAINTS_INDEXES.openByDue, partition: complaintsKeys.open(shard), page, sortKeyFrom: dueFromSortKey(instant) }, complaintIdOf);
  }

  async saveSettings(settings: ComplaintSettings): Promise<void> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...complaintsKeys.settings(settings.commune), ...settings },
          ConditionExpression: settings.version === 1 ? 'attribute_not_exists(pk)' : 'version = :previous',
          ...(settings.version > 1 && { ExpressionAttributeValues: { ':previous': settings.version - 1 } }),
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      throw new ConflictError(
        {
          ar: `غيّر مسير آخر إعدادات شكايات ${settings.commune} في اللحظة نفسها؛ أعيدوا تحميلها ثم حاولوا مجددا`,
          fr: `Un autre administrateur a modifié les réglages des réclamations de ${settings.commune} au même moment ; rechargez-les puis réessayez`,
          en: `Another administrator changed the complaints settings of ${settings.commune} at the same moment; reload them and try again`,
        },
        { cause: error },
      );
    }
  }
}

/** The create's transaction was refused: a complaint with its id is there, written by an earlier attempt. */
class ComplaintExists extends Error {}

/** The marker of an event counted was there: a redelivery, nothing to add. */

/** The outbox held the event already: an earlier delivery wrote it. */
class AlreadyEmitted extends Error {}
