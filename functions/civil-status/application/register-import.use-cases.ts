// The historical import of register folders. One way of reading and importing a line serves both runners:
// the CLI against a running platform (through its API) and the batch function of the Distributed Map in AWS
// (straight to the repository and the stores). Both register an act at most once per legacy reference (the
// act's creation claims it conditionally) and store a page at most once, so a rerun finishes an interrupted import.
import type { Principal } from '../../shared/auth/principal.ts';
import { DomainError, InvalidStateError, NotFoundError } from '../../shared/errors/domain-errors.ts';
import {
  BadIndexLineError,
  EMPTY_TALLY,
  contentTypeOf,
  missingLines,
  mergeTallies,
  reconciliationOf,
  registerIdOf,
  requireDeclaredImage,
  tallyLine,
  type ImportTally,
  type IndexLine,
  type LineOutcome,
  type RegisterReconciliation,
} from '../domain/register-import.ts';
import { acceptUpload, officeOfRegister, type RegisterPage } from '../domain/register-page.ts';
import { indexLineSchema } from '../schemas/civil-status.schema.ts';
import type { CivilStatusRepository, RegisterPagesStore } from './civil-status.ports.ts';
import { registerCivilAct, type CivilStatusDependencies } from './civil-status.use-cases.ts';

/** Reads and validates one line of `index.jsonl`; a bad line raises BadIndexLineError with the reason to report. */
export function parseIndexLine(text: string): IndexLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BadIndexLineError('not valid JSON');
  }
  const parsed = indexLineSchema().safeParse(value);
  if (!parsed.success) {
    // Paths and messages only: zod's messages never repeat the values, which may be names.
    throw new BadIndexLineError(parsed.error.issues.map((issue) => `${issue.path.join('/') || 'line'}: ${issue.message}`).join('; '));
  }
  return parsed.data;
}

/** Where an import writes: the platform's API (CLI) or its storage (batch function). */
export interface ImportTarget {
  /** Registers the act unless its legacy reference already is; `actId` when known. */
  registerAct(line: IndexLine): Promise<{ readonly act: 'imported' | 'already-there'; readonly actId?: string }>;
  /** Stores a page image unless the page is stored already; BadIndexLineError when the image is missing or wrong. */
  storePage(registerId: string, page: IndexLine['pages'][number], actIds: readonly string[]): Promise<'stored' | 'already-stored'>;
}

/** Imports one line: its act, then its pages. A bad line is reported, not thrown; any other failure is thrown. */
export async function importIndexLine(target: ImportTarget, line: number, text: string): Promise<LineOutcome> {
  let registerId: string | undefined;
  let act: LineOutcome['act'];
  let pagesExpected: number[] = [];
  const pagesStored: number[] = [];
  let pagesNewlyStored = 0;
  try {
    const indexLine = parseIndexLine(text);
    registerId = registerIdOf(indexLine.legacy);
    pagesExpected = indexLine.pages.map((page) => page.page);
    const registered = await target.registerAct(indexLine);
    act = registered.act;
    for (const page of indexLine.pages) {
      const stored = await target.storePage(registerId, page, registered.actId === undefined ? [] : [registered.actId]);
      pagesStored.push(page.page);
      if (stored === 'stored') pagesNewlyStored += 1;
    }
    return { line, registerId, act, pagesExpected, pagesStored, pagesNewlyStored };
  } catch (error) {
    if (!(error instanceof BadIndexLineError)) throw error;
    return { line, ...(registerId !== undefined && { registerId }), ...(act !== undefined && { act }), pagesExpected, pagesStored, pagesNewlyStored, bad: error.message };
  }
}

/** Imports lines in order (a page shared by two lines is stored by the first); blank lines are skipped. */
export async function importLines(target: ImportTarget, lines: readonly { readonly line: number; readonly text: string }[]): Promise<ImportTally> {
  let tally = EMPTY_TALLY;
  for (const { line, text } of lines) {
    if (text.trim() === '') continue;
    tally = tallyLine(tally, await importIndexLine(target, line, text));
  }
  return tally;
}

