// GET /v1/transparency/settings/{commune}
import { httpHandler } from '../../shared/http/http-handler.ts';
import { transparencyDependencies } from '../adapters/transparency.dependencies.ts';
import { readSettings } from '../application/transparency-settings.use-cases.ts';
import { getSettingsRoute } from '../schemas/transparency.schema.ts';

export const handler = httpHandler(getSettingsRoute, async ({ params, principal }) => ({ body: await readSettings(transparencyDependencies.repository, params.commune, principal) }));
