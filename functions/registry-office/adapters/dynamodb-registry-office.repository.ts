// DynamoDB adapter of the registry office: letters, their append-only history, the registers' counters and the
// settings in one table. A registration is one transaction: the counter moves from the sequence read to the
// letter's own, the letter and its first event are put; if anyone took that number first, nothing is written.
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { batchGetEvery } from '../../shared/aws/batch-get.ts';
import { withoutKeys } from '../../shared/aws/items.ts';
import { pagedIndexQuery, pagedPrefixQuery, pagedQuery, queryEveryPage, type IndexKeys } from '../../shared/aws/paged-query.ts';
import { transactWrite } from '../../shared/aws/transact-write.ts';
import { ConflictError } from '../../shared/errors/domain-errors.ts';
import type { Page, PageRequest } from '../../shared/http/pagination.ts';
import type { BilingualName } from '../../shared/i18n/language.ts';
import { readReferenceSnapshot, referenceKeysFor } from '../../reference-data/public.ts';
import { loadReferenceSnapshot } from '../../reference-data/public-reader.ts';
import type { Letter, LetterChange, LetterEvent } from '../domain/letter.ts';
import { changedMeanwhile } from '../domain/registry-office-errors.ts';
import type { Register } from '../domain/letter-number.ts';
import { defaultSettings, type RegistrySettings } from '../domain/registry-settings.ts';
import type { CreateOutcome, IssuedAcknowledgment, LetterStanding, OverdueLetter, RegistrationSnapshot, RegistryOfficeRepository } from '../application/registry-office.ports.ts';
import { dueBeforeSortKey, dueFromSortKey } from '../../shared/case-clock/adapters/open-deadline-keys.ts';
import { outboxPut } from '../../shared/events/outbox.ts';
import {
  LETTER_INDEX_ATTRIBUTES,
  REGISTRY_OFFICE_INDEXES,
  REGISTRY_OFFICE_TABLE,
  letterIndexAttributes,
  parseOverdueSortKey,
  registryOfficeKeys,
  stepItems,
} from './registry-office-keys.ts';
import { changeWrites, followsVersion, NEW_RECORD, type WriteCondition } from '../../shared/aws/change-writes.ts';

type Item = Record<string, unknown>;

const letterIdOf = (item: Item) => String(item.pk).slice('LETTER#'.length);

const toLetter = (item: Item) => withoutKeys<Letter>(item, LETTER_INDEX_ATTRIBUTES);

/** A change is written only over the version it was made from. */
export const versionCondition = ({ letter }: LetterChange) => followsVersion(letter.version);

/** Which write of a registration's transaction refused it. */
class RegistrationRefused extends Error {
  constructor(readonly outcome: Exclude<CreateOutcome, 'created'>) {
    super(outcome);
  }
}

export class DynamoDbRegistryOfficeRepository implements RegistryOfficeRepository {
  constructor(
    protected readonly client: DynamoDBDocumentClient,
    protected readonly table: string,
    /**
     * The reference table's name, asked for only by the reads that need reference data: a function granted no access
     * to it (a letter's read, its changes) has no such name in its environment, and never asks.
     */
    private readonly referenceTableName: () => string,
  ) {}

  async loadRegistration(commune: string, register: Register, year: number): Promise<RegistrationSnapshot> {
    const counterKey = registryOfficeKeys.counter(commune, register, year);
    const { communeExists, settings, items, holidays } = await this.readWithCommune(commune, [counterKey], [year, year + 1]);
    const counter = items.find((item) => item.pk === counterKey.pk && item.sk === counterKey.sk);
    return { communeExists, settings, lastSequence: Number(counter?.last ?? 0), holidays };
  }

  async loadSettings(commune: string): Promise<{ communeExists: boolean; settings: RegistrySettings }> {
    const { communeExists, settings } = await this.readWithCommune(commune, [], []);
    return { communeExists, settings };
  }

  /**
   * The commune and the holidays of `years` (from reference data), its registry settings and `keys` of this table,
   * in one BatchGetItem.
   */
  private async readWithCommune(commune: string, keys: readonly { pk: string; sk: string }[], years: readonly number[]) {
    const reference = { commune, years };
    const settingsKey = registryOfficeKeys.settings(commune);
    const items = await this.batchGet({ [this.table]: [settingsKey, ...keys], [this.referenceTableName()]: referenceKeysFor(reference) });
    const settings = items.find((item) => item.pk === settingsKey.pk && item.sk === settingsKey.sk);
    const snapshot = readReferenceSnapshot(items, reference);
    return {
      communeExists: snapshot.commune !== undefined,
      // Settings stored before the processing days were data have none: the defaults apply to them.
      settings: settings ? { ...defaultSettings(commune), ...withoutKeys<RegistrySettings>(settings) } : defaultSettings(commune),
      items,
      holidays: snapshot.holidays,
    };
  }

