// GET /v1/registry/settings/{commune}/history (admin, auditor)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { registryOfficeDependencies } from '../adapters/registry-office.dependencies.ts';
import { settingsHistory } from '../application/registry-settings.use-cases.ts';
import { settingsHistoryRoute } from '../schemas/registry-office.schema.ts';

export const handler = httpHandler(settingsHistoryRoute, async ({ params, query, principal }) => ({
  body: await settingsHistory(registryOfficeDependencies.repository, params.commune, principal, query),
}));
