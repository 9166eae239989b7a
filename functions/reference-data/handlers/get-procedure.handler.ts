// GET /v1/procedures/{code}
import { httpHandler } from '../../shared/http/http-handler.ts';
import { referenceDataRepository } from '../adapters/reference-data.dependencies.ts';
import { getProcedure } from '../application/catalogue.use-cases.ts';
import { getProcedureRoute } from '../schemas/reference-data.schema.ts';

export const handler = httpHandler(getProcedureRoute, async ({ params }) => ({
  body: await getProcedure(referenceDataRepository, params.code),
}));