  /** Every item of `keys`, this table's read consistently (see batchGetEvery for the keys DynamoDB defers). */
  private async batchGet(keys: Readonly<Record<string, readonly Item[]>>): Promise<Item[]> {
    const requestItems = Object.fromEntries(
      Object.entries(keys).map(([table, tableKeys]) => [table, { Keys: [...tableKeys], ...(table === this.table && { ConsistentRead: true }) }]),
    );
    return Object.values(await batchGetEvery(this.client, requestItems)).flat();
  }

  async create(change: LetterChange, previousSequence: number, alongside?: LetterChange): Promise<CreateOutcome> {
    const { letter, event } = change;
    const counter = registryOfficeKeys.counter(letter.commune, letter.register, letter.year);
    try {
      await transactWrite(
        this.client,
        [
          {
            Update: {
              TableName: this.table,
              Key: counter,
              UpdateExpression: 'SET #last = :sequence',
              ConditionExpression: previousSequence === 0 ? 'attribute_not_exists(#last)' : '#last = :previous',
              ExpressionAttributeNames: { '#last': 'last' },
              ExpressionAttributeValues: { ':sequence': letter.sequence, ...(previousSequence > 0 && { ':previous': previousSequence }) },
            },
          },
          ...this.changeWrites({ letter, event }, NEW_RECORD),
          ...(alongside ? this.changeWrites(alongside, versionCondition(alongside)) : []),
          ...this.stepWrites(change, alongside),
          // Last, so that the positions above name the writes in a cancellation's reasons.
          ...this.outboxWrites(change, alongside),
        ],
        (cancellation) => {
          const refused = (position: number) => cancellation.CancellationReasons?.[position]?.Code === 'ConditionalCheckFailed';
          // In the order of the items above: the counter, the letter, its event, the letter alongside.
          return new RegistrationRefused(refused(1) ? 'letter-exists' : refused(3) ? 'changed-meanwhile' : 'sequence-taken');
        },
      );
      return 'created';
    } catch (error) {
      if (error instanceof RegistrationRefused) return error.outcome;
      // Other registrations held the counter through every attempt (TransactionConflict): the number is contended.
      if (error instanceof TransactionCanceledException) return 'sequence-taken';
      throw error;
    }
  }

  /** The changes' events leave with them or not at all; what they cause happens in the event consumers. */
  protected outboxWrites(...changes: (LetterChange | undefined)[]) {
    return changes.flatMap((change) => change?.outbox ?? []).map((event) => outboxPut(REGISTRY_OFFICE_TABLE, this.table, event));
  }

  /** The writes of a change: the letter on `condition`, and its event, which is never overwritten. */
  protected changeWrites({ letter, event }: LetterChange, condition: WriteCondition) {
    return changeWrites(this.table, { ...registryOfficeKeys.letter(letter.id), ...letterIndexAttributes(letter), ...letter }, { ...registryOfficeKeys.event(letter.id, event.version), ...event }, condition);
  }

  /** Each change rewrites the step items of its letter as it now stands, so the queues of awaited steps follow it. */
  private stepWrites(...changes: (LetterChange | undefined)[]) {
    return changes.flatMap((change) => (change ? stepItems(change.letter) : [])).map((item) => ({ Put: { TableName: this.table, Item: item } }));
  }

  save(change: LetterChange): Promise<void> {
    return transactWrite(
      this.client,
      [...this.changeWrites(change, versionCondition(change)), ...this.stepWrites(change), ...this.outboxWrites(change)],
      (cancellation) => changedMeanwhile(change.letter.number, cancellation),
    );
  }

  async get(id: string): Promise<Letter | undefined> {
    const output = await this.client.send(new GetCommand({ TableName: this.table, Key: registryOfficeKeys.letter(id), ConsistentRead: true }));
    return output.Item ? toLetter(output.Item) : undefined;
  }

