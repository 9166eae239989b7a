// The historical import on the local platform: a small register folder imported by the CLI (interrupted, resumed
// and imported again) and through the import bucket and the register-import workflow (run twice), each time with
// each act exactly once, every page stored and the bad line reported.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../lib/local/dynamodb-local.ts';
import { importRegisters } from '../../lib/local/register-import.ts';
import { request, settle, tokenFor } from './http-client.ts';

const folder = mkdtempSync(join(tmpdir(), 'raqmana-import-'));
const register = `I${Date.now() % 100_000}`;

function act(number: number, given: string, family: string, pages: number[]) {
  return JSON.stringify({
    type: 'birth',
    legacy: { office: 'FES-AGDAL', year: 1962, register, number },
    person: { givenName: { latin: given }, familyName: { latin: family }, sex: 'M', birthDate: '1962-02-0' + number, birthPlace: { latin: 'Fès' } },
    pages: pages.map((page) => ({ page, file: `pages/${page}.png` })),
  });
}

mkdirSync(join(folder, 'pages'));
for (const page of [1, 2]) writeFileSync(join(folder, 'pages', `${page}.png`), `scan of page ${page} of ${register}`);
writeFileSync(
  join(folder, 'index.jsonl'),
  [act(1, 'Driss', 'Fassi', [1]), act(2, 'Omar', 'Berrada', [1]), '{"type": "birth", "legacy": ', act(3, 'Karim', 'Tazi', [2])].join('\n'),
);

describe('importing a register folder', () => {
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('imports each act once and stores every page, through an interruption and a second run', async () => {
    const platformUrl = inject('platformUrl');

    const interrupted = await importRegisters({ folder, platformUrl, maxLines: 1 });
    const resumed = await importRegisters({ folder, platformUrl });
    const again = await importRegisters({ folder, platformUrl });

    expect(interrupted).toMatchObject({ actsImported: 1, pagesStored: 1 });
    expect(resumed).toMatchObject({ actsImported: 2, actsAlreadyThere: 1, pagesStored: 1, badLines: 1 });
    expect(resumed.badLineDetails).toEqual([{ line: 3, reason: 'not valid JSON' }]);
    expect(again).toMatchObject({ actsImported: 0, actsAlreadyThere: 3, pagesStored: 0 });
    expect(again.registers).toEqual([{ registerId: `FES-AGDAL.1962.${register}`, actsExpected: 3, actsPresent: 3, pagesExpected: 2, pagesStored: 2 }]);

    // The acts' search entries are written from their registration's event, a moment after the act.
    await settle();
    const registrar = await tokenFor({ sub: 'registrar-fes', roles: ['registrar'], office: 'FES-AGDAL' });
    const found = await request('GET', `/v1/civil-status/search?name=${encodeURIComponent('Driss Fassi')}&birthYear=1962`, { token: registrar });
    expect((found.json.candidates as unknown[]).length).toBe(1);
    const page = await request('GET', `/v1/civil-status/registers/FES-AGDAL.1962.${register}/pages/2`, { token: registrar });
    expect(page.json).toMatchObject({ status: 'stored' });
  });
});

describe('importing a register folder the way AWS does: uploaded to the import bucket, then a Distributed Map', () => {
  const folderKey = `FES-AGDAL/1963-${register}`;
  const awsRegister = `A${register}`;
  const awsAct = (number: number, given: string, family: string, pages: number[]) =>
    JSON.stringify({ ...JSON.parse(act(number, given, family, [])), legacy: { office: 'FES-AGDAL', year: 1963, register: awsRegister, number }, pages: pages.map((page) => ({ page, file: `pages/${page}.png` })) });
  let admin: string;
  let s3: S3Client;

  async function upload(key: string, body: string): Promise<void> {
    await s3.send(new PutObjectCommand({ Bucket: 'raqmana-register-imports', Key: `${folderKey}/${key}`, Body: body }));
  }

  /** Starts an import and follows it until the workflow has ended it. */
  async function runImport(idempotencyKey: string) {
    const started = await request('POST', '/v1/civil-status/imports', { token: admin, body: { folder: folderKey }, headers: { 'idempotency-key': idempotencyKey } });
    expect(started.status).toBe(202);
    const importId = started.json.importId as string;
    for (;;) {
      const current = await request('GET', `/v1/civil-status/imports/${importId}`, { token: admin });
      if (current.json.status !== 'running') return { started, finished: current.json };
      await delay(100);
    }
  }

  beforeAll(async () => {
    admin = await tokenFor({ sub: 'admin-import', roles: ['admin'] });
    const health = await request('GET', '/health');
    const endpoint = (health.json.components as { s3: { endpoint: string } }).s3.endpoint;
    s3 = new S3Client({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, forcePathStyle: true });
    for (const page of [1, 2]) await upload(`pages/${page}.png`, `scan of page ${page} of ${awsRegister}`);
    await upload('index.jsonl', [awsAct(1, 'Driss', 'Fassi', [1]), awsAct(2, 'Omar', 'Berrada', [1]), '{"type": "birth", "legacy": ', awsAct(3, 'Karim', 'Tazi', [2])].join('\n'));
  });

  afterAll(() => s3.destroy());

  it('imports each act once and stores every page, reports the bad line by number, and imports nothing twice when run again', async () => {
    const first = await runImport('import-first-run');
    const retried = await request('POST', '/v1/civil-status/imports', { token: admin, body: { folder: folderKey }, headers: { 'idempotency-key': 'import-first-run' } });
    const second = await runImport('import-second-run');

    expect(retried.json.importId).toBe(first.started.json.importId);
    const registers = [{ registerId: `FES-AGDAL.1963.${awsRegister}`, actsExpected: 3, actsPresent: 3, pagesExpected: 2, pagesStored: 2 }];
    expect(first.finished).toMatchObject({
      status: 'succeeded',
      report: { linesTotal: 4, linesRead: 4, actsImported: 3, actsAlreadyThere: 0, pagesStored: 2, badLines: 1, badLineDetails: [{ line: 3, reason: 'not valid JSON' }], linesNotProcessed: [], registers, complete: false },
    });
    expect(second.finished).toMatchObject({ status: 'succeeded', report: { actsImported: 0, actsAlreadyThere: 3, pagesStored: 0, badLines: 1, registers } });

    const registrar = await tokenFor({ sub: 'registrar-fes', roles: ['registrar'], office: 'FES-AGDAL' });
    const found = await request('GET', `/v1/civil-status/search?name=${encodeURIComponent('Karim Tazi')}&birthYear=1962`, { token: registrar });
    expect((found.json.candidates as { legacy: { register: string } }[]).filter((candidate) => candidate.legacy.register === awsRegister)).toHaveLength(1);
    const page = await request('GET', `/v1/civil-status/registers/FES-AGDAL.1963.${awsRegister}/pages/2`, { token: registrar });
    expect(page.json).toMatchObject({ status: 'stored', sha256: createHash('sha256').update(`scan of page 2 of ${awsRegister}`).digest('hex') });
  });

  it('ends as failed, with the reason, when the folder has no index', async () => {
    const started = await request('POST', '/v1/civil-status/imports', { token: admin, body: { folder: `${folderKey}-missing` }, headers: { 'idempotency-key': 'import-missing-folder' } });
    let current = started.json;
    while (current.status === 'running') {
      await delay(100);
      current = (await request('GET', `/v1/civil-status/imports/${started.json.importId as string}`, { token: admin })).json;
    }

    expect(current).toMatchObject({ status: 'failed', failure: 'RegisterIndexMissingError', report: { complete: false } });
  });
});
