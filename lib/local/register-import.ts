// Imports digitized civil-status registers into a running platform through its own API: a folder holding
// `index.jsonl` (one act per line, with the pages that show it) and the page images. Idempotent and
// resumable: an act already registered (same office, year, register and number) and a page already stored
// are recognised and skipped, so an interrupted import is finished by running it again. Lines are read,
// imported and added up by the same application code as the import's batch function in AWS.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { importIndexLine, type ImportTarget } from '../../functions/civil-status/application/register-import.use-cases.ts';
import { BadIndexLineError, EMPTY_TALLY, contentTypeOf, reconciliationOf, requireDeclaredImage, tallyLine, type ImportTally, type RegisterReconciliation } from '../../functions/civil-status/domain/register-import.ts';

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

export interface ImportReport extends ImportProgress {
  readonly badLineDetails: readonly { readonly line: number; readonly reason: string }[];
  readonly registers: readonly RegisterReconciliation[];
}

/** The platform's API as the import's target: acts and pages go through the routes a registrar of their office uses. */
function apiTarget(options: ImportOptions): ImportTarget {
  const tokens = new Map<string, Promise<string>>();
  const tokenFor = (office: string): Promise<string> => {
    const token =
      tokens.get(office) ??
      fetch(`${options.platformUrl}/_local/tokens`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ sub: `import-${office}`, roles: ['registrar'], office, expiresIn: 86_400 }),
      }).then(async (reply) => {
        if (!reply.ok) throw new Error(`The platform at ${options.platformUrl} refused a token: ${reply.status}`);
        return ((await reply.json()) as { token: string }).token;
      });
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

  return {
    async registerAct(line) {
      const { type, legacy, person, deathDate } = line;
      const registered = await call(legacy.office, 'POST', '/v1/civil-status/acts', { type, legacy, person, ...(deathDate && { deathDate }) });
      if (registered.status === 201) return { act: 'imported', actId: registered.json.id as string };
      // The legacy reference is taken: this act was registered by an earlier run.
      if (registered.status === 409) return { act: 'already-there' };
      throw new BadIndexLineError(`the platform refused the act (${registered.status}): ${JSON.stringify(registered.json.errors ?? registered.json.detail)}`);
    },

    async storePage(registerId, page, actIds) {
      const office = registerId.split('.')[0]!;
      const image = await readFile(join(options.folder, page.file)).catch(() => {
        throw new BadIndexLineError(`page file ${page.file} is missing`);
      });
      const sha256 = createHash('sha256').update(image).digest('hex');
      requireDeclaredImage(page, sha256);
      const declared = await call(office, 'POST', `/v1/civil-status/registers/${registerId}/pages`, { page: page.page, sha256, contentType: contentTypeOf(page.file), acts: actIds });
      // Stored by an earlier run or an earlier line.
      if (declared.status === 409) return 'already-stored';
      if (declared.status !== 201) throw new BadIndexLineError(`page ${page.page} of ${registerId} could not be declared (${declared.status})`);
      const upload = declared.json.upload as { url: string; headers: Record<string, string> };
      const put = await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: image });
      if (!put.ok) throw new BadIndexLineError(`the upload of ${page.file} failed (${put.status})`);
      const completed = await call(office, 'POST', `/v1/civil-status/registers/${registerId}/pages/${page.page}/complete`);
      if (completed.status !== 200) throw new BadIndexLineError(`page ${page.page} of ${registerId} was not accepted (${completed.status})`);
      return 'stored';
    },
  };
}

export async function importRegisters(options: ImportOptions): Promise<ImportReport> {
  const target = apiTarget(options);
  let tally = EMPTY_TALLY;
  let lineNumber = 0;
  const lines = createInterface({ input: createReadStream(join(options.folder, 'index.jsonl'), 'utf8'), crlfDelay: Infinity });
  for await (const text of lines) {
    if (options.maxLines !== undefined && lineNumber >= options.maxLines) break;
    lineNumber += 1;
    if (text.trim() === '') continue;
    tally = tallyLine(tally, await importIndexLine(target, lineNumber, text));
    options.onProgress?.(progressOf(tally));
  }
  return { ...progressOf(tally), badLineDetails: tally.badLines, registers: reconciliationOf(tally) };
}

function progressOf(tally: ImportTally): ImportProgress {
  const { linesRead, actsImported, actsAlreadyThere, pagesStored, badLines } = tally;
  return { linesRead, actsImported, actsAlreadyThere, pagesStored, badLines: badLines.length };
}
