// GET /v1/councils/bodies/{body}/sessions/{id}
import { httpHandler } from '../../shared/http/http-handler.ts';
import { councilsRepository } from '../adapters/councils.dependencies.ts';
import { readSession } from '../application/session.use-cases.ts';
import { getSessionRoute } from '../schemas/councils.schema.ts';

export const handler = httpHandler(
  getSessionRoute,
  async ({ params, principal }) => ({ body: await readSession(councilsRepository, params.body, params.id, principal) }),
);
