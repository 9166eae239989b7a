// GET /v1/councils/bodies/{body}/deliberations/{id}
import { httpHandler } from '../../shared/http/http-handler.ts';
import { now } from '../../shared/time/time-source.ts';
import { councilsRepository } from '../adapters/councils.dependencies.ts';
import { readDeliberation } from '../application/deliberation.use-cases.ts';
import { getDeliberationRoute } from '../schemas/councils.schema.ts';

export const handler = httpHandler(
  getDeliberationRoute,
  async ({ params, principal }) => ({ body: await readDeliberation(councilsRepository, params.body, params.id, principal, now()) }),
);
