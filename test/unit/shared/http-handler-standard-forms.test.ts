// Routes that follow a public standard (Open311 GeoReport v2): a body sent as an HTML form, and errors written as the
// standard's `[{code, description}]` list instead of a problem document, one entry per invalid field.
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { NotFoundError } from '../../../functions/shared/errors/domain-errors.ts';
import { httpHandler } from '../../../functions/shared/http/http-handler.ts';
import { defineRoute } from '../../../functions/shared/http/route-contract.ts';
import { claimsFor, httpEvent, lambdaContext } from '../../fixtures/http-events.ts';

const reportRoute = defineRoute({
  operationId: 'report',
  method: 'POST',
  path: '/open311/v2/requests.json',
  summary: 'test route',
  tags: [],
  access: ['citizen'],
  formBody: true,
  errorFormat: 'code-description-list',
  body: z.object({ service_code: z.string().regex(/^[a-z]+$/), 'attribute[kind]': z.string().optional() }),
  responses: { 201: { description: 'created' } },
});

const useCase = vi.fn(async (body: { service_code: string }) => {
  if (body.service_code === 'missing') throw new NotFoundError({ ar: 'لا توجد خدمة', fr: 'Aucun service', en: 'No such service' });
  return [{ service_request_id: 'r-1', ...body }];
});
const handler = httpHandler(reportRoute, async ({ body }) => ({ status: 201, body: await useCase(body) }));
const citizen = claimsFor('citizen-1', ['citizen']);

async function post(body: string, contentType: string, claims: Record<string, string> = citizen) {
  const event = httpEvent({ method: 'POST', routePath: '/open311/v2/requests.json', body, headers: { 'content-type': contentType, 'accept-language': 'fr' }, claims });
  const response = (await handler(event, lambdaContext())) as APIGatewayProxyStructuredResultV2;
  return { ...response, json: JSON.parse(String(response.body)) as unknown };
}

describe('a route that follows a standard', () => {
  it('reads a body sent as an HTML form, bracketed names included', async () => {
    const response = await post('service_code=voirie&attribute%5Bkind%5D=observation', 'application/x-www-form-urlencoded');

    expect(response.statusCode).toBe(201);
    expect(response.json).toEqual([{ service_request_id: 'r-1', service_code: 'voirie', 'attribute[kind]': 'observation' }]);
  });

  it('reads a JSON body too', async () => {
    expect((await post(JSON.stringify({ service_code: 'voirie' }), 'application/json')).statusCode).toBe(201);
  });

  it('answers an invalid field with the standard’s list, one entry per field, in the caller’s language', async () => {
    const response = await post('service_code=Voirie%201', 'application/x-www-form-urlencoded');

    expect(response.statusCode).toBe(400);
    expect(response.headers?.['content-type']).toMatch(/^application\/json/);
    expect(response.json).toEqual([{ code: 400, description: expect.stringMatching(/^\/body\/service_code: /) }]);
  });

  it('answers a domain error and a refused role with the list too', async () => {
    const missing = await post('service_code=missing', 'application/x-www-form-urlencoded');
    const forbidden = await post('service_code=voirie', 'application/x-www-form-urlencoded', claimsFor('agent-1', ['agent']));

    expect(missing.statusCode).toBe(404);
    expect(missing.json).toEqual([{ code: 404, description: 'Aucun service' }]);
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json).toEqual([{ code: 403, description: expect.any(String) }]);
  });
});
