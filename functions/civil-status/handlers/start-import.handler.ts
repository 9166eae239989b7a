// POST /v1/civil-status/imports (admin)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { registerImportDependencies } from '../adapters/register-import.dependencies.ts';
import { startRegisterImport } from '../application/register-import.use-cases.ts';
import { startImportRoute } from '../schemas/civil-status.schema.ts';

const dependencies = registerImportDependencies();

export const handler = httpHandler(
  startImportRoute,
  async ({ body, principal }) => {
    const registerImport = await startRegisterImport(dependencies, body.folder, principal, now());
    return { status: 202, body: registerImport, headers: { location: `/v1/civil-status/imports/${registerImport.importId}` } };
  },
  { idempotency: idempotentRequests },
);
