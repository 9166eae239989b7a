import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { referenceDataService } from '../../functions/reference-data/reference-data.service.ts';
import { IDEMPOTENCY_TABLE, tableEnvName } from '../../functions/shared/service-description.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../lib/local/dynamodb-local.ts';
import { claimsFor, httpEvent, lambdaContext } from '../fixtures/http-events.ts';
import { DynamoDbReferenceDataRepository } from '../../functions/reference-data/adapters/dynamodb-reference-data.repository.ts';
import { freshTables, localDocumentClient } from './local-aws.ts';
import { holidaysChanged } from '../../functions/reference-data/domain/holidays-changed.ts';

type Handler = (event: ReturnType<typeof httpEvent>, context: ReturnType<typeof lambdaContext>) => Promise<APIGatewayProxyStructuredResultV2>;
let setMovableHolidays: Handler;
let listHolidayHistory: Handler;
let getHolidays: Handler;
let referenceTable: string;

const admin = claimsFor('admin-1', ['admin']);
const eidAlFitr = [{ code: 'eid-al-fitr', date: '2028-02-26' }, { code: 'eid-al-fitr', date: '2028-02-27' }];
/** 2028 as announced: every movable holiday, Eid al-Adha a day after its Umm al-Qura estimate. */
const year2028 = {
  holidays: [
    ...eidAlFitr,
    { code: 'eid-al-adha', date: '2028-05-06' },
    { code: 'eid-al-adha', date: '2028-05-07' },
    { code: 'hijri-new-year', date: '2028-05-25' },
    { code: 'mawlid', date: '2028-08-03' },
    { code: 'mawlid', date: '2028-08-04' },
  ],
};

function put(body: unknown, idempotencyKey?: string, year = '2028', language?: 'ar' | 'fr' | 'en') {
  return setMovableHolidays(
    httpEvent({
      method: 'PUT',
      routePath: '/v1/holidays/{year}',
      pathParameters: { year },
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...(idempotencyKey && { 'idempotency-key': idempotencyKey }), ...(language && { 'accept-language': language }) },
      claims: admin,
    }),
    lambdaContext('SetMovableHolidays'),
  );
}

async function historyVersions(): Promise<number[]> {
  const response = await listHolidayHistory(
    httpEvent({ method: 'GET', routePath: '/v1/holidays/{year}/history', pathParameters: { year: '2028' }, claims: admin }),
    lambdaContext('ListHolidayHistory'),
  );
  return (JSON.parse(response.body ?? '{}') as { items: { version: number }[] }).items.map((item) => item.version);
}

