// DynamoDB adapter of the civil-status port: acts, their actions, search entries, the claims on legacy
// references and civil identifiers, and the access log, in one table. A registration writes its claims and the act
// (which carries its event); its first action and search entries follow from the event.
import { ConditionalCheckFailedException, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient, type PutCommandInput, type UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { batchPutEvery } from '../../shared/aws/batch-write.ts';
import { CARRIED_EVENTS_ATTRIBUTE, carriedEvents, eventsCarriedBy } from '../../shared/events/outbox.ts';
import { ACT_REGISTERED, actRegistered, type ActRegistered } from '../domain/act-events.ts';
import { withoutKeys } from '../../shared/aws/items.ts';
import { pagedIndexQuery, pagedPrefixQuery, pagedQuery, withLatestEntry } from '../../shared/aws/paged-query.ts';
import { transactWrite } from '../../shared/aws/transact-write.ts';
import { ConflictError, InvalidStateError, NotFoundError } from '../../shared/errors/domain-errors.ts';
import type { Page } from '../../shared/http/pagination.ts';
import type { ActRead, ActSummary, CivilStatusRepository, NameKey, PageRequest } from '../application/civil-status.ports.ts';
import type { ActAction, ActChange, CivilAct } from '../domain/civil-act.ts';
import type { MarginalNote } from '../domain/marginal-note.ts';
import { pageStoredForGood, type RegisterPage } from '../domain/register-page.ts';
import { CIVIL_STATUS_INDEXES, civilStatusKeys } from './civil-status-keys.ts';

type Item = Record<string, unknown>;

const ACT_INDEX_ATTRIBUTES = [CIVIL_STATUS_INDEXES.byCivilId.partitionKey, CARRIED_EVENTS_ATTRIBUTE];

/** How old a legacy claim without its act must be before another registration takes it over. */
const ABANDONED_CLAIM_MS = 60_000;
const NOTE_INDEX_ATTRIBUTES = ['inboxPk', 'outboxPk', 'deadLetterPk'];
const SEARCH_INDEX_ATTRIBUTES = [CIVIL_STATUS_INDEXES.byName.partitionKey, CIVIL_STATUS_INDEXES.byName.sortKey];

/** Which of the claims in a cancelled creation was taken, from the transaction's per-item reasons. */
export class ActClaimTakenError extends ConflictError {
  constructor(
    readonly taken: 'act' | 'legacy-reference' | 'civil-id',
    options: { cause?: unknown } = {},
  ) {
    super(CLAIM_TAKEN[taken], options);
  }
}

const CLAIM_TAKEN = {
  'legacy-reference': {
    ar: 'يوجد عقد آخر بنفس المكتب والسنة والسجل والرقم',
    fr: 'Un autre acte porte déjà ce bureau, cette année, ce registre et ce numéro',
    en: 'Another act already has this office, year, register and number',
  },
  'civil-id': {
    ar: 'المعرف المدني المسحوب لهذا العقد مستعمل من قبل',
    fr: "L'identifiant civil tiré pour cet acte est déjà attribué",
    en: 'The civil identifier drawn for this act is already taken',
  },
  act: { ar: 'يوجد عقد بهذا المعرف من قبل', fr: 'Un acte portant cet identifiant existe déjà', en: 'An act with this id already exists' },
} as const;

/** A note as stored: in its sender's outbox, and in its target's inbox once delivered. */
function noteItem(note: MarginalNote): Item {
  return {
    ...civilStatusKeys.note(note.noteId),
    ...note,
    outboxPk: civilStatusKeys.outbox(note.sourceOffice),
    ...(note.status === 'delivered' && { inboxPk: civilStatusKeys.inbox(note.targetOffice) }),
  };
}

const noteExists = (noteId: string) => ({ ar: `الإشارة ${noteId} موجودة من قبل`, fr: `La mention ${noteId} existe déjà`, en: `Note ${noteId} exists already` });

function summaryOf(act: CivilAct): ActSummary {
  const { givenName, familyName, sex, birthDate, father, mother, civilId } = act.person;
  return {
    actId: act.id,
    type: act.type,
    office: act.office,
    legacy: act.legacy,
    person: { givenName, familyName, sex, birthDate, ...(father && { father }), ...(mother && { mother }), ...(civilId && { civilId }) },
  };
}

/** The access-log entry of one read (also written by other services inside their own transactions). */
export function actReadItem(read: ActRead): Record<string, unknown> {
  return { ...civilStatusKeys.accessEntry(read.actId, read.at, read.requestId), ...read };
}

export class DynamoDbCivilStatusRepository implements CivilStatusRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  /**
   * Registers an act in three conditional writes, each billed 1 unit per started kilobyte (a transaction bills 2 per
   * item): the legacy reference's claim (for this act id: a retry of the same registration passes it), the civil
   * identifier's claim, then the act, which carries its registration's event; the registration's consumer writes the
   * first action, the search entries and the parent-link requests from it (`recordRegistration`). A registration
   * that stops between its writes leaves a claim without its act: an identifier claimed for nothing (never given),
   * or a legacy reference that a later registration takes over once its claim is a minute old.
   */
  async create(change: ActChange, linkRequests: readonly MarginalNote[]): Promise<void> {
    const { act } = change;
    const civilId = act.type === 'birth' ? act.person.civilId : undefined;
    await this.claimLegacyReference(act);
    if (civilId) {
      await this.putClaim('civil-id', { ...civilStatusKeys.civilId(civilId), actId: act.id }, { ConditionExpression: 'attribute_not_exists(pk)' });
    }
    await this.putClaim(
      'act',
      { ...civilStatusKeys.act(act.id), ...act, ...(civilId && { civilIdPk: civilStatusKeys.civilIdIndex(civilId) }), ...carriedEvents([actRegistered(change, linkRequests)]) },
      { ConditionExpression: 'attribute_not_exists(pk)' },
    );
  }

  private async putClaim(taken: ActClaimTakenError['taken'], item: Item, condition: Pick<PutCommandInput, 'ConditionExpression' | 'ExpressionAttributeValues' | 'ReturnValuesOnConditionCheckFailure'>): Promise<void> {
    try {
      await this.client.send(new PutCommand({ TableName: this.table, Item: item, ...condition }));
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw new ActClaimTakenError(taken, { cause: error });
      throw error;
    }
  }

  private async claimLegacyReference(act: CivilAct): Promise<void> {
    const claim = { ...civilStatusKeys.legacy(act.legacy), actId: act.id, claimedAt: act.registeredAt };
    try {
      await this.putClaim('legacy-reference', claim, {
        ConditionExpression: 'attribute_not_exists(pk) OR actId = :actId',
        ExpressionAttributeValues: { ':actId': act.id },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      });
    } catch (error) {
      const failed = (error as ActClaimTakenError).cause as ConditionalCheckFailedException | undefined;
      const holder = failed?.Item ? unmarshall(failed.Item as Record<string, AttributeValue>) : undefined;
      // Claims made before 2026-12-03 (in the act's transaction) have no date: their act exists.
      const claimedAt = typeof holder?.claimedAt === 'string' ? Date.parse(holder.claimedAt) : undefined;
      const abandoned = claimedAt !== undefined && Date.parse(act.registeredAt) - claimedAt > ABANDONED_CLAIM_MS && !(await this.get(String(holder!.actId)));
      if (!abandoned) throw error;
      await this.putClaim('legacy-reference', claim, { ConditionExpression: 'actId = :abandoned', ExpressionAttributeValues: { ':abandoned': holder!.actId } });
    }
  }

  /** Deletes the legacy claim `act`'s registration made, if it is still that one (same act, same instant). */
  async releaseLegacyClaim(act: CivilAct): Promise<void> {
    try {
      await this.client.send(
        new DeleteCommand({
          TableName: this.table,
          Key: civilStatusKeys.legacy(act.legacy),
          ConditionExpression: 'actId = :actId AND claimedAt = :claimedAt',
          ExpressionAttributeValues: { ':actId': act.id, ':claimedAt': act.registeredAt },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  /**
   * What a registration's event brings beside the act, once however often it is delivered: the act's first action and
   * its search entries (puts of the same content), and the parent-link requests (each only if it is not there yet:
   * an applied request is never put back in an inbox).
   */
  async recordRegistration(act: CivilAct, action: ActAction & { readonly version: number }, nameKeys: readonly NameKey[], linkRequests: readonly MarginalNote[]): Promise<void> {
    const birthYear = Number(act.person.birthDate.slice(0, 4));
    const summary = summaryOf(act);
    const items: Item[] = [
      { ...civilStatusKeys.action(act.id, action.version), ...action },
      ...nameKeys.map((key) => ({
        ...civilStatusKeys.searchEntry(act.id, key.family, key.given),
        namePk: civilStatusKeys.name(key.family),
        nameSk: civilStatusKeys.nameSort(key.given, birthYear, act.id),
        ...summary,
      })),
    ];
    await batchPutEvery(this.client, this.table, items);
    for (const note of linkRequests) {
      try {
        await this.client.send(new PutCommand({ TableName: this.table, Item: noteItem(note), ConditionExpression: 'attribute_not_exists(pk)' }));
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    }
  }

  /** The act and, while it carries it (until its next change), the event of its registration. */
  async getWithRegistration(id: string): Promise<{ act?: CivilAct; registration?: ActRegistered }> {
    const output = await this.client.send(new GetCommand({ TableName: this.table, Key: civilStatusKeys.act(id), ConsistentRead: true }));
    if (!output.Item) return {};
    const registration = eventsCarriedBy(output.Item).find((event) => event.type === ACT_REGISTERED)?.data as ActRegistered | undefined;
    return { act: withoutKeys<CivilAct>(output.Item, ACT_INDEX_ATTRIBUTES), ...(registration && { registration }) };
  }

  async get(id: string): Promise<CivilAct | undefined> {
    const output = await this.client.send(new GetCommand({ TableName: this.table, Key: civilStatusKeys.act(id) }));
    return output.Item ? withoutKeys<CivilAct>(output.Item, ACT_INDEX_ATTRIBUTES) : undefined;
  }

  async actIdOfLegacy(reference: CivilAct['legacy']): Promise<string | undefined> {
    const output = await this.client.send(new GetCommand({ TableName: this.table, Key: civilStatusKeys.legacy(reference), ConsistentRead: true }));
    return output.Item?.actId as string | undefined;
  }

  async getByCivilId(civilId: string): Promise<CivilAct | undefined> {
    const index = CIVIL_STATUS_INDEXES.byCivilId;
    const output = await this.client.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: index.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': index.partitionKey },
        ExpressionAttributeValues: { ':pk': civilStatusKeys.civilIdIndex(civilId) },
        Limit: 1,
      }),
    );
    const item = output.Items?.[0];
    return item ? withoutKeys<CivilAct>(item, ACT_INDEX_ATTRIBUTES) : undefined;
  }

  async recordRead(read: ActRead): Promise<void> {
    await this.client.send(new PutCommand({ TableName: this.table, Item: actReadItem(read) }));
  }

  async actions(id: string, page: PageRequest, latest?: ActAction & { version: number }): Promise<Page<ActAction & { version: number }>> {
    const query = civilStatusKeys.actions(id);
    const stored = await pagedPrefixQuery(this.client, { table: this.table, ...query, page }, (item) => withoutKeys<ActAction & { version: number }>(item));
    return withLatestEntry(stored, { ...query, ...(page.cursor !== undefined && { cursor: page.cursor }) }, latest);
  }


  async findByName(key: { family: string; given?: string; birthYear?: number }, limit: number): Promise<ActSummary[]> {
    const index = CIVIL_STATUS_INDEXES.byName;
    const sortPrefix = key.given === undefined ? undefined : `${civilStatusKeys.nameSort(key.given, key.birthYear)}#`;
    const output = await this.client.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: index.name,
        KeyConditionExpression: sortPrefix ? '#pk = :pk AND begins_with(#sk, :prefix)' : '#pk = :pk',
        ExpressionAttributeNames: { '#pk': index.partitionKey, ...(sortPrefix && { '#sk': index.sortKey }) },
        ExpressionAttributeValues: { ':pk': civilStatusKeys.name(key.family), ...(sortPrefix && { ':prefix': sortPrefix }) },
        Limit: limit,
      }),
    );
    return (output.Items ?? []).map((item) => withoutKeys<ActSummary>(item, SEARCH_INDEX_ATTRIBUTES));
  }

  async getNote(noteId: string): Promise<MarginalNote | undefined> {
    const output = await this.client.send(new GetCommand({ TableName: this.table, Key: civilStatusKeys.note(noteId), ConsistentRead: true }));
    return output.Item ? withoutKeys<MarginalNote>(output.Item, NOTE_INDEX_ATTRIBUTES) : undefined;
  }

  async recordNotes(notes: readonly MarginalNote[]): Promise<void> {
    const puts = notes.map((note) => ({ TableName: this.table, Item: noteItem(note), ConditionExpression: 'attribute_not_exists(pk)' }));
    if (puts.length > 1) {
      await transactWrite(this.client, puts.map((put) => ({ Put: put })), (cancellation) => new ConflictError(noteExists(notes[0]!.noteId), { cause: cancellation }));
      return;
    }
    try {
      await this.client.send(new PutCommand(puts[0]!));
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw new ConflictError(noteExists(notes[0]!.noteId), { cause: error });
      throw error;
    }
  }

  private async updateNote(noteId: string, update: Omit<UpdateCommandInput, 'TableName' | 'Key'>): Promise<boolean> {
    try {
      await this.client.send(new UpdateCommand({ TableName: this.table, Key: civilStatusKeys.note(noteId), ...update }));
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async deliverNote(noteId: string, at: string): Promise<void> {
    const note = await this.getNote(noteId);
    if (!note) throw new Error(`No note ${noteId} to deliver`);
    // A retried delivery of a note already delivered (or applied) changes nothing.
    await this.updateNote(noteId, {
      UpdateExpression: 'SET #status = :delivered, deliveredAt = :at, inboxPk = :inbox REMOVE deadLetterPk',
      ConditionExpression: '#status = :inTransit',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':delivered': 'delivered', ':at': at, ':inbox': civilStatusKeys.inbox(note.targetOffice), ':inTransit': 'in-transit' },
    });
  }

  async deadLetterNote(noteId: string, attempts: number, at: string): Promise<void> {
    await this.updateNote(noteId, {
      UpdateExpression: 'SET #status = :dead, deadLetteredAt = :at, deliveryAttempts = :attempts, deadLetterPk = :dlq',
      ConditionExpression: '#status = :inTransit',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':dead': 'dead-lettered', ':at': at, ':attempts': attempts, ':dlq': civilStatusKeys.deadLetters(), ':inTransit': 'in-transit' },
    });
  }

  async redriveNote(noteId: string): Promise<MarginalNote> {
    try {
      const output = await this.client.send(
        new UpdateCommand({
          TableName: this.table,
          Key: civilStatusKeys.note(noteId),
          UpdateExpression: 'SET #status = :inTransit REMOVE deadLetterPk',
          ConditionExpression: '#status = :dead',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':inTransit': 'in-transit', ':dead': 'dead-lettered' },
          ReturnValues: 'ALL_NEW',
          // One request tells a note that is not dead-lettered (409) from one that does not exist (404).
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return withoutKeys<MarginalNote>(output.Attributes!, NOTE_INDEX_ATTRIBUTES);
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      if (!error.Item) throw new NotFoundError({ ar: `لا توجد إشارة ${noteId}`, fr: `Aucune mention ${noteId}`, en: `No note ${noteId}` }, { cause: error });
      throw new ConflictError(
        { ar: `الإشارة ${noteId} ليست ضمن الإشارات المتوقفة`, fr: `La mention ${noteId} n'est pas parmi les mentions abandonnées`, en: `Note ${noteId} is not among the dead letters` },
        { cause: error },
      );
    }
  }

  applyNote(change: ActChange, note: MarginalNote): Promise<void> {
    const { act, action } = change;
    return transactWrite(
      this.client,
      [
        {
          Put: {
            TableName: this.table,
            Item: { ...civilStatusKeys.act(act.id), ...act, ...(act.person.civilId && act.type === 'birth' && { civilIdPk: civilStatusKeys.civilIdIndex(act.person.civilId) }) },
            ConditionExpression: 'version = :previous',
            ExpressionAttributeValues: { ':previous': act.version - 1 },
          },
        },
        { Put: { TableName: this.table, Item: { ...civilStatusKeys.action(act.id, action.version), ...action }, ConditionExpression: 'attribute_not_exists(pk)' } },
        {
          Update: {
            TableName: this.table,
            Key: civilStatusKeys.note(note.noteId),
            UpdateExpression: 'SET #status = :applied, appliedAt = :at, appliedBy = :by REMOVE inboxPk',
            ConditionExpression: '#status = :delivered',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':applied': 'applied', ':at': note.appliedAt, ':by': note.appliedBy, ':delivered': 'delivered' },
          },
        },
      ],
      (cancellation) =>
        new ConflictError(
          {
            ar: `تغيرت الإشارة ${note.noteId} أو العقد ${act.id} في الأثناء؛ أعد التحميل وحاول مرة أخرى`,
            fr: `La mention ${note.noteId} ou l'acte ${act.id} a changé entre-temps ; rechargez et réessayez`,
            en: `Note ${note.noteId} or act ${act.id} changed meanwhile; reload and try again`,
          },
          { cause: cancellation },
        ),
    );
  }

  notesOf(list: 'inbox' | 'outbox' | 'dead-letters', office: string | undefined, page: PageRequest): Promise<Page<MarginalNote>> {
    const index = list === 'inbox' ? CIVIL_STATUS_INDEXES.byInbox : list === 'outbox' ? CIVIL_STATUS_INDEXES.byOutbox : CIVIL_STATUS_INDEXES.byDeadLetter;
    const partition = list === 'inbox' ? civilStatusKeys.inbox(office ?? '') : list === 'outbox' ? civilStatusKeys.outbox(office ?? '') : civilStatusKeys.deadLetters();
    // The outbox shows the latest first; the inbox and the dead letters the oldest, to be handled first.
    return pagedIndexQuery(this.client, { table: this.table, index, partition, page, descending: list === 'outbox' }, (item) => withoutKeys<MarginalNote>(item, NOTE_INDEX_ATTRIBUTES));
  }


  async getPage(registerId: string, page: number): Promise<RegisterPage | undefined> {
    const output = await this.client.send(new GetCommand({ TableName: this.table, Key: civilStatusKeys.page(registerId, page), ConsistentRead: true }));
    return output.Item ? withoutKeys<RegisterPage>(output.Item) : undefined;
  }

  async declarePage(page: RegisterPage): Promise<void> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...civilStatusKeys.page(page.registerId, page.page), ...page },
          ConditionExpression: 'attribute_not_exists(pk) OR #status = :awaiting',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':awaiting': 'awaiting-upload' },
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        throw new InvalidStateError(pageStoredForGood(page), { cause: error });
      }
      throw error;
    }
  }

  async storePage(page: RegisterPage): Promise<void> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...civilStatusKeys.page(page.registerId, page.page), ...page },
          ConditionExpression: '#status = :awaiting AND objectKey = :key',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':awaiting': 'awaiting-upload', ':key': page.objectKey },
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        throw new ConflictError(
          {
            ar: `أعيد التصريح بالصفحة ${page.page} من السجل ${page.registerId} أو خزنت في الأثناء`,
            fr: `La page ${page.page} du registre ${page.registerId} a été déclarée à nouveau ou conservée entre-temps`,
            en: `Page ${page.page} of ${page.registerId} was declared again or stored meanwhile`,
          },
          { cause: error },
        );
      }
      throw error;
    }
  }

  accessLog(actId: string, page: PageRequest): Promise<Page<ActRead>> {
    const pk = civilStatusKeys.accessLog(actId);
    return pagedQuery(
      this.client,
      {
        input: { TableName: this.table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk }, ScanIndexForward: false },
        page,
        keyAttributes: ['pk', 'sk'],
        partition: { pk },
      },
      (item) => withoutKeys<ActRead>(item),
    );
  }
}
