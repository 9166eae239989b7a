// Bad input gets a clear 4xx problem, never a 5xx, and nothing is written.
import { beforeAll, describe, expect, it } from 'vitest';
import { request, tokenFor } from './http-client.ts';

let admin: string;
const versionsOf2030 = async () =>
  ((await request('GET', '/v1/holidays/2030/history', { token: admin })).json.items as unknown[]).length;

describe('bad input on PUT /v1/holidays/{year}', () => {
  beforeAll(async () => {
    admin = await tokenFor({ sub: 'admin-bad-input', roles: ['admin'] });
  });

  it.each([
    ['malformed JSON', { rawBody: '{"holidays": [' }, 400, 'malformed-json'],
    ['a wrong type', { body: { holidays: 'eid' } }, 400, 'validation-failed'],
    ['an unknown field', { body: { holidays: [], approvedBy: 'me' } }, 400, 'validation-failed'],
    ['an unknown holiday', { body: { holidays: [{ code: 'christmas', date: '2030-12-25' }] } }, 400, 'validation-failed'],
    ['an impossible date', { body: { holidays: [{ code: 'hijri-new-year', date: '2030-02-30' }] } }, 400, 'validation-failed'],
    ['a body over 64 KiB', { rawBody: JSON.stringify({ holidays: [], padding: 'x'.repeat(70_000) }) }, 413, 'payload-too-large'],
    ['a text body', { rawBody: 'holidays=none', headers: { 'content-type': 'text/plain' } }, 415, 'unsupported-media-type'],
    ['a year out of range', { body: { holidays: [] }, path: '/v1/holidays/99999' }, 400, 'validation-failed'],
  ] as const)('refuses %s', async (_case, input, status, code) => {
    const reply = await request('PUT', 'path' in input ? input.path : '/v1/holidays/2030', { token: admin, ...input });

    expect(reply.status).toBe(status);
    expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(reply.json.code).toBe(code);
    expect(await versionsOf2030()).toBe(0);
  });

  it('names the offending fields with JSON pointers', async () => {
    const reply = await request('PUT', '/v1/holidays/2030', { token: admin, body: { holidays: [{ code: 'mawlid' }], extra: 1 } });

    expect(reply.json.errors?.map((issue) => issue.pointer).sort()).toEqual(['/body/extra', '/body/holidays/0/date']);
  });

  it('refuses a request over the 10 MB gateway limit', async () => {
    const reply = await request('PUT', '/v1/holidays/2030', { token: admin, rawBody: 'x'.repeat(10 * 1024 * 1024 + 1) });

    expect(reply.status).toBe(413);
    expect(await versionsOf2030()).toBe(0);
  });

  it('refuses a malformed Authorization header', async () => {
    const reply = await request('PUT', '/v1/holidays/2030', { headers: { authorization: 'Basic YWRtaW46YWRtaW4=' }, body: { holidays: [] } });

    expect(reply.status).toBe(401);
  });

  it('refuses a token request for a role that does not exist', async () => {
    const reply = await request('POST', '/_local/tokens', { body: { sub: 'x', roles: ['root'] } });

    expect(reply.status).toBe(400);
    expect(reply.json.errors?.[0]?.pointer).toBe('/body/roles/0');
  });
});
