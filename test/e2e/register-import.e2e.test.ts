// The historical import on the local platform: a small register folder imported, interrupted, resumed and
// imported again, with each act exactly once, every page stored and the bad line reported.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { importRegisters } from '../../lib/local/register-import.ts';
import { request, tokenFor } from './http-client.ts';

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

    const registrar = await tokenFor({ sub: 'registrar-fes', roles: ['registrar'], office: 'FES-AGDAL' });
    const found = await request('GET', `/v1/civil-status/search?name=${encodeURIComponent('Driss Fassi')}&birthYear=1962`, { token: registrar });
    expect((found.json.candidates as unknown[]).length).toBe(1);
    const page = await request('GET', `/v1/civil-status/registers/FES-AGDAL.1962.${register}/pages/2`, { token: registrar });
    expect(page.json).toMatchObject({ status: 'stored' });
  });
});
