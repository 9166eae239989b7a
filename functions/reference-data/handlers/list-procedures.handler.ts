// GET /v1/procedures
import { httpHandler } from '../../shared/http/http-handler.ts';
import { referenceDataRepository } from '../adapters/reference-data.dependencies.ts';
import { listProcedures } from '../application/catalogue.use-cases.ts';
import { listProceduresRoute } from '../schemas/reference-data.schema.ts';

export const handler = httpHandler(listProceduresRoute, async ({ query }) => ({
  body: await listProcedures(referenceDataRepository, query),
}));
