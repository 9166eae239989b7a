// The permit figures over HTTP: who reads which scope (explicit cases beyond the route matrix), and the CSV.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../functions/shared/auth/roles.ts';
import { request, tokenFor } from './http-client.ts';

const as = (sub: string, roles: Role[], commune?: string) => tokenFor({ sub: `${sub}-stats`, roles, ...(commune && { commune }) });
const period = 'from=2026-01-01&to=2026-12-31';

describe('GET /v1/stats/permits scopes', () => {
  it.each([
    ['admin', 'the national figures', ['admin'], undefined, ''],
    ['auditor', 'a region', ['auditor'], undefined, '&region=rabat-sale-kenitra'],
    ['auditor', 'a prefecture', ['auditor'], undefined, '&province=skhirate-temara'],
    ['admin', 'any commune', ['admin'], undefined, '&commune=casablanca'],
    ['agent', 'its commune', ['agent'], 'rabat', '&commune=rabat'],
    ['president', 'its commune', ['president'], 'rabat', '&commune=rabat'],
    ['commission', 'its commune', ['commission'], 'rabat', '&commune=rabat'],
  ] as const)('lets a Rabat %s read %s', async (sub, _scopeName, roles, commune, scope) => {
    const reply = await request('GET', `/v1/stats/permits?${period}${scope}`, { token: await as(sub, [...roles], commune) });

    expect(reply.status).toBe(200);
  });

  it.each([
    ['the national figures', ''],
    ["another commune's figures", '&commune=casablanca'],
    ["its own region's figures", '&region=rabat-sale-kenitra'],
    ["its own prefecture's figures", '&province=rabat'],
  ])('refuses a Rabat agent %s', async (_name, scope) => {
    const reply = await request('GET', `/v1/stats/permits?${period}${scope}`, { token: await as('agent', ['agent'], 'rabat') });

    expect(reply.status).toBe(403);
    expect(reply.json.code).toBe('forbidden');
  });

  it.each([['citizen'], ['registrar']] as const)('refuses a %s', async (role) => {
    const reply = await request('GET', `/v1/stats/permits?${period}&commune=rabat`, { token: await as(role, [role], 'rabat') });

    expect(reply.status).toBe(403);
  });

  it('answers CSV that csv-parse reads, with the regions of the country', async () => {
    const reply = await request('GET', `/v1/stats/permits?${period}&format=csv`, { token: await as('admin', ['admin']) });
    const rows = parse(reply.text, { bom: true, columns: true }) as Record<string, string>[];

    expect(reply.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(rows[0]).toMatchObject({ level: 'national', from: '2026-01-01', to: '2026-12-31' });
    expect(rows.filter((row) => row.level === 'region').map((row) => row.code)).toContain('rabat-sale-kenitra');
  });
});
