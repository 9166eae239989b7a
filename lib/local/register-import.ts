// Imports digitized civil-status registers into a running platform through its own API: a folder holding
// `index.jsonl` (one act per line, with the pages that show it) and the page images. Idempotent and
// resumable: an act already registered (same office, year, register and number) and a page already stored
// are recognised and skipped, so an interrupted import is finished by running it again.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface ImportOptions {
  readonly folder: string;
  readonly platformUrl: string;
  /** Stops after this many index lines, as an interruption would (for tests and trial runs). */
  readonly maxLines?: number;
  readonly onProgress?: (progress: ImportProgress) => void;
}

export interface ImportProgress {
  readonly linesRead: number;
  readonly actsImported: number;
  readonly actsAlreadyThere: number;
  readonly pagesStored: number;
  readonly badLines: number;
}

export interface RegisterReconciliation {
  readonly registerId: string;
  readonly actsExpected: number;
  /** Registered by this run or found from an earlier one. */
  readonly actsPresent: number;
  readonly pagesExpected: number;
  readonly pagesStored: number;
}

export interface ImportReport extends ImportProgress {
  readonly badLineDetails: readonly { readonly line: number; readonly reason: string }[];
  readonly registers: readonly RegisterReconciliation[];
}

interface IndexLine {
  readonly type: 'birth' | 'death';
  readonly legacy: { readonly office: string; readonly year: number; readonly register: string; readonly number: number };
  readonly person: Record<string, unknown>;
  readonly deathDate?: string;
  readonly pages?: readonly { readonly page: number; readonly file: string }[];
}

const CONTENT_TYPES: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', tif: 'image/tiff', tiff: 'image/tiff', pdf: 'application/pdf' };

class ImportLineError extends Error {}

function parseLine(text: string): IndexLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ImportLineError('not valid JSON');
  }
  const line = value as Partial<IndexLine>;
  if (typeof line !== 'object' || line === null || !line.legacy || !line.person || !line.type) {
    throw new ImportLineError('needs type, legacy and person');
  }
  return line as IndexLine;
}

function registerIdOf(legacy: IndexLine['legacy']): string {
  return `${legacy.office}.${legacy.year}.${legacy.register}`;
}

export async function importRegisters(options: ImportOptions): Promise<ImportReport> {
  const tokens = new Map<string, string>();
  const tokenFor = async (office: string): Promise<string> => {
    const known = tokens.get(office);
    if (known) return known;
    const reply = await fetch(`${options.platformUrl}/_local/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sub: `import-${office}`, roles: ['registrar'], office, expiresIn: 86_400 }),
    });
    if (!reply.ok) throw new Error(`The platform at ${options.platformUrl} refused a token: ${reply.status}`);
    const token = ((await reply.json()) as { token: string }).token;
    tokens.set(office, token);
    return token;
  };
  const call = async (office: string, method: string, path: string, body?: unknown) => {
    const reply = await fetch(`${options.platformUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${await tokenFor(office)}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    return { status: reply.status, json: (await reply.json().catch(() => ({}))) as Record<string, unknown> };
  };

  const progress = { linesRead: 0, actsImported: 0, actsAlreadyThere: 0, pagesStored: 0, badLines: 0 };
  const badLineDetails: { line: number; reason: string }[] = [];
  const registers = new Map<string, { actsExpected: number; actsPresent: number; pages: Set<number>; pagesStored: Set<number> }>();
  const lines = createInterface({ input: createReadStream(join(options.folder, 'index.jsonl'), 'utf8'), crlfDelay: Infinity });

  for await (const text of lines) {
    if (options.maxLines !== undefined && progress.linesRead >= options.maxLines) break;
    progress.linesRead += 1;
    const lineNumber = progress.linesRead;
    if (text.trim() === '') continue;
    try {
      const line = parseLine(text);
      const registerId = registerIdOf(line.legacy);
      const register = registers.get(registerId) ?? { actsExpected: 0, actsPresent: 0, pages: new Set<number>(), pagesStored: new Set<number>() };
      registers.set(registerId, register);
      register.actsExpected += 1;

      const registered = await call(line.legacy.office, 'POST', '/v1/civil-status/acts', {
        type: line.type,
        legacy: line.legacy,
        person: line.person,
        ...(line.deathDate && { deathDate: line.deathDate }),
      });
      if (registered.status === 201) progress.actsImported += 1;
      // The legacy reference is taken: this act was registered by an earlier run.
      else if (registered.status === 409) progress.actsAlreadyThere += 1;
      else throw new ImportLineError(`the platform refused the act (${registered.status}): ${JSON.stringify(registered.json.errors ?? registered.json.detail)}`);
      register.actsPresent += 1;

      for (const page of line.pages ?? []) {
        register.pages.add(page.page);
        if (register.pagesStored.has(page.page)) continue;
        const image = await readFile(join(options.folder, page.file)).catch(() => {
          throw new ImportLineError(`page file ${page.file} is missing`);
        });
        const sha256 = createHash('sha256').update(image).digest('hex');
        const contentType = CONTENT_TYPES[page.file.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';
        const declared = await call(line.legacy.office, 'POST', `/v1/civil-status/registers/${registerId}/pages`, {
          page: page.page,
          sha256,
          contentType,
          ...(registered.status === 201 && { acts: [registered.json.id] }),
        });
        if (declared.status === 201) {
          const upload = declared.json.upload as { url: string; headers: Record<string, string> };
          const put = await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: image });
          if (!put.ok) throw new ImportLineError(`the upload of ${page.file} failed (${put.status})`);
          const completed = await call(line.legacy.office, 'POST', `/v1/civil-status/registers/${registerId}/pages/${page.page}/complete`);
          if (completed.status !== 200) throw new ImportLineError(`page ${page.page} of ${registerId} was not accepted (${completed.status})`);
          progress.pagesStored += 1;
        } else if (declared.status !== 409) {
          throw new ImportLineError(`page ${page.page} of ${registerId} could not be declared (${declared.status})`);
        }
        // 409: stored by an earlier run or an earlier line.
        register.pagesStored.add(page.page);
      }
    } catch (error) {
      if (!(error instanceof ImportLineError)) throw error;
      progress.badLines += 1;
      badLineDetails.push({ line: lineNumber, reason: error.message });
    }
    options.onProgress?.({ ...progress });
  }

  return {
    ...progress,
    badLineDetails,
    registers: [...registers].map(([registerId, register]) => ({
      registerId,
      actsExpected: register.actsExpected,
      actsPresent: register.actsPresent,
      pagesExpected: register.pages.size,
      pagesStored: register.pagesStored.size,
    })),
  };
}
