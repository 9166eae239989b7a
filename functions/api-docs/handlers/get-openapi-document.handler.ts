// GET /openapi.json
import { httpHandler } from '../../shared/http/http-handler.ts';
import { prebuiltOpenApiDocument } from '../adapters/prebuilt-openapi.ts';
import { compressedResult } from '../application/compressed-result.ts';
import { openApiDocumentRoute } from '../schemas/api-docs.schema.ts';

export const handler = httpHandler(openApiDocumentRoute, async ({ event }) =>
  compressedResult(await prebuiltOpenApiDocument(), 'application/json; charset=utf-8', event, 'public, max-age=300'),
);
