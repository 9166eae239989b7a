// DynamoDB adapter of the transparency context: requests, their append-only history and the communes' settings
// in one table. Every change is one transaction: the request over the version it was read at, its event (never
// overwritten) and the events in its outbox.
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { batchGetEvery } from '../../shared/aws/batch-get.ts';
import { idOfInstantSortKey } from '../../shared/aws/instant-sort-key.ts';
import { withoutKeys } from '../../shared/aws/items.ts';
import { pagedIndexQuery, pagedPrefixQuery, type IndexKeys } from '../../shared/aws/paged-query.ts';
import { transactWrite } from '../../shared/aws/transact-write.ts';
import { putNextVersion } from '../../shared/aws/versioned-put.ts';
import { dueBeforeSortKey, dueFromSortKey } from '../../shared/case-clock/adapters/open-deadline-keys.ts';
import type { CaseClock } from '../../shared/case-clock/domain/case-clock.ts';
import { ConflictError } from '../../shared/errors/domain-errors.ts';
import { outboxPut } from '../../shared/events/outbox.ts';
import type { Page, PageRequest } from '../../shared/http/pagination.ts';
import { readReferenceSnapshot, referenceKeysFor } from '../../reference-data/public.ts';
import { loadReferenceSnapshot } from '../../reference-data/public-reader.ts';
import type { CommuneSnapshot, ComplaintSummary, RequestSummary, TransparencyRepository } from '../application/transparency.ports.ts';
import type { InternalComplaint } from '../domain/recourse.ts';
import type { BilingualName } from '../../shared/i18n/language.ts';
import type { InformationRequest, RequestChange, RequestEvent } from '../domain/information-request.ts';
import type { DisclosureEntry } from '../domain/disclosure-log.ts';
import { defaultTransparencySettings, type TransparencySettings } from '../domain/transparency-settings.ts';
import { changedMeanwhile } from '../domain/transparency-errors.ts';
import { requestCounted } from '../domain/request-figures.ts';
import {
  REQUEST_INDEX_ATTRIBUTES,
  TRANSPARENCY_INDEXES,
  TRANSPARENCY_TABLE,
  requestIndexAttributes,
  transparencyKeys,
} from './transparency-keys.ts';
import { changeWrites, followsVersion, NEW_RECORD, type WriteCondition } from '../../shared/aws/change-writes.ts';

type Item = Record<string, unknown>;

const requestIdOf = (item: Item) => String(item.pk).slice('REQUEST#'.length);

const toRequest = (item: Item) => withoutKeys<InformationRequest>(item, REQUEST_INDEX_ATTRIBUTES);

/** A summary from an index's copy of a request: its id is in the index sort key. */
function toSummary(item: Item, index: IndexKeys): RequestSummary {
  const clock = item.clock as CaseClock;
  return {
    id: idOfInstantSortKey(String(item[index.sortKey!])),
    commune: String(item.commune),
    channel: item.channel as RequestSummary['channel'],
    status: item.status as RequestSummary['status'],
    receivedAt: String(item.receivedAt),
    urgent: item.priority === 'urgent',
    dueDate: clock.dueDate,
    dueAt: clock.dueAt,
  };
}

export class DynamoDbTransparencyRepository implements TransparencyRepository {
  constructor(
    protected readonly client: DynamoDBDocumentClient,
    protected readonly table: string,
    /** Looked up when first read: only the functions that read reference data are given its table's name. */
    protected readonly referenceTableName: () => string,
  ) {}

  /** The commune and the holidays (reference data) and its settings (this table), in one BatchGetItem. */
  async communeSnapshot(commune: string, holidayYears: readonly number[]): Promise<CommuneSnapshot> {
    const reference = { commune, years: holidayYears };
    const settingsKey = transparencyKeys.settings(commune);
    const found = await batchGetEvery(this.client, {
      [this.table]: { Keys: [settingsKey], ConsistentRead: true },
      [this.referenceTableName()]: { Keys: referenceKeysFor(reference) },
    });
    const stored = found[this.table]?.[0];
    const snapshot = readReferenceSnapshot(found[this.referenceTableName()] ?? [], reference);
    return {
      communeExists: snapshot.commune !== undefined,
      settings: stored ? withoutKeys<TransparencySettings>(stored) : defaultTransparencySettings(commune),
      holidays: snapshot.holidays,
    };
  }

  async create(change: RequestChange): Promise<'created' | 'exists'> {
    try {
      await transactWrite(this.client, this.writesOf(change, NEW_RECORD), (cancellation) => new RequestExists(cancellation));
      return 'created';
    } catch (error) {
      if (error instanceof RequestExists) return 'exists';
      throw error;
    }
  }

  save(change: RequestChange): Promise<void> {
    return transactWrite(this.client, this.writesOf(change, followsVersion(change.request.version)), (cancellation) => changedMeanwhile(change.request.id, cancellation));
  }

  /** The request on `condition`, its event (never overwritten) and its outbox, together or not at all. */
  protected writesOf(made: RequestChange, condition: WriteCondition) {
    const { request, event, outbox } = made;
    // Every change the annual figures count emits, with it, what it adds to them.
    const counted = requestCounted(made);
    return [
      ...changeWrites(this.table, { ...transparencyKeys.request(request.id), ...requestIndexAttributes(request), ...request }, { ...transparencyKeys.event(request.id, event.version), ...event }, condition),
      ...[...(outbox ?? []), ...(counted ? [counted] : [])].map((domainEvent) => outboxPut(TRANSPARENCY_TABLE, this.table, domainEvent)),
    ];
  }

