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

describe('platform lifecycle', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps data and virtual time across a restart, stops everything on SIGTERM, and starts empty with --reset', async () => {
    const first = await startPlatformProcess({ dataDir, reset: true });
    const admin = await tokenFor({ sub: 'admin-lifecycle', roles: ['admin'] }, first.url);
    await request('PUT', '/v1/holidays/2032', { baseUrl: first.url, token: admin, body: { holidays: [{ code: 'hijri-new-year', date: '2032-04-12' }] } });
    await request('POST', '/_local/clock', { baseUrl: first.url, body: { advance: 'P30D' } });
    const dynamodbEndpoint = ((await request('GET', '/health', { baseUrl: first.url })).json.components as { dynamodb: { endpoint: string } }).dynamodb.endpoint;

    expect(await first.stop()).toBe(0);
    expect(await portAnswers(dynamodbEndpoint)).toBe(false);

    const second = await startPlatformProcess({ dataDir });
    const kept = await request('GET', '/v1/holidays?year=2032', { baseUrl: second.url });
    const clock = await request('GET', '/_local/clock', { baseUrl: second.url });
    expect(kept.json).toMatchObject({ movableConfirmed: true, version: 1 });
    expect(Date.parse(clock.json.now as string) - Date.now()).toBeGreaterThan(29 * 86_400_000);
    expect(await second.stop()).toBe(0);

    const third = await startPlatformProcess({ dataDir, reset: true });
    const emptied = await request('GET', '/v1/holidays?year=2032', { baseUrl: third.url });
    expect(emptied.json).toMatchObject({ movableConfirmed: false });
    expect((await request('GET', '/v1/communes/rabat', { baseUrl: third.url })).status).toBe(200);
    expect(await third.stop()).toBe(0);
  }, 240_000);
});
