// GET /v1/civil-status/imports/{importId} (admin, auditor)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { registerImportRepository } from '../adapters/register-import.dependencies.ts';
import { readRegisterImport } from '../application/register-import.use-cases.ts';
import { getImportRoute } from '../schemas/civil-status.schema.ts';

export const handler = httpHandler(getImportRoute, async ({ params }) => ({ body: await readRegisterImport(registerImportRepository, params.importId) }));