  async get(id: string): Promise<InformationRequest | undefined> {
    const output = await this.client.send(new GetCommand({ TableName: this.table, Key: transparencyKeys.request(id), ConsistentRead: true }));
    return output.Item ? toRequest(output.Item) : undefined;
  }

  /** One BatchGetItem: the request from this table, the holidays from reference data. */
  async requestWithHolidays(id: string, years: readonly number[]): Promise<{ request?: InformationRequest; holidays: ReadonlySet<string> }> {
    const reference = { years };
    const found = await batchGetEvery(this.client, {
      [this.table]: { Keys: [transparencyKeys.request(id)], ConsistentRead: true },
      [this.referenceTableName()]: { Keys: referenceKeysFor(reference) },
    });
    const stored = found[this.table]?.[0];
    return { ...(stored && { request: toRequest(stored) }), holidays: readReferenceSnapshot(found[this.referenceTableName()] ?? [], reference).holidays };
  }

  history(id: string, page: PageRequest): Promise<Page<RequestEvent>> {
    const { pk, skPrefix } = transparencyKeys.history(id);
    return pagedPrefixQuery(this.client, { table: this.table, pk, skPrefix, page }, (item) => withoutKeys<RequestEvent>(item));
  }

  queue(commune: string, page: PageRequest): Promise<Page<RequestSummary>> {
    const index = TRANSPARENCY_INDEXES.byCommuneQueue;
    return pagedIndexQuery(this.client, { table: this.table, index, partition: transparencyKeys.queue(commune), page }, (item) => toSummary(item, index));
  }

  complaints(commune: string, page: PageRequest): Promise<Page<ComplaintSummary>> {
    const index = TRANSPARENCY_INDEXES.byComplaintQueue;
    return pagedIndexQuery(this.client, { table: this.table, index, partition: transparencyKeys.complaints(commune), page }, (item) => {
      const complaint = item.internalComplaint as InternalComplaint;
      return {
        id: idOfInstantSortKey(String(item[index.sortKey])),
        commune: String(item.commune),
        receivedAt: String(item.receivedAt),
        filedAt: complaint.filedAt,
        answerDueDate: complaint.answerClock.dueDate,
        answerDueAt: complaint.answerClock.dueAt,
      };
    });
  }

  filedBy(sub: string, page: PageRequest): Promise<Page<RequestSummary>> {
    const index = TRANSPARENCY_INDEXES.byRequester;
    return pagedIndexQuery(this.client, { table: this.table, index, partition: transparencyKeys.requester(sub), page, descending: true }, (item) => toSummary(item, index));
  }

  disclosureLog(commune: string, page: PageRequest): Promise<Page<DisclosureEntry>> {
    const index = TRANSPARENCY_INDEXES.byDisclosure;
    return pagedIndexQuery(this.client, { table: this.table, index, partition: transparencyKeys.disclosures(commune), page, descending: true }, (item) => item.disclosure as DisclosureEntry);
  }

  /** One shard at a time: the sweep reads the shards in parallel. */
  openDueBefore(shard: number, instant: Date, page: PageRequest): Promise<Page<string>> {
    return pagedIndexQuery(
      this.client,
      { table: this.table, index: TRANSPARENCY_INDEXES.openByDue, partition: transparencyKeys.open(shard), page, sortKeyBelow: dueBeforeSortKey(instant) },
      requestIdOf,
    );
  }

  /** One shard at a time: a recount reads the shards in parallel. */
  openDueFrom(shard: number, instant: Date, page: PageRequest): Promise<Page<string>> {
    return pagedIndexQuery(
      this.client,
      { table: this.table, index: TRANSPARENCY_INDEXES.openByDue, partition: transparencyKeys.open(shard), page, sortKeyFrom: dueFromSortKey(instant) },
      requestIdOf,
    );
  }

  async communeNames(commune: string): Promise<BilingualName | undefined> {
    return (await loadReferenceSnapshot(this.client, this.referenceTableName(), { commune, years: [] })).commune?.names;
  }

  async holidays(years: readonly number[]): Promise<ReadonlySet<string>> {
    return (await loadReferenceSnapshot(this.client, this.referenceTableName(), { years })).holidays;
  }

  saveSettings(settings: TransparencySettings): Promise<void> {
    return putNextVersion(
      this.client,
      this.table,
      { ...transparencyKeys.settings(settings.commune), ...settings },
      (cause) =>
        new ConflictError(
          {
            ar: `غيّر مسير آخر إعدادات ${settings.commune} في اللحظة نفسها؛ أعيدوا تحميلها ثم حاولوا مجددا`,
            fr: `Un autre administrateur a modifié les réglages de ${settings.commune} au même moment ; rechargez-les puis réessayez`,
            en: `Another administrator changed the settings of ${settings.commune} at the same moment; reload them and try again`,
          },
          { cause },
        ),
    );
  }
}

/** The request's id is taken: an earlier attempt of the same opening wrote it. */
class RequestExists extends Error {
  constructor(cause: unknown) {
    super('request exists', { cause });
  }
}
