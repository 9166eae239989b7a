// GET /oparl/v1/files/{id}/content (public)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { councilsRepository } from '../adapters/councils.dependencies.ts';
import { fileContent } from '../application/publication.use-cases.ts';
import { oparlFileContentRoute } from '../schemas/councils.schema.ts';

export const handler = httpHandler(
  oparlFileContentRoute,
  async ({ params }) => ({ body: new TextEncoder().encode(await fileContent(councilsRepository, params.id)), contentType: 'text/plain; charset=utf-8' }),
);
