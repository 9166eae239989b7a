// The register-import workflow's first task: numbers the lines of the folder's index for the Distributed Map.
import { registerImportsBucket } from '../adapters/register-imports.bucket.ts';
import { prepareRegisterImport } from '../application/register-import.use-cases.ts';
import { taskHandler } from '../../shared/observability/task-handler.ts';

export const handler = taskHandler(async (event: { importId: string; folder: string }) => {
  return prepareRegisterImport(registerImportsBucket, event.importId, event.folder);
});
