// GET /oparl/v1/objects/{type}/{id} (public)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { oparlUrls } from '../adapters/oparl-urls.ts';
import { councilsRepository } from '../adapters/councils.dependencies.ts';
import { oparlObject } from '../application/publication.use-cases.ts';
import { oparlObjectRoute } from '../schemas/councils.schema.ts';

export const handler = httpHandler(
  oparlObjectRoute,
  async ({ event, params }) => ({ body: await oparlObject(councilsRepository, oparlUrls(event), params.type, params.id) }),
);
