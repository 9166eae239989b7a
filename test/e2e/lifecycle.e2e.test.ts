// `npm start` keeps data across restarts, starts empty with --reset and leaves no process behind on SIGTERM.
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { request, tokenFor } from './http-client.ts';
import { startPlatformProcess } from './platform-process.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'raqmana-lifecycle-'));

function portAnswers(endpoint: string): Promise<boolean> {
  const { hostname, port } = new URL(endpoint);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Every movable holiday of 2032, 1 Muharram a day after its Umm al-Qura estimate. */
const HOLIDAYS_2032 = [
  { code: 'eid-al-fitr', date: '2032-01-14' },
  { code: 'eid-al-fitr', date: '2032-01-15' },
  { code: 'eid-al-adha', date: '2032-03-22' },
  { code: 'eid-al-adha', date: '2032-03-23' },
  { code: 'hijri-new-year', date: '2032-04-12' },
  { code: 'mawlid', date: '2032-06-20' },
  { code: 'mawlid', date: '2032-06-21' },
];

describe('platform lifecycle', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps data, virtual time and running timers across a restart, stops everything on SIGTERM, and starts empty with --reset', async () => {
    const first = await startPlatformProcess({ dataDir, reset: true });
    const admin = await tokenFor({ sub: 'admin-lifecycle', roles: ['admin'] }, first.url);
    await request('PUT', '/v1/holidays/2032', { baseUrl: first.url, token: admin, body: { holidays: HOLIDAYS_2032 } });
    await request('POST', '/_local/clock', { baseUrl: first.url, body: { advance: 'P30D' } });
    const citizen = await tokenFor({ sub: 'citizen-lifecycle', roles: ['citizen'] }, first.url);
    const permit = await request('POST', '/v1/permits', {
      baseUrl: first.url,
      token: citizen,
      body: { procedure: 'building-small', commune: 'rabat', project: { title: 'Maison', address: '1 rue A' } },
    });
    const dueAt = Date.parse((permit.json.clock as { dueAt: string }).dueAt);
    const dynamodbEndpoint = ((await request('GET', '/health', { baseUrl: first.url })).json.components as { dynamodb: { endpoint: string } }).dynamodb.endpoint;

    expect(await first.stop()).toBe(0);
    expect(await portAnswers(dynamodbEndpoint)).toBe(false);

    const second = await startPlatformProcess({ dataDir });
    const kept = await request('GET', '/v1/holidays?year=2032', { baseUrl: second.url });
    const clock = await request('GET', '/_local/clock', { baseUrl: second.url });
    expect(kept.json).toMatchObject({ movableConfirmed: true, version: 1 });
    expect(Date.parse(clock.json.now as string) - Date.now()).toBeGreaterThan(29 * 86_400_000);
    // The permit's deadline workflow was running when the platform stopped: it resumes and records the lapse
    // the moment the deadline passes (the nightly sweep would only come at 00:30).
    await request('POST', '/_local/clock', { baseUrl: second.url, body: { set: new Date(dueAt + 60_000).toISOString() } });
    const lapsed = await request('GET', `/v1/permits/${permit.json.id as string}`, {
      baseUrl: second.url,
      token: await tokenFor({ sub: 'citizen-lifecycle', roles: ['citizen'] }, second.url),
    });
    expect(lapsed.json.status).toBe('deemed-approval-available');
    expect(Date.parse(lapsed.json.lapsedAt as string) - dueAt).toBeLessThan(5_000);
    expect(await second.stop()).toBe(0);

    const third = await startPlatformProcess({ dataDir, reset: true });
    const emptied = await request('GET', '/v1/holidays?year=2032', { baseUrl: third.url });
    expect(emptied.json).toMatchObject({ movableConfirmed: false });
    expect((await request('GET', '/v1/communes/rabat', { baseUrl: third.url })).status).toBe(200);
    expect(await third.stop()).toBe(0);
  }, 240_000);
});
