import { describe, expect, it } from 'vitest';
import { platform } from '../../functions/platform.ts';
import { request } from './http-client.ts';

const routes = platform.services.flatMap((service) => service.functions.flatMap((fn) => (fn.route ? [fn.route] : [])));

describe('the local platform', () => {
  it('reports every component healthy', async () => {
    const health = await request('GET', '/health');

    expect(health.status).toBe(200);
    expect(health.json).toMatchObject({
      status: 'ok',
      components: { dynamodb: { status: 'ok' }, s3: { status: 'ok' }, stepFunctions: { status: 'ok' }, email: { status: 'ok' }, gateway: { status: 'ok', routes: routes.length }, clock: { status: 'ok' } },
    });
  });

  it('publishes an OpenAPI 3.1 document with every route of the service descriptions', async () => {
    const document = await request('GET', '/openapi.json');

    expect(document.json.openapi).toBe('3.1.0');
    const paths = document.json.paths as Record<string, Record<string, unknown>>;
    for (const route of routes) expect(paths[route.path]?.[route.method.toLowerCase()], `${route.method} ${route.path}`).toBeDefined();
  });

  it('answers an unknown route with a 404 problem in the caller language', async () => {
    const reply = await request('GET', '/v1/nowhere', { headers: { 'accept-language': 'en' } });

    expect(reply.status).toBe(404);
    expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(reply.json.title).toBe('This route does not exist');
  });

  it('answers a method the route does not serve with 405', async () => {
    expect((await request('DELETE', '/v1/communes')).status).toBe(405);
  });
});
