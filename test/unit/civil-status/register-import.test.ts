// The historical import's shared logic: reading an index line, importing it through a target, the tally and
// reconciliation, importing an act and a page idempotently, and the report that adds the batches up.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CivilStatusRepository, RegisterPagesStore } from '../../../functions/civil-status/application/civil-status.ports.ts';
import type { CivilStatusDependencies } from '../../../functions/civil-status/application/civil-status.use-cases.ts';
import {
  finishRegisterImport,
  importAct,
  importLines,
  importPage,
  parseIndexLine,
  type ImportBatchRecord,
  type ImportTarget,
  type RegisterImport,
  type RegisterImportRepository,
} from '../../../functions/civil-status/application/register-import.use-cases.ts';
import { BadIndexLineError, EMPTY_TALLY, missingLines, reconciliationOf, tallyLine } from '../../../functions/civil-status/domain/register-import.ts';
import type { RegisterPage } from '../../../functions/civil-status/domain/register-page.ts';

const now = new Date('2026-12-01T10:00:00Z');

function line(number: number, pages: number[], overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    type: 'birth',
    legacy: { office: 'FES-AGDAL', year: 1962, register: 'R-7', number },
    person: { givenName: { latin: 'Driss' }, familyName: { latin: 'Fassi' }, sex: 'M', birthDate: '1962-02-01', birthPlace: { latin: 'Fès' } },
    pages: pages.map((page) => ({ page, file: `pages/${page}.png` })),
    ...overrides,
  });
}

/** An in-memory target: legacy numbers already registered, page numbers already stored, files that are missing. */
function target(options: { registered?: number[]; stored?: number[]; missingFiles?: string[] } = {}): ImportTarget & { acts: number[] } {
  const registered = new Set(options.registered);
  const stored = new Set(options.stored);
  const acts: number[] = [];
  return {
    acts,
    registerAct: async (indexLine) => {
      if (registered.has(indexLine.legacy.number)) return { act: 'already-there', actId: `act-${indexLine.legacy.number}` };
      registered.add(indexLine.legacy.number);
      acts.push(indexLine.legacy.number);
      return { act: 'imported', actId: `act-${indexLine.legacy.number}` };
    },
    storePage: async (_registerId, page) => {
      if (options.missingFiles?.includes(page.file)) throw new BadIndexLineError(`page file ${page.file} is missing`);
      if (stored.has(page.page)) return 'already-stored';
      stored.add(page.page);
      return 'stored';
    },
  };
}

describe('reading an index line', () => {
  it('gives the act and its pages', () => {
    expect(parseIndexLine(line(3, [1, 2]))).toMatchObject({ legacy: { number: 3 }, pages: [{ page: 1, file: 'pages/1.png' }, { page: 2 }] });
  });

  it('reports a line that is not JSON', () => {
    expect(() => parseIndexLine('{"type": "birth", "legacy": ')).toThrow(new BadIndexLineError('not valid JSON'));
  });

  it('reports each invalid field by its path, without the values', () => {
    const bad = line(3, [1], { type: 'death', person: { givenName: { latin: 'Driss' } } });

    expect(() => parseIndexLine(bad)).toThrow(/person\/familyName: /);
    expect(() => parseIndexLine(bad)).not.toThrow(/Driss/);
  });

  it('refuses a page file outside the folder', () => {
    expect(() => parseIndexLine(JSON.stringify({ ...JSON.parse(line(1, [])), pages: [{ page: 1, file: '../secret.png' }] }))).toThrow(/pages\/0\/file/);
  });
});