describe('PUT /v1/holidays/{year} against DynamoDB Local', () => {
  beforeAll(async () => {
    const names = await freshTables([...(referenceDataService.tables ?? []), IDEMPOTENCY_TABLE]);
    referenceTable = names.reference!;
    Object.assign(process.env, {
      AWS_REGION: LOCAL_REGION,
      AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
      AWS_ENDPOINT_URL_DYNAMODB: inject('dynamodbEndpoint'),
      [tableEnvName('reference')]: names.reference,
      [tableEnvName(IDEMPOTENCY_TABLE.id)]: names.idempotency,
    });
    // Handlers read their configuration when their module loads, as in Lambda.
    setMovableHolidays = (await import('../../functions/reference-data/handlers/set-movable-holidays.handler.ts')).handler as Handler;
    listHolidayHistory = (await import('../../functions/reference-data/handlers/list-holiday-history.handler.ts')).handler as Handler;
    getHolidays = (await import('../../functions/reference-data/handlers/get-holidays.handler.ts')).handler as Handler;
  });

  it("refuses the README's old example (Eid al-Fitr alone) with 400 naming the missing holidays, and writes nothing", async () => {
    const incomplete = await put({ holidays: eidAlFitr }, undefined, '2028', 'en');
    const problem = JSON.parse(incomplete.body ?? '{}') as { code: string; detail: string; errors: { code: string; detail: string }[] };

    expect(incomplete.statusCode).toBe(400);
    expect(problem.errors.filter((issue) => issue.code === 'missing_holiday').map((issue) => issue.detail.split(' ')[0]).sort()).toEqual([
      'eid-al-adha',
      'hijri-new-year',
      'mawlid',
    ]);
    // Without Accept-Language, the administration's language: each issue names its holiday in Arabic.
    const inArabic = JSON.parse((await put({ holidays: eidAlFitr })).body ?? '{}') as { errors: { code: string; detail: string }[] };
    expect(inArabic.errors.filter((issue) => issue.code === 'missing_holiday').map((issue) => issue.detail.split(' (')[0]).sort()).toEqual(
      ['عيد الأضحى', 'عيد المولد النبوي', 'فاتح محرم'].sort(),
    );
    expect(await historyVersions()).toEqual([]);
  });

  it('refuses an empty set with 400 and writes nothing', async () => {
    expect((await put({ holidays: [] })).statusCode).toBe(400);
    expect(await historyVersions()).toEqual([]);
  });

  it('refuses a year spelled in hexadecimal (0x7EC is 2028) with 400', async () => {
    expect((await put(year2028, undefined, '0x7EC')).statusCode).toBe(400);
    expect(await historyVersions()).toEqual([]);
  });

  it('answers a retry with the same Idempotency-Key with the first response and saves once', async () => {
    const first = await put(year2028, 'retry-key-000001');
    const retry = await put(year2028, 'retry-key-000001');

    expect(first.statusCode).toBe(200);
    expect(retry.statusCode).toBe(200);
    expect(JSON.parse(retry.body ?? '{}')).toEqual(JSON.parse(first.body ?? '{}'));
    expect(await historyVersions()).toEqual([1]);
  });

  it('refuses the same key with another body and writes nothing', async () => {
    const reused = await put({ holidays: year2028.holidays.slice(1) }, 'retry-key-000001');

    expect(reused.statusCode).toBe(422);
    expect(await historyVersions()).toEqual([1]);
  });

  it('refuses a stale expected version with 409 and writes nothing', async () => {
    const stale = await put({ ...year2028, expectedVersion: 0 });

    expect(stale.statusCode).toBe(409);
    expect(await historyVersions()).toEqual([1]);
  });

  it('refuses a two-day holiday given one day with 400 and writes nothing', async () => {
    const invalid = await put({ holidays: year2028.holidays.filter((entry) => entry.date !== '2028-05-07') });

    expect(invalid.statusCode).toBe(400);
    expect(await historyVersions()).toEqual([1]);
  });

  it('shows the confirmed year with all its movable holidays, none estimated, and the history entry holds them all', async () => {
    const calendar = await getHolidays(
      httpEvent({ method: 'GET', routePath: '/v1/holidays', query: { year: '2028' } }),
      lambdaContext('GetHolidays'),
    );
    const body = JSON.parse(calendar.body ?? '{}') as { movableConfirmed: boolean; holidays: { kind: string; date: string; estimated: boolean }[] };
    const history = await listHolidayHistory(
      httpEvent({ method: 'GET', routePath: '/v1/holidays/{year}/history', pathParameters: { year: '2028' }, claims: admin }),
      lambdaContext('ListHolidayHistory'),
    );

    expect(body.movableConfirmed).toBe(true);
    expect(body.holidays.filter((holiday) => holiday.kind === 'movable').map((holiday) => [holiday.date, holiday.estimated])).toEqual(
      year2028.holidays.map((entry) => [entry.date, false]),
    );
    expect((JSON.parse(history.body ?? '{}') as { items: { dates: unknown[] }[] }).items[0]?.dates).toHaveLength(7);
  });

  it('still counts, as estimates, the holidays a year saved incomplete before this check left out, and does not call it confirmed', async () => {
    const repository = new DynamoDbReferenceDataRepository(localDocumentClient(), referenceTable);
    const dates = [{ code: 'eid-al-fitr' as const, date: '2026-03-20' }, { code: 'eid-al-fitr' as const, date: '2026-03-21' }];
    await repository.saveMovableHolidays({ year: 2026, dates, version: 1, updatedAt: '2026-03-01T10:00:00.000Z', updatedBy: 'admin-1' }, holidaysChanged(2026, 1, [], [], new Date('2026-03-01T10:00:00Z')));

    const calendar = await getHolidays(httpEvent({ method: 'GET', routePath: '/v1/holidays', query: { year: '2026' } }), lambdaContext('GetHolidays'));
    const body = JSON.parse(calendar.body ?? '{}') as { movableConfirmed: boolean; holidays: { kind: string; code: string; estimated: boolean }[] };

    expect(body.movableConfirmed).toBe(false);
    expect(body.holidays.filter((holiday) => holiday.kind === 'movable').map((holiday) => `${holiday.code}:${holiday.estimated}`)).toEqual([
      'eid-al-fitr:false',
      'eid-al-fitr:false',
      'eid-al-adha:true',
      'eid-al-adha:true',
      'hijri-new-year:true',
      'mawlid:true',
      'mawlid:true',
    ]);
  });
});
