// GET /v1/stats/permits through the real middy chain, DynamoDB mocked: who reads which scope, what DynamoDB is
// asked (no Scan), and the CSV read back by a parser we did not write (csv-parse).
import { DynamoDBDocumentClient, QueryCommand, ScanCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { parse } from 'csv-parse/sync';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tableEnvName } from '../../../functions/shared/service-description.ts';
import { claimsFor, httpEvent, lambdaContext } from '../../fixtures/http-events.ts';

type Handler = (typeof import('../../../functions/permits/handlers/permit-stats.handler.ts'))['handler'];
let handler: Handler;
const dynamodb = mockClient(DynamoDBDocumentClient);

const rabat = { code: 'rabat', names: { ar: 'الرباط', fr: 'Rabat' }, province: { code: 'rabat', ar: 'عمالة الرباط', fr: 'Préfecture de Rabat' }, region: { code: 'rsk', ar: 'جهة الرباط سلا القنيطرة', fr: 'Rabat-Salé-Kénitra' } };
const casablanca = { code: 'casablanca', names: { ar: 'الدار البيضاء', fr: 'Casablanca' }, province: { code: 'anfa', ar: 'عمالة أنفا', fr: 'Préfecture de Casablanca-Anfa' }, region: { code: 'cs', ar: 'جهة الدار البيضاء سطات', fr: 'Casablanca-Settat' } };
const day = (date: string, commune: string, counters: Record<string, number>) => ({ pk: `STATS#${commune}`, sk: `DAY#${date}`, date, commune, ...counters });
const DAYS = [
  day('2025-10-02', 'rabat', { filed: 2, 'filed@building-small': 2 }),
  day('2026-10-02', 'rabat', { filed: 3, lapsed: 1, 'filed@building-small': 2, 'filed@demolition': 1, 'lapsed@building-small': 1 }),
  day('2026-10-05', 'casablanca', { filed: 1, 'filed@demolition': 1 }),
];
// A file overdue now is a marker after its commune's days (and after every day in the index); the query reads both.
const OVERDUE = [
  { pk: 'STATS#rabat', sk: 'OVERDUE#building-small#p1', statsPk: 'STATS', statsSk: 'OVERDUE#rabat#building-small#p1', commune: 'rabat', procedure: 'building-small', permitId: 'p1' },
];
const FIGURE_ITEMS = [...DAYS, ...OVERDUE];

function answer(input: QueryCommandInput) {
  if (input.TableName === 'reference-test') return { Items: [rabat, casablanca] };
  if (input.IndexName === 'statsByDay') return { Items: FIGURE_ITEMS };
  return { Items: FIGURE_ITEMS.filter((item) => item.pk === input.ExpressionAttributeValues?.[':pk']) };
}

function get(query: Record<string, string>, claims: Record<string, string>, headers: Record<string, string> = {}) {
  return handler(httpEvent({ method: 'GET', routePath: '/v1/stats/permits', query, claims, headers }), lambdaContext('PermitStats'));
}

const october = { from: '2026-10-01', to: '2026-10-31' };
const admin = claimsFor('admin-1', ['admin']);
const auditor = claimsFor('auditor-1', ['auditor']);
const rabatAgent = claimsFor('agent-1', ['agent'], { 'custom:commune': 'rabat' });
const body = (response: Awaited<ReturnType<Handler>>) => JSON.parse(response.body ?? '{}') as Record<string, unknown>;