describe('importing lines', () => {
  it('imports each act and stores each page once, with a page shown by two acts counted once', async () => {
    const importTarget = target();

    const tally = await importLines(importTarget, [
      { line: 1, text: line(1, [1]) },
      { line: 2, text: line(2, [1, 2]) },
      { line: 3, text: '   ' },
    ]);

    expect(importTarget.acts).toEqual([1, 2]);
    expect(tally).toMatchObject({ linesRead: 2, actsImported: 2, actsAlreadyThere: 0, pagesStored: 2, badLines: [] });
    expect(reconciliationOf(tally)).toEqual([{ registerId: 'FES-AGDAL.1962.R-7', actsExpected: 2, actsPresent: 2, pagesExpected: 2, pagesStored: 2 }]);
  });

  it('counts acts and pages from an earlier run as present, without importing them again', async () => {
    const tally = await importLines(target({ registered: [1], stored: [1] }), [{ line: 1, text: line(1, [1]) }]);

    expect(tally).toMatchObject({ actsImported: 0, actsAlreadyThere: 1, pagesStored: 0 });
    expect(reconciliationOf(tally)[0]).toMatchObject({ actsPresent: 1, pagesStored: 1 });
  });

  it('reports a bad line with its number and goes on; an act registered before a missing page stays counted', async () => {
    const tally = await importLines(target({ missingFiles: ['pages/2.png'] }), [
      { line: 1, text: '{"nope' },
      { line: 2, text: line(2, [2]) },
      { line: 3, text: line(3, [3]) },
    ]);

    expect(tally.badLines).toEqual([
      { line: 1, reason: 'not valid JSON' },
      { line: 2, reason: 'page file pages/2.png is missing' },
    ]);
    expect(reconciliationOf(tally)).toEqual([{ registerId: 'FES-AGDAL.1962.R-7', actsExpected: 2, actsPresent: 2, pagesExpected: 2, pagesStored: 1 }]);
  });

  it('throws what is not a bad line, so the batch is retried rather than reported', async () => {
    const failing: ImportTarget = { ...target(), registerAct: () => Promise.reject(new Error('DynamoDB is unreachable')) };

    await expect(importLines(failing, [{ line: 1, text: line(1, []) }])).rejects.toThrow('DynamoDB is unreachable');
  });
});

describe('the tally', () => {
  it('finds the lines no batch reported on', () => {
    expect(missingLines(10, [1, 2, 3, 6, 7, 10])).toEqual([
      { first: 4, last: 5 },
      { first: 8, last: 9 },
    ]);
    expect(missingLines(3, [1, 2, 3])).toEqual([]);
  });

  it('does not count a line for a register it never named', () => {
    expect(tallyLine(EMPTY_TALLY, { line: 1, pagesExpected: [], pagesStored: [], pagesNewlyStored: 0, bad: 'not valid JSON' }).registers).toEqual({});
  });
});

class LegacyTaken extends Error {}

function dependencies(existing: Record<string, string>): CivilStatusDependencies {
  const repository = {
    create: async (change: { act: { legacy: { number: number } } }) => {
      if (existing[String(change.act.legacy.number)]) throw new LegacyTaken();
    },
    actIdOfLegacy: async (legacy: { number: number }) => existing[String(legacy.number)],
  } as unknown as CivilStatusRepository;
  return {
    repository,
    newActId: () => 'new-act',
    newCivilId: () => '1234567890',
    newNoteId: () => 'new-note',
    isCivilIdTaken: () => false,
    isLegacyReferenceTaken: (error) => error instanceof LegacyTaken,
    isActTaken: () => false,
    actIdFor: () => 'keyed-act',
    releaseLegacyClaim: async () => {},
  };
}

describe('importing an act', () => {
  it('registers it as the import, for the office of its legacy reference', async () => {
    expect(await importAct(dependencies({}), parseIndexLine(line(1, [])), 'import:i-1', now)).toEqual({ act: 'imported', actId: 'new-act' });
  });

  it('finds the act that already holds its legacy reference', async () => {
    expect(await importAct(dependencies({ 1: 'act-from-before' }), parseIndexLine(line(1, [])), 'import:i-1', now)).toEqual({ act: 'already-there', actId: 'act-from-before' });
  });
});