  async getWithAcknowledgment(id: string): Promise<{ letter: Letter; acknowledgment?: IssuedAcknowledgment } | undefined> {
    const { pk, skPrefix } = registryOfficeKeys.letterAndAcknowledgment(id);
    const output = await this.client.send(
      new QueryCommand({ TableName: this.table, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)', ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix }, ConsistentRead: true }),
    );
    const items = output.Items ?? [];
    const letter = items.find((item) => item.sk === registryOfficeKeys.letter(id).sk);
    const acknowledgment = items.find((item) => item.sk === registryOfficeKeys.acknowledgment(id).sk);
    if (!letter) return undefined;
    return { letter: toLetter(letter), ...(acknowledgment && { acknowledgment: { number: String(acknowledgment.number), issuedAt: String(acknowledgment.issuedAt) } }) };
  }

  async recordAcknowledgment(letterId: string, acknowledgment: IssuedAcknowledgment): Promise<void> {
    await this.client.send(new PutCommand({ TableName: this.table, Item: { ...registryOfficeKeys.acknowledgment(letterId), ...acknowledgment } }));
  }

  awaitingSteps(commune: string, sub: string, page: PageRequest): Promise<Page<Letter>> {
    // The step items' keys are the letters' partitions: their letter items are read.
    return this.lettersOf(
      pagedIndexQuery(this.client, { table: this.table, index: REGISTRY_OFFICE_INDEXES.byAwaitingStep, partition: registryOfficeKeys.awaiting(commune, sub), page }, (item) =>
        registryOfficeKeys.letter(letterIdOf(item)),
      ),
    );
  }

  async deadlineBasis(commune: string, years: readonly number[]): Promise<{ settings: RegistrySettings; holidays: ReadonlySet<string> }> {
    const { settings, holidays } = await this.readWithCommune(commune, [], years);
    return { settings, holidays };
  }

  async letterWithCommune(id: string): Promise<{ letter: Letter; commune: { code: string; names: BilingualName } } | undefined> {
    const letter = await this.get(id);
    if (!letter) return undefined;
    const { commune } = await loadReferenceSnapshot(this.client, this.referenceTableName(), { commune: letter.commune, years: [] });
    // A letter is numbered only in a commune reference data holds, and communes are never removed from it.
    if (!commune) throw new Error(`Commune ${letter.commune} of letter ${id} is not in reference data`);
    return { letter, commune: { code: commune.code, names: commune.names } };
  }

  history(id: string, page: PageRequest): Promise<Page<LetterEvent>> {
    const { pk, skPrefix } = registryOfficeKeys.history(id);
    return pagedPrefixQuery(this.client, { table: this.table, pk, skPrefix, page }, (item) => withoutKeys<LetterEvent>(item));
  }

  register(commune: string, register: Register, year: number, page: PageRequest): Promise<Page<Letter>> {
    return this.listIndex(REGISTRY_OFFICE_INDEXES.byRegister, registryOfficeKeys.register(commune, register, year), page);
  }

  queue(commune: string, service: string, page: PageRequest): Promise<Page<Letter>> {
    return this.listIndex(REGISTRY_OFFICE_INDEXES.byServiceQueue, registryOfficeKeys.queue(commune, service), page);
  }

  /** One shard at a time: the sweep reads the shards in parallel. */
  openDueBefore(shard: number, instant: Date, page: PageRequest): Promise<Page<string>> {
    return pagedIndexQuery(
      this.client,
      { table: this.table, index: REGISTRY_OFFICE_INDEXES.openByDue, partition: registryOfficeKeys.open(shard), page, sortKeyBelow: dueBeforeSortKey(instant) },
      letterIdOf,
    );
  }

  /** One shard at a time: a recount reads the shards in parallel. */
  openDueFrom(shard: number, instant: Date, page: PageRequest): Promise<Page<string>> {
    return pagedIndexQuery(
      this.client,
      { table: this.table, index: REGISTRY_OFFICE_INDEXES.openByDue, partition: registryOfficeKeys.open(shard), page, sortKeyFrom: dueFromSortKey(instant) },
      letterIdOf,
    );
  }

  async putSearchEntries(letter: Letter, tokens: readonly string[]): Promise<void> {
    // One PutItem each, in parallel: a retried delivery writes the same items again.
    await Promise.all(
      tokens.map((token) => this.client.send(new PutCommand({ TableName: this.table, Item: { ...registryOfficeKeys.searchEntry(letter, token), letterId: letter.id, tokens: [...tokens] } }))),
    );
  }

  async search(
    place: { commune: string; year: number },
    tokens: { read: string; filters: readonly string[] },
    received: { from?: Date; to?: Date },
    page: PageRequest,
  ): Promise<Page<Letter>> {
    const pk = registryOfficeKeys.search(place.commune, place.year, tokens.read);
    // The sort keys start with the instant: `~` sorts after every `#<id>` that follows the upper instant.
    const from = received.from?.toISOString() ?? '0';
    const to = received.to ? `${received.to.toISOString()}~` : '~';
    const filters = tokens.filters.map((_, index) => `contains(#tokens, :t${index})`);
    const entries = await pagedQuery(
      this.client,
      {
        input: {
          TableName: this.table,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          ...(filters.length > 0 && { FilterExpression: filters.join(' AND '), ExpressionAttributeNames: { '#tokens': 'tokens' } }),
          ExpressionAttributeValues: { ':pk': pk, ':from': from, ':to': to, ...Object.fromEntries(tokens.filters.map((token, index) => [`:t${index}`, token])) },
          ScanIndexForward: false,
        },
        page,
        keyAttributes: ['pk', 'sk'],
        partition: { pk },
      },
      (item) => registryOfficeKeys.letter(String(item.letterId)),
    );
    return this.lettersOf(entries);
  }

  async letterByNumber(commune: string, number: string): Promise<Letter | undefined> {
    const key = await this.numbered(commune, number);
    return key ? this.get(letterIdOf(key)) : undefined;
  }

  /** The `byNumber` index's copy of the letter with this number in the commune: its keys and its standing. */
  private async numbered(commune: string, number: string): Promise<Item | undefined> {
    const output = await this.client.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: REGISTRY_OFFICE_INDEXES.byNumber.name,
        KeyConditionExpression: 'numberPk = :number',
        ExpressionAttributeValues: { ':number': registryOfficeKeys.number(commune, number) },
        Limit: 1,
      }),
    );
    return output.Items?.[0];
  }

  async holidays(years: readonly number[]): Promise<ReadonlySet<string>> {
    return (await loadReferenceSnapshot(this.client, this.referenceTableName(), { years })).holidays;
  }

  /** Every page: the list is what the counts are made of. */
  async overdue(commune: string): Promise<OverdueLetter[]> {
    const index = REGISTRY_OFFICE_INDEXES.overdueByCommune;
    const items = await queryEveryPage(this.client, {
      TableName: this.table,
      IndexName: index.name,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': index.partitionKey },
      ExpressionAttributeValues: { ':pk': registryOfficeKeys.overdue(commune) },
    });
    return items.map((item) => ({ ...parseOverdueSortKey(String(item[index.sortKey])), number: String(item.number) }));
  }

  /** A page of a keys-only index, then its letters in one BatchGetItem, in the index's order. */
  private async listIndex(index: IndexKeys, partition: string, page: PageRequest): Promise<Page<Letter>> {
    return this.lettersOf(await pagedIndexQuery(this.client, { table: this.table, index, partition, page }, (item) => ({ pk: String(item.pk), sk: String(item.sk) })));
  }

  /** The letters of a page of their keys, in one BatchGetItem, in the page's order. */
  private async lettersOf(keysRead: Page<{ pk: string; sk: string }> | Promise<Page<{ pk: string; sk: string }>>): Promise<Page<Letter>> {
    const keys = await keysRead;
    if (keys.items.length === 0) return { ...keys, items: [] };
    const found = new Map((await this.batchGet({ [this.table]: keys.items })).map((item) => [String(item.pk), toLetter(item)]));
    return { ...keys, items: keys.items.flatMap((key) => found.get(key.pk) ?? []) };
  }

  async standingOf(commune: string, number: string): Promise<LetterStanding | undefined> {
    const item = await this.numbered(commune, number);
    if (!item) return undefined;
    const cancellation = item.cancellation as Letter['cancellation'];
    const answer = item.answer as Letter['answer'];
    return {
      number: String(item.number),
      commune: String(item.commune),
      register: item.register as Register,
      receivedAt: String(item.receivedAt),
      status: item.status as Letter['status'],
      ...(typeof item.lookupCodeDigest === 'string' && { lookupCodeDigest: item.lookupCodeDigest }),
      ...(cancellation && { cancellationReason: cancellation.reason }),
      ...(answer && { answerNumber: answer.number }),
    };
  }

  /** The current settings on the version read, and the same values kept as that version's history item. */
  saveSettings(settings: RegistrySettings): Promise<void> {
    return transactWrite(
      this.client,
      [
        {
          Put: {
            TableName: this.table,
            Item: { ...registryOfficeKeys.settings(settings.commune), ...settings },
            ConditionExpression: settings.version === 1 ? 'attribute_not_exists(pk)' : 'version = :previous',
            ...(settings.version > 1 && { ExpressionAttributeValues: { ':previous': settings.version - 1 } }),
          },
        },
        { Put: { TableName: this.table, Item: { ...registryOfficeKeys.settingsVersion(settings.commune, settings.version), ...settings }, ConditionExpression: 'attribute_not_exists(pk)' } },
      ],
      (cancellation) =>
        new ConflictError(
          {
            ar: `غيّر مسير آخر إعدادات ${settings.commune} في اللحظة نفسها؛ أعيدوا تحميلها ثم حاولوا مجددا`,
            fr: `Un autre administrateur a modifié les réglages de ${settings.commune} au même moment ; rechargez-les puis réessayez`,
            en: `Another administrator changed the settings of ${settings.commune} at the same moment; reload them and try again`,
          },
          { cause: cancellation },
        ),
    );
  }

  settingsHistory(commune: string, page: PageRequest): Promise<Page<RegistrySettings>> {
    const { pk, skPrefix } = registryOfficeKeys.settingsHistory(commune);
    return pagedPrefixQuery(this.client, { table: this.table, pk, skPrefix, page }, (item) => withoutKeys<RegistrySettings>(item));
  }
}
