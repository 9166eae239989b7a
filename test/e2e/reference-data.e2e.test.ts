import { describe, expect, it } from 'vitest';
import { request, tokenFor } from './http-client.ts';

/** 2029 as announced: every movable holiday, 1 Muharram a day after its Umm al-Qura estimate. */
const HOLIDAYS_2029 = [
  { code: 'eid-al-fitr', date: '2029-02-14' },
  { code: 'eid-al-fitr', date: '2029-02-15' },
  { code: 'eid-al-adha', date: '2029-04-24' },
  { code: 'eid-al-adha', date: '2029-04-25' },
  { code: 'hijri-new-year', date: '2029-05-15' },
  { code: 'mawlid', date: '2029-07-24' },
  { code: 'mawlid', date: '2029-07-25' },
];

describe('reference data over HTTP', () => {
  it('pages through the demo communes with names in Arabic and French', async () => {
    const first = await request('GET', '/v1/communes?limit=5');
    const second = await request('GET', `/v1/communes?limit=5&cursor=${first.json.nextCursor as string}`);

    const communes = [...(first.json.items as { code: string }[]), ...(second.json.items as { code: string }[])];
    expect(communes.map((commune) => commune.code)).toContain('rabat');
    expect(new Set(communes.map((commune) => commune.code)).size).toBe(communes.length);
    expect(second.json.nextCursor).toBeUndefined();
  });

  it('gives one commune with its civil-status offices', async () => {
    const rabat = await request('GET', '/v1/communes/rabat');

    expect(rabat.status).toBe(200);
    expect(rabat.json).toMatchObject({ names: { ar: 'الرباط', fr: 'Rabat' } });
    expect((rabat.json.civilStatusOffices as unknown[]).length).toBeGreaterThan(0);
  });

  it('answers an unknown commune with a 404 problem in French', async () => {
    const reply = await request('GET', '/v1/communes/atlantis', { headers: { 'accept-language': 'fr-MA,fr;q=0.9' } });

    expect(reply.status).toBe(404);
    expect(reply.json).toMatchObject({ code: 'not-found', title: "La ressource demandée n'existe pas" });
  });

  it('lists the procedures the permits service needs, with their legal periods', async () => {
    const reply = await request('GET', '/v1/procedures?limit=100');
    const byCode = Object.fromEntries((reply.json.items as { code: string; period: unknown }[]).map((p) => [p.code, p.period]));

    expect(byCode['building-small']).toEqual({ days: 15, unit: 'calendar' });
    expect(byCode['land-division']).toEqual({ days: 30, unit: 'calendar' });
    for (const code of ['building-large', 'subdivision', 'housing-group', 'occupancy', 'renovation', 'demolition', 'establishment-class-2', 'establishment-class-3']) {
      expect(byCode[code], code).toBeDefined();
    }
  });

  it('lets an administrator confirm the movable holidays of a year, with history', async () => {
    const admin = await tokenFor({ sub: 'admin-e2e', roles: ['admin'] });
    const auditor = await tokenFor({ sub: 'auditor-e2e', roles: ['auditor'] });
    const before = await request('GET', '/v1/holidays?year=2029');
    expect(before.json).toMatchObject({ year: 2029, movableConfirmed: false });

    const incomplete = await request('PUT', '/v1/holidays/2029', {
      token: admin,
      body: { holidays: [{ code: 'hijri-new-year', date: '2029-05-15' }] },
      headers: { 'idempotency-key': 'e2e-holidays-2029-incomplete' },
    });
    const saved = await request('PUT', '/v1/holidays/2029', {
      token: admin,
      body: { holidays: HOLIDAYS_2029 },
      headers: { 'idempotency-key': 'e2e-holidays-2029' },
    });
    const after = await request('GET', '/v1/holidays?year=2029');
    const history = await request('GET', '/v1/holidays/2029/history', { token: auditor });

    expect(incomplete.status).toBe(400);
    expect((incomplete.json.errors as { code: string }[]).map((issue) => issue.code)).toEqual(['missing_holiday', 'missing_holiday', 'missing_holiday']);
    expect(saved.status).toBe(200);
    expect(after.json).toMatchObject({ movableConfirmed: true, version: 1 });
    const movable = (after.json.holidays as { kind: string; date: string }[]).filter((holiday) => holiday.kind === 'movable');
    expect(movable.map((holiday) => holiday.date)).toEqual(HOLIDAYS_2029.map((holiday) => holiday.date));
    expect(history.json.items).toMatchObject([{ version: 1, updatedBy: 'admin-e2e' }]);
  });

  it('shows Unity Day among the 2026 holidays', async () => {
    const reply = await request('GET', '/v1/holidays?year=2026');

    expect((reply.json.holidays as { date: string }[]).map((holiday) => holiday.date)).toContain('2026-10-31');
  });

  it.each(['/v1/holidays?year=0x7E9', '/v1/communes?limit=1e1', '/v1/holidays/2.025e3/history'])('refuses a number not spelled in decimal digits: %s', async (path) => {
    const auditor = await tokenFor({ sub: 'auditor-e2e', roles: ['auditor'] });
    const reply = await request('GET', path, { token: auditor });

    expect(reply.status).toBe(400);
    expect(reply.json.code).toBe('validation-failed');
  });
});
