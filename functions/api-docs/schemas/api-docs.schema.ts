// Route contracts of the API's own documentation: the OpenAPI document and its rendering for people.
import { defineRoute } from '../../shared/http/route-contract.ts';

const TAGS = ['API documentation'];

export const openApiDocumentRoute = defineRoute({
  operationId: 'getOpenApiDocument',
  method: 'GET',
  path: '/openapi.json',
  summary: 'This OpenAPI 3.1 document, generated from the route contracts',
  tags: TAGS,
  access: 'public',
  responses: { 200: { description: 'The OpenAPI document', contentType: 'application/json' } },
});

export const apiDocsPageRoute = defineRoute({
  operationId: 'getApiDocsPage',
  method: 'GET',
  path: '/docs',
  summary: 'The API documentation for people: this document rendered by Redoc, with navigation and search',
  tags: TAGS,
  access: 'public',
  responses: { 200: { description: 'An HTML page that loads only the script below and /openapi.json', contentType: 'text/html' } },
});

export const apiDocsScriptRoute = defineRoute({
  operationId: 'getApiDocsScript',
  method: 'GET',
  path: '/docs/redoc.standalone.js',
  summary: "The renderer's script (Redoc), served from the platform so the page needs no network",
  tags: TAGS,
  access: 'public',
  responses: { 200: { description: 'The Redoc standalone bundle', contentType: 'text/javascript' } },
});
