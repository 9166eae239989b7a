// The register-import workflow's last task: adds up the batches into the report and ends the import, as
// succeeded, or as failed when a step caught an error (`failure` then holds it).
import { now } from '../../shared/time/time-source.ts';
import { registerImportRepository } from '../adapters/register-import.dependencies.ts';
import { finishRegisterImport } from '../application/register-import.use-cases.ts';
import { taskHandler } from '../../shared/observability/task-handler.ts';

export interface FinishImportEvent {
  readonly importId: string;
  readonly prepared?: { readonly linesTotal: number };
  readonly failure?: { readonly Error: string };
}

export const handler = taskHandler(async (event: FinishImportEvent) => {
  const finished = await finishRegisterImport(
    registerImportRepository,
    {
      importId: event.importId,
      ...(event.prepared && { linesTotal: event.prepared.linesTotal }),
      ...(event.failure && { failure: event.failure.Error }),
    },
    now(),
  );
  return { importId: finished.importId, status: finished.status, complete: finished.report?.complete ?? false };
});