/** Registers an imported act as a registrar of its office would, or finds the act its legacy reference already names. */
export async function importAct(dependencies: CivilStatusDependencies, line: IndexLine, importedBy: string, now: Date): Promise<{ act: 'imported' | 'already-there'; actId: string }> {
  const principal: Principal = { sub: importedBy, roles: ['registrar'], office: line.legacy.office };
  const { type, legacy, person, deathDate } = line;
  try {
    const act = await registerCivilAct(dependencies, { type, legacy, person, ...(deathDate !== undefined && { deathDate }) }, principal, now);
    return { act: 'imported', actId: act.id };
  } catch (error) {
    if (dependencies.isLegacyReferenceTaken(error)) {
      const actId = await dependencies.repository.actIdOfLegacy(legacy);
      if (actId !== undefined) return { act: 'already-there', actId };
    }
    if (error instanceof DomainError) throw new BadIndexLineError(error.message);
    throw error;
  }
}

/** The folder an import reads: `index.jsonl` and the page images, in the import bucket. */
export interface ImportFolderSource {
  /** The object's bytes and SHA-256 (hex); undefined when there is no such object. */
  read(key: string): Promise<{ readonly bytes: Uint8Array; readonly sha256: string } | undefined>;
}

export interface PageImport {
  readonly registerId: string;
  readonly page: IndexLine['pages'][number];
  /** Key of the page image in the import bucket. */
  readonly sourceKey: string;
  readonly acts: readonly string[];
  readonly importedBy: string;
}

/**
 * Copies a page image into the write-once register pages, idempotently: a stored page is skipped; otherwise the
 * image's SHA-256 is checked against the one the line declares, the copy is written under a key made of that
 * SHA-256 with the checksum for storage to verify, and the page is recorded as stored.
 */
export async function importPage(repository: CivilStatusRepository, store: RegisterPagesStore, source: ImportFolderSource, request: PageImport, now: Date): Promise<'stored' | 'already-stored'> {
  const { registerId, page } = request;
  if ((await repository.getPage(registerId, page.page))?.status === 'stored') return 'already-stored';
  const image = await source.read(request.sourceKey);
  if (!image) throw new BadIndexLineError(`page file ${page.file} is missing`);
  requireDeclaredImage(page, image.sha256);
  const declared: RegisterPage = {
    registerId,
    office: officeOfRegister(registerId),
    page: page.page,
    sha256: image.sha256,
    contentType: contentTypeOf(page.file),
    acts: request.acts,
    status: 'awaiting-upload',
    objectKey: store.importedObjectKey(registerId, page.page, image.sha256),
    declaredAt: now.toISOString(),
    declaredBy: request.importedBy,
  };
  try {
    await repository.declarePage(declared);
  } catch (error) {
    // Stored meanwhile by another line or run.
    if (error instanceof InvalidStateError) return 'already-stored';
    throw error;
  }
  await store.putVerified(declared.objectKey, image.bytes, image.sha256, declared.contentType);
  await repository.storePage(acceptUpload(declared, image.sha256, image.bytes.length, now));
  return 'stored';
}

export type ImportStatus = 'running' | 'succeeded' | 'failed';

export interface ImportReport {
  /** Lines of `index.jsonl`, blank ones included; absent when the index could not be read. */
  readonly linesTotal?: number;
  readonly linesRead: number;
  readonly actsImported: number;
  readonly actsAlreadyThere: number;
  readonly pagesStored: number;
  readonly badLines: number;
  /** The first MAX_REPORTED_BAD_LINES bad lines, by line number. */
  readonly badLineDetails: readonly { readonly line: number; readonly reason: string }[];
  /** Lines no batch reported on: a batch that failed for good. Run the import again to finish them. */
  readonly linesNotProcessed: readonly { readonly first: number; readonly last: number }[];
  readonly registers: readonly RegisterReconciliation[];
  /** Every line read, none bad, every act present and every page stored. */
  readonly complete: boolean;
}

export interface RegisterImport {
  readonly importId: string;
  readonly folder: string;
  readonly status: ImportStatus;
  readonly startedBy: string;
  readonly startedAt: string;
  readonly finishedAt?: string;
  /** The workflow error that stopped the import. */
  readonly failure?: string;
  readonly report?: ImportReport;
}

/** What one batch of the Distributed Map reports: the lines it was given and what became of them. */
export interface ImportBatchRecord {
  readonly importId: string;
  readonly lines: readonly number[];
  readonly tally: ImportTally;
}

export interface RegisterImportRepository {
  /** ConflictError if the id exists. */
  create(registerImport: RegisterImport): Promise<void>;
  get(importId: string): Promise<RegisterImport | undefined>;
  /** Keyed by the batch's first line: a retried batch replaces its own record. */
  recordBatch(batch: ImportBatchRecord): Promise<void>;
  batches(importId: string): Promise<ImportBatchRecord[]>;
  finish(importId: string, outcome: Pick<RegisterImport, 'status' | 'finishedAt' | 'failure' | 'report'>): Promise<void>;
}

