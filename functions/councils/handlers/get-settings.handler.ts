// GET /v1/councils/bodies/{body}/settings
import { httpHandler } from '../../shared/http/http-handler.ts';
import { councilsRepository } from '../adapters/councils.dependencies.ts';
import { readSettings } from '../application/body.use-cases.ts';
import { getSettingsRoute } from '../schemas/councils.schema.ts';

export const handler = httpHandler(
  getSettingsRoute,
  async ({ params, principal }) => ({ body: await readSettings(councilsRepository, params.body, principal) }),
);
