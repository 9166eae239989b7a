// The councils table on DynamoDB: one BatchGetItem reads what a request needs (the body, its settings, the session
// or deliberation it names, the year's counter, and the holidays and the body's collectivity from reference data),
// and each change is one transaction written over the version it was read at, with its history event and its outbox
// events.
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { readReferenceSnapshot, referenceKeysFor, type ReferenceSnapshot } from '../../reference-data/public.ts';
import { loadReferenceSnapshot } from '../../reference-data/public-reader.ts';
import { dueBeforeSortKey, dueFromSortKey, openDeadlinePartition } from '../../shared/case-clock/adapters/open-deadline-keys.ts';
import { parseControlSubject, type ControlCase } from '../domain/control-clocks.ts';
import { batchGetEvery } from '../../shared/aws/batch-get.ts';
import { changeWrites, followsVersion, NEW_RECORD } from '../../shared/aws/change-writes.ts';
import { withoutKeys } from '../../shared/aws/items.ts';
import { pagedIndexQuery, queryEveryPage } from '../../shared/aws/paged-query.ts';
import { transactWrite } from '../../shared/aws/transact-write.ts';
import { ConflictError } from '../../shared/errors/domain-errors.ts';
import type { DomainEvent } from '../../shared/events/domain-event.ts';
import { outboxPut } from '../../shared/events/outbox.ts';
import type { Page, PageRequest } from '../../shared/http/pagination.ts';
import type { PaperRead, PapersRepository } from '../application/agenda-papers.use-cases.ts';
import type { BodyContext, BodyContextRequest, CouncilsRepository, HistoryEntry } from '../application/councils.ports.ts';
import { collectivityRequest, type CouncilBody } from '../domain/council-body.ts';
import type { CouncilSettings } from '../domain/council-settings.ts';
import type { ConvocationRecord } from '../domain/convocation.ts';
import type { Deliberation, DeliberationChange } from '../domain/deliberation.ts';
import type { Session, SessionChange } from '../domain/session.ts';
import { bodyListAttributes, controlSubjectOfKey, COUNCILS_INDEXES, COUNCILS_TABLE, councilsKeys, deliberationListAttributes, LIST_ATTRIBUTES, sessionListAttributes } from './councils-keys.ts';

type Item = Record<string, unknown>;

const overtaken = (cause: unknown) =>
  new ConflictError(
    {
      ar: 'غيّر مستخدم آخر هذا الملف في اللحظة نفسها؛ أعيدوا تحميله ثم حاولوا مجددا',
      fr: 'Quelqu’un a modifié ce dossier au même moment ; rechargez-le puis réessayez',
      en: 'Someone changed this record at the same moment; reload it and try again',
    },
    { cause },
  );

class AlreadyWritten extends Error {}

/** The holidays of the snapshot, and what it found of the body's collectivity when that was asked for. */
function snapshotParts(snapshot: ReferenceSnapshot | undefined, collectivity: boolean): Pick<BodyContext, 'holidays' | 'collectivity'> {
  if (!snapshot) return { holidays: new Set() };
  const { commune, province, region, holidays } = snapshot;
  return { holidays, ...(collectivity && { collectivity: { ...(commune && { commune }), ...(province && { province }), ...(region && { region }) } }) };
}