/** Runs an import in the background (the register-import workflow), once per import id. */
export interface ImportRuns {
  start(importId: string, folder: string): Promise<void>;
}

export interface RegisterImportDependencies {
  readonly imports: RegisterImportRepository;
  readonly runs: ImportRuns;
  readonly newImportId: () => string;
}

export async function startRegisterImport(dependencies: RegisterImportDependencies, folder: string, principal: Principal, now: Date): Promise<RegisterImport> {
  const registerImport: RegisterImport = { importId: dependencies.newImportId(), folder, status: 'running', startedBy: principal.sub, startedAt: now.toISOString() };
  await dependencies.imports.create(registerImport);
  await dependencies.runs.start(registerImport.importId, folder);
  return registerImport;
}

export async function readRegisterImport(imports: RegisterImportRepository, importId: string): Promise<RegisterImport> {
  const registerImport = await imports.get(importId);
  if (!registerImport) throw new NotFoundError({ ar: `لا توجد عملية استيراد ${importId}`, fr: `Aucun import ${importId}`, en: `No import ${importId}` });
  return registerImport;
}

/** Raised by the preparation when the folder has no `index.jsonl`; the workflow ends the import as failed. */
export class RegisterIndexMissingError extends Error {
  override name = 'RegisterIndexMissingError';
}

/** Where the workflow keeps the numbered lines of each import's index, in the import bucket. */
export const IMPORT_LINES_PREFIX = 'imports/';
export const importLinesKey = (importId: string) => `${IMPORT_LINES_PREFIX}${importId}/lines.jsonl`;

export interface ImportBucket {
  /** The lines of a text object; undefined when there is no such object. */
  readLines(key: string): Promise<string[] | undefined>;
  write(key: string, text: string): Promise<void>;
}

/**
 * Numbers the lines of the index for the Distributed Map: each becomes `{"line": n, "text": "<the line>"}`, a
 * valid JSON line whatever the original holds. Step Functions' JSONL reader gives items without their line
 * number and would fail the whole run on a line that is not JSON, where the import must report that line and go on.
 */
export async function prepareRegisterImport(bucket: ImportBucket, importId: string, folder: string): Promise<{ linesKey: string; linesTotal: number }> {
  const lines = await bucket.readLines(`${folder}/index.jsonl`);
  if (lines === undefined) throw new RegisterIndexMissingError(`The folder ${folder} has no index.jsonl`);
  const linesKey = importLinesKey(importId);
  await bucket.write(linesKey, lines.map((text, index) => JSON.stringify({ line: index + 1, text })).join('\n'));
  return { linesKey, linesTotal: lines.length };
}

export const MAX_REPORTED_BAD_LINES = 1000;

/** Adds up what every batch reported into the import's report, and ends the import. */
export async function finishRegisterImport(
  imports: RegisterImportRepository,
  request: { readonly importId: string; readonly linesTotal?: number; readonly failure?: string },
  now: Date,
): Promise<RegisterImport> {
  const current = await readRegisterImport(imports, request.importId);
  const batches = await imports.batches(request.importId);
  const tally = mergeTallies(batches.map((batch) => batch.tally));
  const registers = reconciliationOf(tally);
  const linesNotProcessed = request.linesTotal === undefined ? [] : missingLines(request.linesTotal, batches.flatMap((batch) => batch.lines));
  const report: ImportReport = {
    ...(request.linesTotal !== undefined && { linesTotal: request.linesTotal }),
    linesRead: tally.linesRead,
    actsImported: tally.actsImported,
    actsAlreadyThere: tally.actsAlreadyThere,
    pagesStored: tally.pagesStored,
    badLines: tally.badLines.length,
    badLineDetails: tally.badLines.slice(0, MAX_REPORTED_BAD_LINES),
    linesNotProcessed,
    registers,
    complete:
      request.failure === undefined &&
      request.linesTotal !== undefined &&
      linesNotProcessed.length === 0 &&
      tally.badLines.length === 0 &&
      registers.every((register) => register.actsPresent === register.actsExpected && register.pagesStored === register.pagesExpected),
  };
  const outcome = {
    status: request.failure === undefined ? ('succeeded' as const) : ('failed' as const),
    finishedAt: now.toISOString(),
    ...(request.failure !== undefined && { failure: request.failure }),
    report,
  };
  await imports.finish(request.importId, outcome);
  return { ...current, ...outcome };
}