describe('importing a page', () => {
  const image = new TextEncoder().encode('scan of page 4');
  const sha256 = createHash('sha256').update(image).digest('hex');

  function fakes(existing?: RegisterPage) {
    const written: { key: string; sha256: string }[] = [];
    const pages: RegisterPage[] = [];
    const repository = {
      getPage: async () => existing,
      declarePage: async (page: RegisterPage) => void pages.push(page),
      storePage: async (page: RegisterPage) => void pages.push(page),
    } as unknown as CivilStatusRepository;
    const store = {
      importedObjectKey: (registerId: string, page: number, hash: string) => `registers/${registerId}/${page}/imported-${hash}`,
      putVerified: async (key: string, _body: Uint8Array, hash: string) => void written.push({ key, sha256: hash }),
    } as unknown as RegisterPagesStore;
    return { repository, store, written, pages };
  }
  const source = { read: async (key: string) => (key === 'F/pages/4.png' ? { bytes: image, sha256 } : undefined) };
  const request = (declared?: string) => ({
    registerId: 'FES-AGDAL.1962.R-7',
    page: { page: 4, file: 'pages/4.png', ...(declared && { sha256: declared }) },
    sourceKey: 'F/pages/4.png',
    acts: ['act-1'],
    importedBy: 'import:i-1',
  });

  it('copies the image under a key named by its SHA-256 and records the page as stored', async () => {
    const { repository, store, written, pages } = fakes();

    expect(await importPage(repository, store, source, request(sha256.toUpperCase()), now)).toBe('stored');
    expect(written).toEqual([{ key: `registers/FES-AGDAL.1962.R-7/4/imported-${sha256}`, sha256 }]);
    expect(pages.at(-1)).toMatchObject({ status: 'stored', sha256, acts: ['act-1'], contentType: 'image/png', sizeBytes: image.length });
  });

  it('skips a page already stored without reading the image', async () => {
    const { repository, store, written } = fakes({ status: 'stored' } as RegisterPage);

    expect(await importPage(repository, store, { read: () => Promise.reject(new Error('not read')) }, request(), now)).toBe('already-stored');
    expect(written).toEqual([]);
  });

  it('reports an image that is not the one the line declares, and stores nothing', async () => {
    const { repository, store, written } = fakes();

    await expect(importPage(repository, store, source, request('0'.repeat(64)), now)).rejects.toThrow(BadIndexLineError);
    expect(written).toEqual([]);
  });
});

describe('finishing an import', () => {
  function imports(batches: ImportBatchRecord[]): RegisterImportRepository & { finished: Partial<RegisterImport>[] } {
    const finished: Partial<RegisterImport>[] = [];
    return {
      finished,
      create: async () => undefined,
      get: async (importId) => ({ importId, folder: 'F', status: 'running', startedBy: 'admin-1', startedAt: now.toISOString() }),
      recordBatch: async () => undefined,
      batches: async () => batches,
      finish: async (_importId, outcome) => void finished.push(outcome),
    };
  }

  it('adds the batches up, per register, and names the lines no batch reported on', async () => {
    const first = await importLines(target(), [{ line: 1, text: line(1, [1]) }, { line: 2, text: '{' }]);
    const third = await importLines(target(), [{ line: 4, text: line(4, [2]) }]);
    const repository = imports([
      { importId: 'i-1', lines: [1, 2], tally: first },
      { importId: 'i-1', lines: [4], tally: third },
    ]);

    const finished = await finishRegisterImport(repository, { importId: 'i-1', linesTotal: 5 }, now);

    expect(finished).toMatchObject({
      status: 'succeeded',
      finishedAt: now.toISOString(),
      report: {
        linesTotal: 5,
        linesRead: 3,
        actsImported: 2,
        badLines: 1,
        badLineDetails: [{ line: 2, reason: 'not valid JSON' }],
        linesNotProcessed: [
          { first: 3, last: 3 },
          { first: 5, last: 5 },
        ],
        registers: [{ registerId: 'FES-AGDAL.1962.R-7', actsExpected: 2, actsPresent: 2, pagesExpected: 2, pagesStored: 2 }],
        complete: false,
      },
    });
    expect(repository.finished).toHaveLength(1);
  });

  it('marks the import failed with the error that stopped it', async () => {
    const finished = await finishRegisterImport(imports([]), { importId: 'i-2', failure: 'RegisterIndexMissingError' }, now);

    expect(finished).toMatchObject({ status: 'failed', failure: 'RegisterIndexMissingError', report: { complete: false, linesRead: 0 } });
  });
});