export class DynamoDbCouncilsRepository implements CouncilsRepository, PapersRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly referenceTableName: () => string,
  ) {}

  async bodyContext(body: string, request: BodyContextRequest): Promise<BodyContext> {
    const keys = [
      councilsKeys.body(body),
      councilsKeys.settings(body),
      ...(request.sessionId ? [councilsKeys.session(request.sessionId)] : []),
      ...(request.deliberationId ? [councilsKeys.deliberation(request.deliberationId)] : []),
      ...(request.counterYear ? [councilsKeys.counter(body, request.counterYear)] : []),
      ...(request.convocation ? [councilsKeys.convocation(request.convocation.sessionId, request.convocation.round, request.convocation.member)] : []),
    ];
    // The holidays and the body's collectivity come from reference data in the same BatchGetItem.
    const collectivity = request.collectivity ? collectivityRequest(request.collectivity, body) : undefined;
    const years = request.holidayYears ?? [];
    const reference = years.length > 0 || collectivity ? { years, ...collectivity } : undefined;
    const found = await batchGetEvery(this.client, {
      [this.table]: { Keys: keys, ConsistentRead: true },
      ...(reference && { [this.referenceTableName()]: { Keys: referenceKeysFor(reference) } }),
    });
    const items = found[this.table] ?? [];
    const find = (key: { pk: string; sk: string }) => items.find((item) => item.pk === key.pk && item.sk === key.sk);
    const bodyItem = find(councilsKeys.body(body));
    const settings = find(councilsKeys.settings(body));
    const session = request.sessionId ? find(councilsKeys.session(request.sessionId)) : undefined;
    const deliberation = request.deliberationId ? find(councilsKeys.deliberation(request.deliberationId)) : undefined;
    const counter = request.counterYear ? find(councilsKeys.counter(body, request.counterYear)) : undefined;
    const convocation = request.convocation ? find(councilsKeys.convocation(request.convocation.sessionId, request.convocation.round, request.convocation.member)) : undefined;
    return {
      ...(bodyItem && { body: withoutKeys<CouncilBody>(bodyItem, LIST_ATTRIBUTES) }),
      ...(settings && { settings: withoutKeys<CouncilSettings>(settings) }),
      ...(session && session.body === body && { session: withoutKeys<Session>(session, LIST_ATTRIBUTES) }),
      ...(deliberation && deliberation.body === body && { deliberation: withoutKeys<Deliberation>(deliberation, LIST_ATTRIBUTES) }),
      ...(counter && { counter: counter.last as number }),
      ...(convocation && convocation.body === body && { convocation: withoutKeys<ConvocationRecord>(convocation) }),
      ...snapshotParts(reference && readReferenceSnapshot(found[this.referenceTableName()] ?? [], reference), collectivity !== undefined),
    };
  }

  saveBody(body: CouncilBody, event: HistoryEntry): Promise<void> {
    const record = { ...councilsKeys.body(body.id), ...body, ...bodyListAttributes(body) };
    const condition = body.version === 1 ? NEW_RECORD : followsVersion(body.version);
    return transactWrite(this.client, changeWrites(this.table, record, { ...councilsKeys.bodyEvent(body.id, body.version), ...event }, condition), overtaken);
  }

  saveSettings(settings: CouncilSettings, event: HistoryEntry): Promise<void> {
    const record = { ...councilsKeys.settings(settings.body), ...settings };
    const condition = settings.version === 1 ? NEW_RECORD : followsVersion(settings.version);
    return transactWrite(this.client, changeWrites(this.table, record, { ...councilsKeys.settingsEvent(settings.body, settings.version), ...event }, condition), overtaken);
  }

  private sessionWrites(change: SessionChange) {
    const { session, event } = change;
    const record = { ...councilsKeys.session(session.id), ...session, ...sessionListAttributes(session) };
    return [
      ...changeWrites(this.table, record, { ...councilsKeys.sessionEvent(session.id, event.version), ...event }, session.version === 1 ? NEW_RECORD : followsVersion(session.version)),
      ...change.outbox.map((outbox) => outboxPut(COUNCILS_TABLE, this.table, outbox)),
    ];
  }

  private deliberationWrites(change: DeliberationChange) {
    const { deliberation, event } = change;
    const record = { ...councilsKeys.deliberation(deliberation.id), ...deliberation, ...deliberationListAttributes(deliberation) };
    return [
      ...changeWrites(this.table, record, { ...councilsKeys.deliberationEvent(deliberation.id, event.version), ...event }, deliberation.version === 1 ? NEW_RECORD : followsVersion(deliberation.version)),
      ...change.outbox.map((outbox) => outboxPut(COUNCILS_TABLE, this.table, outbox)),
    ];
  }

  async saveSession(change: SessionChange): Promise<'saved' | 'exists'> {
    try {
      await transactWrite(this.client, this.sessionWrites(change), (cause) => (change.session.version === 1 ? new AlreadyWritten() : overtaken(cause)));
      return 'saved';
    } catch (error) {
      if (error instanceof AlreadyWritten) return 'exists';
      throw error;
    }
  }

  private paperReadItem(read: PaperRead) {
    return { ...councilsKeys.paperRead(read.sessionId, read.itemNumber, read.paperId, read.at, read.by.sub), ...read };
  }

  async recordPaperRead(read: PaperRead): Promise<void> {
    await this.client.send(new PutCommand({ TableName: this.table, Item: this.paperReadItem(read) }));
  }

  saveSessionWithPaperRead(change: SessionChange, read: PaperRead): Promise<void> {
    return transactWrite(this.client, [...this.sessionWrites(change), { Put: { TableName: this.table, Item: this.paperReadItem(read) } }], overtaken);
  }

  saveDecision(session: SessionChange, deliberation: DeliberationChange, sequence: number): Promise<void> {
    const counter = {
      Update: {
        TableName: this.table,
        Key: councilsKeys.counter(session.session.body, deliberation.deliberation.year),
        UpdateExpression: 'SET #last = :next',
        ConditionExpression: sequence === 1 ? 'attribute_not_exists(#last)' : '#last = :previous',
        ExpressionAttributeNames: { '#last': 'last' },
        ExpressionAttributeValues: { ':next': sequence, ...(sequence > 1 && { ':previous': sequence - 1 }) },
      },
    };
    return transactWrite(this.client, [...this.sessionWrites(session), counter, ...this.deliberationWrites(deliberation)], overtaken);
  }

  saveDeliberation(change: DeliberationChange): Promise<void> {
    return transactWrite(this.client, this.deliberationWrites(change), overtaken);
  }

  async session(id: string): Promise<Session | undefined> {
    const output = await this.client.send(new GetCommand({ TableName: this.table, Key: councilsKeys.session(id) }));
    return output.Item ? withoutKeys<Session>(output.Item, LIST_ATTRIBUTES) : undefined;
  }

  async convokedMembers(sessionId: string, round: number): Promise<ReadonlySet<string>> {
    const { pk, sk } = councilsKeys.convocation(sessionId, round, '');
    const items = await queryEveryPage(this.client, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :round)',
      ExpressionAttributeValues: { ':pk': pk, ':round': sk },
      ProjectionExpression: '#member',
      ExpressionAttributeNames: { '#member': 'member' },
      ConsistentRead: true,
    });
    return new Set(items.map((item) => item.member as string));
  }

  private async storedConvocation(sessionId: string, round: number, member: string): Promise<ConvocationRecord | undefined> {
    const output = await this.client.send(new GetCommand({ TableName: this.table, Key: councilsKeys.convocation(sessionId, round, member), ConsistentRead: true }));
    return output.Item ? withoutKeys<ConvocationRecord>(output.Item) : undefined;
  }

  async putConvocation(record: ConvocationRecord, notification: DomainEvent | undefined): Promise<'sent' | 'exists'> {
    try {
      await transactWrite(
        this.client,
        [
          { Put: { TableName: this.table, Item: { ...councilsKeys.convocation(record.sessionId, record.round, record.member), ...record }, ConditionExpression: 'attribute_not_exists(pk)' } },
          ...(notification ? [outboxPut(COUNCILS_TABLE, this.table, notification)] : []),
        ],
        () => new AlreadyWritten(),
      );
      return 'sent';
    } catch (error) {
      if (error instanceof AlreadyWritten) return 'exists';
      throw error;
    }
  }

  async recordReading(record: ConvocationRecord): Promise<ConvocationRecord> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.table,
          Key: councilsKeys.convocation(record.sessionId, record.round, record.member),
          UpdateExpression: 'SET #read = :read',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#read)',
          ExpressionAttributeNames: { '#read': 'read' },
          ExpressionAttributeValues: { ':read': record.read },
        }),
      );
      return record;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      return (await this.storedConvocation(record.sessionId, record.round, record.member)) ?? record;
    }
  }

  async controlCase(subject: string): Promise<ControlCase | undefined> {
    const named = parseControlSubject(subject);
    if (!named) return undefined;
    const key = named.kind === 'session' ? councilsKeys.session(named.id) : councilsKeys.deliberation(named.id);
    const output = await this.client.send(new GetCommand({ TableName: this.table, Key: key, ConsistentRead: true }));
    if (!output.Item) return undefined;
    return named.kind === 'session' ? { kind: 'session', session: withoutKeys<Session>(output.Item, LIST_ATTRIBUTES) } : { kind: 'deliberation', deliberation: withoutKeys<Deliberation>(output.Item, LIST_ATTRIBUTES) };
  }

  async deliberationsByIds(ids: readonly string[]): Promise<Deliberation[]> {
    if (ids.length === 0) return [];
    const found = await batchGetEvery(this.client, { [this.table]: { Keys: ids.map((id) => councilsKeys.deliberation(id)), ConsistentRead: true } });
    return (found[this.table] ?? []).map((item) => withoutKeys<Deliberation>(item, LIST_ATTRIBUTES));
  }

  async holidays(years: readonly number[]): Promise<ReadonlySet<string>> {
    return (await loadReferenceSnapshot(this.client, this.referenceTableName(), { years })).holidays;
  }

  /** One shard at a time: the sweep reads the shards in parallel. */
  openDueBefore(shard: number, instant: Date, page: PageRequest): Promise<Page<string>> {
    const query = { table: this.table, index: COUNCILS_INDEXES.openByDue, partition: openDeadlinePartition(shard), page, sortKeyBelow: dueBeforeSortKey(instant) };
    return pagedIndexQuery(this.client, query, (item) => controlSubjectOfKey(String(item.pk)));
  }

  /** One shard at a time: a recount reads the shards in parallel. */
  openDueFrom(shard: number, instant: Date, page: PageRequest): Promise<Page<string>> {
    const query = { table: this.table, index: COUNCILS_INDEXES.openByDue, partition: openDeadlinePartition(shard), page, sortKeyFrom: dueFromSortKey(instant) };
    return pagedIndexQuery(this.client, query, (item) => controlSubjectOfKey(String(item.pk)));
  }

  bodies(page: PageRequest): Promise<Page<CouncilBody>> {
    return this.list(councilsKeys.bodies(), page, (item) => withoutKeys<CouncilBody>(item, LIST_ATTRIBUTES));
  }

  sessions(body: string, page: PageRequest): Promise<Page<Session>> {
    return this.list(councilsKeys.sessions(body), page, (item) => withoutKeys<Session>(item, LIST_ATTRIBUTES));
  }

  deliberations(body: string, page: PageRequest): Promise<Page<Deliberation>> {
    return this.list(councilsKeys.deliberations(body), page, (item) => withoutKeys<Deliberation>(item, LIST_ATTRIBUTES));
  }

  private list<T>(partition: string, page: PageRequest, map: (item: Item) => T): Promise<Page<T>> {
    return pagedIndexQuery(this.client, { table: this.table, index: COUNCILS_INDEXES.byList, partition, page }, map);
  }
}
