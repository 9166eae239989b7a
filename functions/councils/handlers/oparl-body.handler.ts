// GET /oparl/v1/bodies/{body} (public)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { oparlUrls } from '../adapters/oparl-urls.ts';
import { councilsRepository } from '../adapters/councils.dependencies.ts';
import { bodyObject } from '../application/publication.use-cases.ts';
import { oparlBodyRoute } from '../schemas/councils.schema.ts';

export const handler = httpHandler(
  oparlBodyRoute,
  async ({ event, params }) => ({ body: await bodyObject(councilsRepository, oparlUrls(event), params.body) }),
);
