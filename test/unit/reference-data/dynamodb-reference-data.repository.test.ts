import { DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { DynamoDbReferenceDataRepository } from '../../../functions/reference-data/adapters/dynamodb-reference-data.repository.ts';
import { ConflictError, ValidationFailedError } from '../../../functions/shared/errors/domain-errors.ts';
import { encodeCursor } from '../../../functions/shared/http/pagination.ts';
import { holidaysChanged } from '../../../functions/reference-data/domain/holidays-changed.ts';

const eid = (date: string) => ({ date, code: 'eid-al-fitr', names: { ar: 'عيد الفطر', fr: 'Aïd al-Fitr' }, kind: 'movable' as const, estimated: false });
const changed = holidaysChanged(2026, 2, [eid('2026-03-20')], [eid('2026-03-21')], new Date('2026-03-19T10:00:00Z'));

const documentClient = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' }));
const dynamodb = mockClient(DynamoDBDocumentClient);
const repository = new DynamoDbReferenceDataRepository(documentClient, 'reference-test');

const record = { year: 2026, dates: [{ code: 'hijri-new-year' as const, date: '2026-06-16' }], version: 2, updatedAt: '2026-11-29T10:00:00.000Z', updatedBy: 'admin-1' };

describe('DynamoDbReferenceDataRepository', () => {
  beforeEach(() => dynamodb.reset());

  it('lists communes with one Query on their partition and returns a cursor for the next page', async () => {
    dynamodb.on(QueryCommand).resolves({
      Items: [{ pk: 'COMMUNE', sk: 'COMMUNE#agadir', code: 'agadir' }],
      LastEvaluatedKey: { pk: 'COMMUNE', sk: 'COMMUNE#agadir' },
    });

    const page = await repository.listCommunes({ limit: 1 });

    expect(page.items).toEqual([{ code: 'agadir' }]);
    expect(page.nextCursor).toBe(encodeCursor({ pk: 'COMMUNE', sk: 'COMMUNE#agadir' }));
    expect(dynamodb.commandCalls(QueryCommand)[0]?.args[0].input).toMatchObject({ KeyConditionExpression: 'pk = :pk', Limit: 1 });
  });

  it('refuses a cursor from another list before asking DynamoDB', async () => {
    const cursor = encodeCursor({ pk: 'PROCEDURE', sk: 'PROCEDURE#demolition' });

    await expect(repository.listCommunes({ limit: 5, cursor })).rejects.toThrow(ValidationFailedError);
    expect(dynamodb.calls()).toHaveLength(0);
  });

  it('reads the fixed rules and the year in one BatchGetItem', async () => {
    dynamodb.on(BatchGetCommand).resolves({
      Responses: { 'reference-test': [{ pk: 'HOLIDAYS', sk: 'FIXED', rules: [] }, { pk: 'HOLIDAYS', sk: 'YEAR#2026', ...record }] },
    });

    const data = await repository.getHolidayData(2026);

    expect(data.movable).toEqual(record);
    expect(dynamodb.calls()).toHaveLength(1);
  });

  it('saves a new version only if the previous one is still current, with its history entry', async () => {
    dynamodb.on(TransactWriteCommand).resolves({});

    await repository.saveMovableHolidays(record, changed);

    const items = dynamodb.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems ?? [];
    expect(items[0]?.Put?.ConditionExpression).toBe('version = :previous');
    expect(items[0]?.Put?.ExpressionAttributeValues).toEqual({ ':previous': 1 });
    expect(items[1]?.Put?.Item).toMatchObject({ pk: 'HOLIDAYS#2026#HISTORY', sk: 'V#000002' });
    // The event leaves with the change: other contexts recount their open deadlines over 2026.
    expect(items[2]?.Put?.Item).toMatchObject({ eventType: 'holidays.changed', event: { data: { year: 2026, version: 2, added: ['2026-03-21'], removed: ['2026-03-20'] } } });
  });

  it('reports a lost race as a conflict', async () => {
    dynamodb.on(TransactWriteCommand).rejects(new TransactionCanceledException({
        message: 'cancelled',
        $metadata: {},
        CancellationReasons: [{ Code: 'ConditionalCheckFailed' }, { Code: 'None' }],
      }));

    await expect(repository.saveMovableHolidays(record, changed)).rejects.toThrow(ConflictError);
  });
});
