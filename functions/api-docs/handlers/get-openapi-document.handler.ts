// GET /openapi.json
import { platform } from '../../platform.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { openApiDocument } from '../application/openapi-document.ts';
import { compressible, compressedResult, type Compressible } from '../application/compressed-result.ts';
import { openApiDocumentRoute } from '../schemas/api-docs.schema.ts';

/** The document names the server it was fetched from; each is generated once per process. */
const documents = new Map<string, Compressible>();

export const handler = httpHandler(openApiDocumentRoute, async ({ event }) => {
  const scheme = event.headers?.['x-forwarded-proto'] ?? 'http';
  const serverUrl = `${scheme}://${event.requestContext.domainName}`;
  let document = documents.get(serverUrl);
  if (!document) {
    document = compressible(new TextEncoder().encode(JSON.stringify(openApiDocument(platform, serverUrl))));
    documents.set(serverUrl, document);
  }
  return compressedResult(document, 'application/json; charset=utf-8', event, 'public, max-age=300');
});
