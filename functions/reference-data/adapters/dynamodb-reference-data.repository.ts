// DynamoDB adapter of the reference-data port: one table, items keyed by reference-keys.ts.
import { BatchWriteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { batchGetEvery } from '../../shared/aws/batch-get.ts';
import { transactWrite } from '../../shared/aws/transact-write.ts';
import { withoutKeys } from '../../shared/aws/items.ts';
import { pagedQuery } from '../../shared/aws/paged-query.ts';
import { ConflictError } from '../../shared/errors/domain-errors.ts';
import { now } from '../../shared/time/time-source.ts';
import type { Page } from '../../shared/http/pagination.ts';
import { officeOf, territoriesOf, type Commune } from '../domain/commune.ts';
import type { FixedHolidayRule } from '../domain/holiday-calendar.ts';
import type { Procedure } from '../domain/procedure.ts';
import type { HolidayData, MovableHolidaysRecord, PageRequest, ReferenceDataRepository, ReferenceDataSeed } from '../application/reference-data.repository.ts';
import { REFERENCE_KEY_ATTRIBUTES, REFERENCE_TABLE, referenceKeys } from './reference-keys.ts';
import type { DomainEvent } from '../../shared/events/domain-event.ts';
import { outboxPut } from '../../shared/events/outbox.ts';
import type { HolidaysChanged } from '../domain/holidays-changed.ts';

const BATCH_WRITE_LIMIT = 25;

export class DynamoDbReferenceDataRepository implements ReferenceDataRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  private queryPartition<T>(partition: { pk: string }, page: PageRequest, ascending = true): Promise<Page<T>> {
    return pagedQuery(
      this.client,
      {
        input: {
          TableName: this.table,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': partition.pk },
          ScanIndexForward: ascending,
        },
        page,
        keyAttributes: REFERENCE_KEY_ATTRIBUTES,
        partition,
      },
      (item) => withoutKeys<T>(item),
    );
  }

  private async getOne<T>(key: { pk: string; sk: string }): Promise<T | undefined> {
    const output = await this.client.send(new GetCommand({ TableName: this.table, Key: key }));
    return output.Item ? withoutKeys<T>(output.Item) : undefined;
  }

  listCommunes(page: PageRequest): Promise<Page<Commune>> {
    return this.queryPartition<Commune>(referenceKeys.communes(), page);
  }

  getCommune(code: string): Promise<Commune | undefined> {
    return this.getOne<Commune>(referenceKeys.commune(code));
  }

  listProcedures(page: PageRequest): Promise<Page<Procedure>> {
    return this.queryPartition<Procedure>(referenceKeys.procedures(), page);
  }

  getProcedure(code: string): Promise<Procedure | undefined> {
    return this.getOne<Procedure>(referenceKeys.procedure(code));
  }

  async getHolidayData(year: number): Promise<HolidayData> {
    const rulesKey = referenceKeys.fixedHolidayRules();
    const yearKey = referenceKeys.movableHolidays(year);
    const items = (await batchGetEvery(this.client, { [this.table]: { Keys: [rulesKey, yearKey], ConsistentRead: true } }))[this.table] ?? [];
    const rules = items.find((item) => item.sk === rulesKey.sk)?.rules as FixedHolidayRule[] | undefined;
    const movable = items.find((item) => item.sk === yearKey.sk);
    return {
      rules: rules ?? [],
      ...(movable && { movable: withoutKeys<MovableHolidaysRecord>(movable) }),
    };
  }

  async saveMovableHolidays(record: MovableHolidaysRecord, changed: DomainEvent<HolidaysChanged>): Promise<void> {
    const previousVersion = record.version - 1;
    await transactWrite(
      this.client,
      [
        {
          Put: {
            TableName: this.table,
            Item: { ...referenceKeys.movableHolidays(record.year), ...record },
            ConditionExpression: previousVersion === 0 ? 'attribute_not_exists(pk)' : 'version = :previous',
            ...(previousVersion === 0 ? {} : { ExpressionAttributeValues: { ':previous': previousVersion } }),
          },
        },
        {
          Put: {
            TableName: this.table,
            Item: { ...referenceKeys.movableHolidaysVersion(record.year, record.version), ...record },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        outboxPut(REFERENCE_TABLE, this.table, changed),
      ],
      (cancellation) =>
        new ConflictError(
          {
            ar: `عدّل شخص آخر أعياد سنة ${record.year} في الوقت نفسه: أعد تحميلها ثم أعد المحاولة`,
            fr: `Quelqu'un d'autre a modifié les fêtes de ${record.year} au même moment : rechargez-les puis réessayez`,
            en: `The holidays of ${record.year} were changed by someone else; reload and try again`,
          },
          { cause: cancellation },
        ),
    );
  }

  listMovableHolidayHistory(year: number, page: PageRequest): Promise<Page<MovableHolidaysRecord>> {
    return this.queryPartition<MovableHolidaysRecord>(referenceKeys.movableHolidaysHistory(year), page, false);
  }

  async seedOnce(seed: ReferenceDataSeed): Promise<boolean> {
    const marker = await this.client.send(new GetCommand({ TableName: this.table, Key: referenceKeys.seedMarker(), ConsistentRead: true }));
    if (marker.Item) return false;
    const { provinces, regions } = territoriesOf(seed.communes);
    const items: Record<string, unknown>[] = [
      ...seed.communes.map((commune) => ({ ...referenceKeys.commune(commune.code), ...commune })),
      ...provinces.map((province) => ({ ...referenceKeys.province(province.code), ...province })),
      ...regions.map((region) => ({ ...referenceKeys.region(region.code), ...region })),
      ...seed.communes.flatMap((commune) => commune.civilStatusOffices.map((office) => ({ ...referenceKeys.office(office.code), ...officeOf(commune, office) }))),
      ...seed.procedures.map((procedure) => ({ ...referenceKeys.procedure(procedure.code), ...procedure })),
      { ...referenceKeys.fixedHolidayRules(), rules: seed.fixedHolidayRules },
    ];
    for (let start = 0; start < items.length; start += BATCH_WRITE_LIMIT) {
      let requests = items.slice(start, start + BATCH_WRITE_LIMIT).map((Item) => ({ PutRequest: { Item } }));
      while (requests.length > 0) {
        const output = await this.client.send(new BatchWriteCommand({ RequestItems: { [this.table]: requests } }));
        requests = (output.UnprocessedItems?.[this.table] ?? []) as typeof requests;
      }
    }
    // The marker goes last, so an interrupted seed is completed on the next start.
    await this.client.send(new PutCommand({ TableName: this.table, Item: { ...referenceKeys.seedMarker(), seededAt: now().toISOString() } }));
    return true;
  }
}