describe('GET /v1/stats/permits', () => {
  beforeAll(async () => {
    Object.assign(process.env, { [tableEnvName('permits')]: 'permits-test', [tableEnvName('reference')]: 'reference-test' });
    handler = (await import('../../../functions/permits/handlers/permit-stats.handler.ts')).handler;
  });

  beforeEach(() => {
    dynamodb.reset();
    dynamodb.on(QueryCommand).callsFake(answer);
  });

  it('gives an administrator the national total, the regions and the procedures, in two Queries and no Scan', async () => {
    const response = await get(october, admin);

    expect(response.statusCode).toBe(200);
    expect(body(response)).toMatchObject({ scope: { level: 'national' }, filed: 4, lapsed: 1, overdueNow: 1, previousYear: { from: '2025-10-01', filed: 2 } });
    expect((body(response).breakdown as { code: string; filed: number }[]).map((row) => [row.code, row.filed])).toEqual([
      ['cs', 1],
      ['rsk', 3],
    ]);
    expect((body(response).byProcedure as { procedure: string; filed: number }[]).map((row) => [row.procedure, row.filed])).toEqual([
      ['building-small', 2],
      ['demolition', 2],
    ]);
    expect(dynamodb.commandCalls(QueryCommand)).toHaveLength(2);
    expect(dynamodb.commandCalls(ScanCommand)).toHaveLength(0);
  });

  it("gives an auditor a region's figures with its provinces", async () => {
    const response = await get({ ...october, region: 'rsk' }, auditor);

    expect(body(response)).toMatchObject({ scope: { level: 'region', code: 'rsk' }, filed: 3, breakdown: [{ level: 'province', code: 'rabat', filed: 3 }] });
  });

  it('answers an unknown region with 404', async () => {
    expect((await get({ ...october, region: 'atlantis' }, auditor)).statusCode).toBe(404);
  });

  it("gives commune staff their commune's figures in one Query", async () => {
    const response = await get({ ...october, commune: 'rabat' }, rabatAgent);

    expect(body(response)).toMatchObject({ commune: 'rabat', filed: 3, overdueNow: 1 });
    expect(dynamodb.commandCalls(QueryCommand)).toHaveLength(1);
  });

  it.each([
    ['another commune', { commune: 'casablanca' }],
    ['a province', { province: 'rabat' }],
    ['a region', { region: 'rsk' }],
    ['the national figures', {}],
  ])("refuses commune staff %s with 403, in the caller's language, before reading anything", async (_name, scope) => {
    const response = await get({ ...october, ...scope }, rabatAgent, { 'accept-language': 'fr' });

    expect(response.statusCode).toBe(403);
    expect(body(response).detail).toContain('réservés aux administrateurs et aux auditeurs');
    expect(dynamodb.calls()).toHaveLength(0);
  });

  it('refuses two scopes at once and a period over a year with 400', async () => {
    expect((await get({ ...october, commune: 'rabat', region: 'rsk' }, admin)).statusCode).toBe(400);
    expect((await get({ from: '2025-01-01', to: '2026-03-01' }, admin)).statusCode).toBe(400);
  });

  it('answers CSV for format=csv that a standard parser reads back, Arabic names included', async () => {
    const response = await get({ ...october, format: 'csv' }, admin);
    const csv = Buffer.from(response.body ?? '', 'base64').toString('utf8');
    const rows = parse(csv, { bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[];

    expect(response.headers?.['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(rows.map((row) => [row.level, row.code, row.procedure, row.filed, row.overdueNow])).toEqual([
      ['national', '', '', '4', '1'],
      ['national', '', 'building-small', '2', '1'],
      ['national', '', 'demolition', '2', '0'],
      ['region', 'cs', '', '1', '0'],
      ['region', 'rsk', '', '3', '1'],
    ]);
    expect(rows[4]).toMatchObject({ name_ar: 'جهة الرباط سلا القنيطرة', name_fr: 'Rabat-Salé-Kénitra', 'previousYear.filed': '2', 'changePercent.filed': '50' });
  });

  it('answers CSV to Accept: text/csv, JSON to Accept: application/json, and says the answer varies by Accept', async () => {
    const csv = await get(october, admin, { accept: 'text/csv' });
    const json = await get(october, admin, { accept: 'application/json, text/csv;q=0.5' });

    expect(csv.headers?.['content-type']).toMatch(/^text\/csv/);
    expect(json.headers?.['content-type']).toMatch(/^application\/json/);
    expect(json.headers?.vary).toBe('accept');
  });
});
