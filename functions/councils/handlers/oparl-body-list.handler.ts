// GET /oparl/v1/bodies/{body}/{list} (public)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { oparlUrls } from '../adapters/oparl-urls.ts';
import { councilsRepository } from '../adapters/councils.dependencies.ts';
import { listOfBody } from '../application/publication.use-cases.ts';
import { oparlBodyListRoute } from '../schemas/councils.schema.ts';

export const handler = httpHandler(
  oparlBodyListRoute,
  async ({ event, params, query }) => ({ body: await listOfBody(councilsRepository, oparlUrls(event), params.body, params.list, query) }),
);
