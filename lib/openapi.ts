// The OpenAPI 3.1 document of the platform, generated from the route contracts' zod schemas.
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import type { z } from 'zod';
import type { PlatformDescription } from '../functions/shared/service-description.ts';

const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function openApiDocument(platform: PlatformDescription, serverUrl: string) {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'Cognito ID token (locally: POST /_local/tokens). Roles come from the cognito:groups claim.',
  });
  for (const service of platform.services) {
    for (const fn of service.functions) {
      const route = fn.route;
      if (!route) continue;
      const responses = Object.fromEntries(
        Object.entries(route.responses).map(([status, response]) => {
          const contentType = response.contentType ?? (Number(status) >= 400 ? PROBLEM_CONTENT_TYPE : 'application/json');
          return [status, { description: response.description, ...(response.schema && { content: { [contentType]: { schema: response.schema } } }) }];
        }),
      );
      const roles = route.access === 'public' ? 'Public.' : `Roles: ${route.access.join(', ')}.`;
      const idempotency = route.idempotent ? ' Send an `Idempotency-Key` header to make retries safe.' : '';
      registry.registerPath({
        operationId: route.operationId,
        method: route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete',
        path: route.path,
        summary: route.summary,
        description: `${roles}${idempotency}`,
        tags: [...route.tags],
        ...(route.access === 'public' ? {} : { security: [{ [bearer.name]: [] }] }),
        request: {
          ...(route.params && { params: route.params as z.ZodObject }),
          ...(route.query && { query: route.query as z.ZodObject }),
          ...(route.body && { body: { content: { 'application/json': { schema: route.body } } } }),
        },
        responses,
      });
    }
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Raqmana API',
      version: '1',
      description: 'Digital services of Moroccan territorial collectivities. Errors are RFC 9457 problem documents, titled in the language of Accept-Language (ar, fr, en).',
    },
    servers: [{ url: serverUrl }],
  });
}
