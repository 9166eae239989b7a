import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { referenceDataService } from '../../functions/reference-data/reference-data.service.ts';
import { IDEMPOTENCY_TABLE, tableEnvName } from '../../functions/shared/service-description.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../lib/local/dynamodb-local.ts';
import { claimsFor, httpEvent, lambdaContext } from '../fixtures/http-events.ts';
import { freshTables } from './local-aws.ts';

type Handler = (event: ReturnType<typeof httpEvent>, context: ReturnType<typeof lambdaContext>) => Promise<APIGatewayProxyStructuredResultV2>;
let setMovableHolidays: Handler;
let listHolidayHistory: Handler;

const admin = claimsFor('admin-1', ['admin']);
const eidAlFitr = { holidays: [{ code: 'eid-al-fitr', date: '2028-02-26' }, { code: 'eid-al-fitr', date: '2028-02-27' }] };

function put(body: unknown, idempotencyKey?: string) {
  return setMovableHolidays(
    httpEvent({
      method: 'PUT',
      routePath: '/v1/holidays/{year}',
      pathParameters: { year: '2028' },
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...(idempotencyKey && { 'idempotency-key': idempotencyKey }) },
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
  });

  it('answers a retry with the same Idempotency-Key with the first response and saves once', async () => {
    const first = await put(eidAlFitr, 'retry-key-000001');
    const retry = await put(eidAlFitr, 'retry-key-000001');

    expect(first.statusCode).toBe(200);
    expect(retry.statusCode).toBe(200);
    expect(JSON.parse(retry.body ?? '{}')).toEqual(JSON.parse(first.body ?? '{}'));
    expect(await historyVersions()).toEqual([1]);
  });

  it('refuses the same key with another body and writes nothing', async () => {
    const reused = await put({ holidays: [] }, 'retry-key-000001');

    expect(reused.statusCode).toBe(422);
    expect(await historyVersions()).toEqual([1]);
  });

  it('refuses a stale expected version with 409 and writes nothing', async () => {
    const stale = await put({ ...eidAlFitr, expectedVersion: 0 });

    expect(stale.statusCode).toBe(409);
    expect(await historyVersions()).toEqual([1]);
  });

  it('refuses a two-day holiday given one day with 400 and writes nothing', async () => {
    const invalid = await put({ holidays: [{ code: 'eid-al-adha', date: '2028-05-05' }] });

    expect(invalid.statusCode).toBe(400);
    expect(await historyVersions()).toEqual([1]);
  });
});
