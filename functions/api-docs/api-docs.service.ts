// The API's own documentation: the OpenAPI document and its rendering by Redoc, served by the platform itself
// (in AWS as locally) so that /docs loads nothing from the network.
import type { ServiceDescription } from '../shared/service-description.ts';
import { openApiFiles } from './adapters/openapi-files.ts';
import { REDOC_PACKAGE_FILES } from './adapters/redoc-script.ts';
import { apiDocsPageRoute, apiDocsScriptRoute, openApiDocumentRoute } from './schemas/api-docs.schema.ts';

const handlers = 'functions/api-docs/handlers';

export const apiDocsService: ServiceDescription = {
  name: 'api-docs',
  functions: [
    { id: 'GetOpenApiDocument', entry: `${handlers}/get-openapi-document.handler.ts`, route: openApiDocumentRoute, generatedFiles: openApiFiles },
    { id: 'GetApiDocsPage', entry: `${handlers}/get-api-docs-page.handler.ts`, route: apiDocsPageRoute },
    { id: 'GetApiDocsScript', entry: `${handlers}/get-api-docs-script.handler.ts`, route: apiDocsScriptRoute, packageFiles: [REDOC_PACKAGE_FILES] },
  ],
};
