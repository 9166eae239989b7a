// GET /v1/communes/{code}
import { httpHandler } from '../../shared/http/http-handler.ts';
import { referenceDataRepository } from '../adapters/reference-data.dependencies.ts';
import { getCommune } from '../application/catalogue.use-cases.ts';
import { getCommuneRoute } from '../schemas/reference-data.schema.ts';

export const handler = httpHandler(getCommuneRoute, async ({ params }) => ({
  body: await getCommune(referenceDataRepository, params.code),
}));
