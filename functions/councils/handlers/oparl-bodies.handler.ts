// GET /oparl/v1/bodies (public)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { oparlUrls } from '../adapters/oparl-urls.ts';
import { councilsRepository } from '../adapters/councils.dependencies.ts';
import { bodyList } from '../application/publication.use-cases.ts';
import { oparlBodiesRoute } from '../schemas/councils.schema.ts';

export const handler = httpHandler(
  oparlBodiesRoute,
  async ({ event, query }) => ({ body: await bodyList(councilsRepository, oparlUrls(event), query) }),
);
