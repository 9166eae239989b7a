// Retries over HTTP on the real routes: a refused retry never frees the key, concurrent retries file once,
// and a key is scoped to the object its path names.
import { describe, expect, it } from 'vitest';
import type { Role } from '../../functions/shared/auth/roles.ts';
import { request, tokenFor, type HttpReply } from './http-client.ts';

const unique = `${Date.now()}`;
const as = (sub: string, roles: Role[], extra: { commune?: string; office?: string } = {}) =>
  tokenFor({ sub: `${sub}-${unique}`, roles, ...extra });
const application = (title: string) => ({
  procedure: 'building-small',
  commune: 'rabat',
  project: { title, address: '3 rue Tansift, Rabat' },
});

function filePermit(token: string, key: string, title: string) {
  return request('POST', '/v1/permits', { token, body: application(title), headers: { 'idempotency-key': key } });
}

async function permitIds(token: string): Promise<string[]> {
  const list = await request('GET', '/v1/permits?limit=100', { token });
  expect(list.status).toBe(200);
  return (list.json.items as { id: string }[]).map((permit) => permit.id);
}

describe('Idempotency-Key on the real routes', () => {
  it('POST /v1/permits: key K with body X, then body Y (422), then X again replays the first permit, in three rounds', async () => {
    const token = await as('retrying-applicant', ['citizen']);
    const filed: string[] = [];
    for (let round = 0; round < 3; round += 1) {
      const first = await filePermit(token, `round-${round}-${unique}`, 'X');
      const otherBody = await filePermit(token, `round-${round}-${unique}`, 'Y');
      const retry = await filePermit(token, `round-${round}-${unique}`, 'X');

      expect(first.status).toBe(201);
      expect(otherBody.status).toBe(422);
      expect(otherBody.json.code).toBe('idempotency-key-reused');
      expect(retry.status).toBe(201);
      expect(retry.json.id).toBe(first.json.id);
      expect(retry.headers.get('idempotency-replayed')).toBe('true');
      filed.push(first.json.id as string);
    }

    expect((await permitIds(token)).sort()).toEqual(filed.sort());
  });

  it('POST /v1/permits: 20 concurrent requests with one key and one body file one permit', async () => {
    const token = await as('racing-applicant', ['citizen']);

    const answers: HttpReply[] = await Promise.all(Array.from({ length: 20 }, () => filePermit(token, `race-${unique}`, 'X')));
    const retry = await filePermit(token, `race-${unique}`, 'X');

    const created = answers.filter((answer) => answer.status === 201);
    expect(answers.every((answer) => answer.status === 201 || (answer.status === 409 && answer.json.code === 'request-in-progress'))).toBe(true);
    expect(new Set(created.map((answer) => answer.json.id)).size).toBe(1);
    expect(retry.json.id).toBe(created[0]!.json.id);
    expect(await permitIds(token)).toEqual([created[0]!.json.id]);
  });

  it('POST /v1/permits/{id}/extensions: the same key and body on another permit extends that permit', async () => {
    const applicant = await as('two-permits-applicant', ['citizen']);
    const agent = await as('extending-agent', ['agent'], { commune: 'rabat' });
    const first = (await filePermit(applicant, `p1-${unique}`, 'Premier')).json.id as string;
    const second = (await filePermit(applicant, `p2-${unique}`, 'Second')).json.id as string;
    const extend = (id: string) =>
      request('POST', `/v1/permits/${id}/extensions`, {
        token: agent,
        body: { days: 10, reason: 'Enquête publique' },
        headers: { 'idempotency-key': `extend-${unique}` },
      });

    const onFirst = await extend(first);
    const onSecond = await extend(second);

    expect(onFirst.status).toBe(200);
    expect(onSecond.status).toBe(200);
    expect(onFirst.json.id).toBe(first);
    expect(onSecond.json.id).toBe(second);
    expect(onSecond.headers.get('idempotency-replayed')).toBeNull();
  });

  it('POST /v1/civil-status/acts: the honest retry replays the 201', async () => {
    const registrar = await as('retrying-registrar', ['registrar'], { office: 'RBT-HASSAN' });
    const act = {
      type: 'birth',
      legacy: { office: 'RBT-HASSAN', year: 1985, register: `IDEM-${unique}`, number: 1 },
      person: {
        givenName: { ar: 'يوسف', latin: 'Youssef' },
        familyName: { ar: 'الإدريسي', latin: 'El Idrissi' },
        sex: 'M',
        birthDate: '1985-02-11',
        birthPlace: { ar: 'الرباط', latin: 'Rabat' },
      },
    };
    const register = () => request('POST', '/v1/civil-status/acts', { token: registrar, body: act, headers: { 'idempotency-key': `act-${unique}` } });

    const first = await register();
    const retry = await register();

    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.json).toEqual(first.json);
  });
});
