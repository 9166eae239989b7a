// GET /v1/communes
import { httpHandler } from '../../shared/http/http-handler.ts';
import { referenceDataRepository } from '../adapters/reference-data.dependencies.ts';
import { listCommunes } from '../application/catalogue.use-cases.ts';
import { listCommunesRoute } from '../schemas/reference-data.schema.ts';

export const handler = httpHandler(listCommunesRoute, async ({ query }) => ({
  body: await listCommunes(referenceDataRepository, query),
}));
