// GET /oparl/v1/system (public)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { oparlUrls } from '../adapters/oparl-urls.ts';
import { systemObject } from '../application/publication.use-cases.ts';
import { oparlSystemRoute } from '../schemas/councils.schema.ts';

export const handler = httpHandler(
  oparlSystemRoute,
  async ({ event }) => ({ body: systemObject(oparlUrls(event)) }),
);
