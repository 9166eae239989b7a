// GET /docs/redoc.standalone.js
import { httpHandler } from '../../shared/http/http-handler.ts';
import { redocScript } from '../adapters/redoc-script.ts';
import { compressedResult } from '../application/compressed-result.ts';
import { apiDocsScriptRoute } from '../schemas/api-docs.schema.ts';

export const handler = httpHandler(apiDocsScriptRoute, async ({ event }) =>
  compressedResult(await redocScript(), 'text/javascript; charset=utf-8', event, 'public, max-age=86400'),
);
