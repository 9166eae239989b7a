// A child run of the register-import Distributed Map: imports one batch of index lines (acts, then their pages
// copied into the write-once register pages) and records what became of each line.
import { now } from '../../shared/time/time-source.ts';
import { civilStatusDependencies, civilStatusRepository } from '../adapters/civil-status.dependencies.ts';
import { registerImportRepository } from '../adapters/register-import.dependencies.ts';
import { registerImportsBucket } from '../adapters/register-imports.bucket.ts';
import { registerPagesStore } from '../adapters/register-pages.store.ts';
import { importAct, importLines, importPage, type ImportTarget } from '../application/register-import.use-cases.ts';
import { taskHandler } from '../../shared/observability/task-handler.ts';

/** The input ItemBatcher gives each child run: the batch's items and the BatchInput of the workflow. */
export interface ImportBatchEvent {
  readonly Items: readonly { readonly line: number; readonly text: string }[];
  readonly BatchInput: { readonly importId: string; readonly folder: string };
}

export const handler = taskHandler(async (event: ImportBatchEvent) => {
  const { importId, folder } = event.BatchInput;
  // The actions and page records name the import, so an act's history shows where it came from.
  const importedBy = `import:${importId}`;
  const target: ImportTarget = {
    registerAct: (line) => importAct(civilStatusDependencies, line, importedBy, now()),
    storePage: (registerId, page, acts) =>
      importPage(civilStatusRepository, registerPagesStore, registerImportsBucket, { registerId, page, sourceKey: `${folder}/${page.file}`, acts, importedBy }, now()),
  };
  const tally = await importLines(target, event.Items);
  await registerImportRepository.recordBatch({ importId, lines: event.Items.map((item) => item.line), tally });
  // Counts only: the workflow needs no more, and state payloads are capped at 256 KiB.
  return { lines: event.Items.length, badLines: tally.badLines.length };
});
