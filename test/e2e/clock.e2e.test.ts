import { describe, expect, it } from 'vitest';
import { request } from './http-client.ts';

const DAY_MS = 86_400_000;

describe('the virtual clock', () => {
  it('fast-forwards by an ISO 8601 duration', async () => {
    const before = Date.parse((await request('GET', '/_local/clock')).json.now as string);

    const advanced = await request('POST', '/_local/clock', { body: { advance: 'P2D' } });

    expect(advanced.status).toBe(200);
    const after = Date.parse(advanced.json.now as string);
    expect(after - before).toBeGreaterThanOrEqual(2 * DAY_MS);
    expect(after - before).toBeLessThan(2 * DAY_MS + 60_000);
  });

  it('refuses to move back in time', async () => {
    const reply = await request('POST', '/_local/clock', { body: { set: '2020-01-01T00:00:00Z' } });

    expect(reply.status).toBe(400);
    expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('refuses a malformed duration', async () => {
    expect((await request('POST', '/_local/clock', { body: { advance: 'P2X' } })).status).toBe(400);
    expect((await request('POST', '/_local/clock', { body: { advance: 'P1D', set: '2030-01-01T00:00:00Z' } })).status).toBe(400);
  });
});
