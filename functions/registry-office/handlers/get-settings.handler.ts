// GET /v1/registry/settings/{commune} (clerk of the commune, admin, auditor)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { registryOfficeDependencies } from '../adapters/registry-office.dependencies.ts';
import { readSettings } from '../application/registry-settings.use-cases.ts';
import { getSettingsRoute } from '../schemas/registry-office.schema.ts';

export const handler = httpHandler(getSettingsRoute, async ({ params, principal }) => ({ body: await readSettings(registryOfficeDependencies.repository, params.commune, principal) }));
