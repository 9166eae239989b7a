import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { NotFoundError } from '../../../functions/shared/errors/domain-errors.ts';
import { httpHandler } from '../../../functions/shared/http/http-handler.ts';
import { logger } from '../../../functions/shared/observability/observability.ts';
import { idempotentRequests } from '../../../functions/shared/http/idempotency.ts';
import { defineRoute } from '../../../functions/shared/http/route-contract.ts';
import { claimsFor, httpEvent, lambdaContext } from '../../fixtures/http-events.ts';

process.env.TABLE_IDEMPOTENCY = 'idempotency-test';
const dynamodb = mockClient(DynamoDBClient);

const createThingRoute = defineRoute({
  operationId: 'createThing',
  method: 'POST',
  path: '/v1/things',
  summary: 'test route',
  tags: [],
  access: ['agent'],
  idempotent: true,
  maxBodyBytes: 200,
  body: z.strictObject({ name: z.string().max(10), count: z.number().int() }),
  responses: { 201: { description: 'created' } },
});

const useCase = vi.fn(async (body: { name: string; count: number }) => ({ id: 't-1', ...body }));
const handler = httpHandler(createThingRoute, async ({ body, principal }) => ({
  status: 201,
  body: { ...(await useCase(body)), by: principal.sub },
}), { idempotency: idempotentRequests });

async function call(options: { body?: string; headers?: Record<string, string>; claims?: Record<string, string> }) {
  const event = httpEvent({ method: 'POST', routePath: '/v1/things', ...options });
  const response = (await handler(event, lambdaContext())) as APIGatewayProxyStructuredResultV2;
  return { ...response, json: response.body ? (JSON.parse(response.body) as Record<string, unknown>) : undefined };
}

const agent = claimsFor('agent-1', ['agent'], { 'custom:commune': 'rabat' });

describe('httpHandler', () => {
  beforeEach(() => {
    dynamodb.reset();
    useCase.mockClear();
  });

  it('passes the validated body and the principal to the use case', async () => {
    const response = await call({ body: JSON.stringify({ name: 'well', count: 2 }), claims: agent });

    expect(response.statusCode).toBe(201);
    expect(response.json).toEqual({ id: 't-1', name: 'well', count: 2, by: 'agent-1' });
    expect(response.headers?.['x-correlation-id']).toBeTruthy();
  });

  it('answers malformed JSON with a 400 problem and never reaches the use case', async () => {
    const response = await call({ body: '{"name": ', claims: agent });

    expect(response.statusCode).toBe(400);
    expect(response.headers?.['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json).toMatchObject({ code: 'malformed-json', status: 400 });
    expect(useCase).not.toHaveBeenCalled();
  });

  it('points at each wrong, missing or unknown field', async () => {
    const response = await call({ body: JSON.stringify({ name: 7, extra: true }), claims: agent });

    expect(response.statusCode).toBe(400);
    const pointers = (response.json?.errors as { pointer: string }[]).map((issue) => issue.pointer).sort();
    expect(pointers).toEqual(['/body/count', '/body/extra', '/body/name']);
  });

  it('refuses a body over the route limit with 413', async () => {
    const response = await call({ body: JSON.stringify({ name: 'x'.repeat(300), count: 1 }), claims: agent });

    expect(response.statusCode).toBe(413);
  });

  it('refuses a body that is not JSON with 415', async () => {
    const response = await call({ body: 'name=x', headers: { 'content-type': 'text/plain' }, claims: agent });

    expect(response.statusCode).toBe(415);
  });

  it('asks for authentication without verified claims', async () => {
    const response = await call({ body: JSON.stringify({ name: 'a', count: 1 }) });

    expect(response.statusCode).toBe(401);
  });

  it('forbids a role the route does not admit', async () => {
    const response = await call({ body: JSON.stringify({ name: 'a', count: 1 }), claims: claimsFor('c-1', ['citizen']) });

    expect(response.statusCode).toBe(403);
    expect(useCase).not.toHaveBeenCalled();
  });

  it('titles the problem in the language of Accept-Language', async () => {
    const french = await call({ body: '{', headers: { 'accept-language': 'fr', 'content-type': 'application/json' }, claims: agent });
    const english = await call({ body: '{', headers: { 'accept-language': 'en', 'content-type': 'application/json' }, claims: agent });
    const arabic = await call({ body: '{', claims: agent });

    expect(french.json?.title).toBe("Le corps de la requête n'est pas un JSON valide");
    expect(english.json?.title).toBe('The request body is not valid JSON');
    expect(arabic.json?.title).toBe('نص الطلب ليس JSON صالحا');
    expect(french.headers?.['content-language']).toBe('fr');
  });

  it('maps domain errors to their status by code', async () => {
    const notFound = httpHandler(createThingRoute, async () => {
      throw new NotFoundError({ ar: 'لا يوجد الشيء 42', fr: "Pas d'objet 42", en: 'No thing 42' });
    }, { idempotency: idempotentRequests });
    const event = httpEvent({ method: 'POST', routePath: '/v1/things', body: JSON.stringify({ name: 'a', count: 1 }), claims: agent });
    const response = (await notFound(event, lambdaContext())) as APIGatewayProxyStructuredResultV2;

    expect(response.statusCode).toBe(404);
    expect(JSON.parse(response.body ?? '{}')).toMatchObject({ code: 'not-found', detail: 'لا يوجد الشيء 42' });
  });

  it('hides the internals of an unexpected failure', async () => {
    const failing = httpHandler(createThingRoute, async () => {
      throw new Error('connection string postgres://secret');
    }, { idempotency: idempotentRequests });
    const event = httpEvent({ method: 'POST', routePath: '/v1/things', body: JSON.stringify({ name: 'a', count: 1 }), claims: agent });
    const response = (await failing(event, lambdaContext())) as APIGatewayProxyStructuredResultV2;

    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('secret');
  });

  it('records an Idempotency-Key request, scoped by route, before running the use case', async () => {
    dynamodb.on(PutItemCommand).resolves({});

    const response = await call({ body: JSON.stringify({ name: 'a', count: 1 }), headers: { 'idempotency-key': 'retry-safe-0001', 'content-type': 'application/json' }, claims: agent });

    expect(response.statusCode).toBe(201);
    // The claim (in progress, conditional on the key being free), then the completed record with the answer.
    const [claim, completed] = dynamodb.commandCalls(PutItemCommand).map((put) => put.args[0].input);
    expect(claim?.TableName).toBe('idempotency-test');
    expect(claim?.Item?.id?.S).toMatch(/^createThing#/);
    expect(claim?.Item?.status?.S).toBe('INPROGRESS');
    expect(claim?.ConditionExpression).toContain('attribute_not_exists(id)');
    expect(completed?.Item?.id?.S).toBe(claim?.Item?.id?.S);
    expect(completed?.Item?.status?.S).toBe('COMPLETED');
    expect(completed?.Item?.data?.M?.compressed?.B).toBeInstanceOf(Uint8Array);
  });

  it('records an Idempotency-Key request that has no body', async () => {
    dynamodb.on(PutItemCommand).resolves({});
    const closeThing = httpHandler(
      defineRoute({ ...createThingRoute, operationId: 'closeThing', path: '/v1/things/close', body: undefined }),
      async () => ({ status: 200, body: { closed: true } }),
      { idempotency: idempotentRequests },
    );

    const event = httpEvent({ method: 'POST', routePath: '/v1/things/close', headers: { 'idempotency-key': 'close-once-0001' }, claims: agent });
    const response = (await closeThing(event, lambdaContext())) as APIGatewayProxyStructuredResultV2;

    expect(response.statusCode).toBe(200);
    expect(dynamodb.commandCalls(PutItemCommand)[0]?.args[0].input.Item?.id?.S).toMatch(/^closeThing#/);
  });

  it('refuses to build an idempotent route without the idempotency middleware', () => {
    expect(() => httpHandler(createThingRoute, async () => ({}))).toThrow(/idempotent by contract/);
  });

  it('records nothing when the request carries no Idempotency-Key', async () => {
    await call({ body: JSON.stringify({ name: 'a', count: 1 }), claims: agent });

    expect(dynamodb.calls()).toHaveLength(0);
  });

  it('refuses a malformed Idempotency-Key', async () => {
    const response = await call({ body: JSON.stringify({ name: 'a', count: 1 }), headers: { 'idempotency-key': 'x', 'content-type': 'application/json' }, claims: agent });

    expect(response.statusCode).toBe(400);
    expect(dynamodb.calls()).toHaveLength(0);
  });

  it('gives the detail of a problem in the language of Accept-Language too', async () => {
    const asked = (language: string) =>
      call({ body: 'name=x', headers: { 'content-type': 'text/plain', 'accept-language': language }, claims: agent });

    expect((await asked('fr')).json?.detail).toBe('Envoyez le corps de la requête en application/json');
    expect((await asked('en')).json?.detail).toBe('Send the body as application/json');
    expect((await asked('ar')).json?.detail).toBe('أرسل نص الطلب بصيغة application/json');
  });

  it('sends no-store and the security headers on answers and on problems, unless a route caches on purpose', async () => {
    const answer = await call({ body: JSON.stringify({ name: 'a', count: 1 }), claims: agent });
    const problem = await call({ body: '{', claims: agent });
    const cached = httpHandler(
      defineRoute({ ...createThingRoute, operationId: 'listThings', method: 'GET', idempotent: undefined, body: undefined }),
      async () => ({ body: [], headers: { 'cache-control': 'public, max-age=300' } }),
    );
    const list = (await cached(httpEvent({ method: 'GET', routePath: '/v1/things', claims: agent }), lambdaContext())) as APIGatewayProxyStructuredResultV2;

    for (const response of [answer, problem]) {
      expect(response.headers).toMatchObject({
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'referrer-policy': 'no-referrer',
      });
      expect(response.headers?.['strict-transport-security']).toMatch(/max-age=\d+/);
    }
    expect(list.headers?.['cache-control']).toBe('public, max-age=300');
  });

  it('clears the request’s log keys once it is answered, and logs its request id', async () => {
    const lines: string[] = [];
    // The logger writes one line per entry to stdout.
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((line: unknown) => lines.push(String(line)) > 0);
    const logging = httpHandler(defineRoute({ ...createThingRoute, idempotent: undefined }), async () => ({ status: 201 }));
    try {
      logger.setLogLevel('INFO');
      const event = httpEvent({ method: 'POST', routePath: '/v1/things', body: '{"name":"a","count":1}', headers: { 'x-correlation-id': 'earlier-request' }, claims: agent });
      await logging(event, lambdaContext());
      logger.info('a later, unrelated line');
    } finally {
      logger.setLogLevel('SILENT');
      write.mockRestore();
    }

    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const handled = entries.find((entry) => entry.message === 'request handled');
    const later = entries.find((entry) => entry.message === 'a later, unrelated line');
    expect(handled).toMatchObject({ correlation_id: 'earlier-request', route: 'POST /v1/things', cold_start: expect.any(Boolean) });
    expect(handled?.function_request_id).toBeTruthy();
    expect(later).toBeDefined();
    expect(later).not.toHaveProperty('correlation_id');
    expect(later).not.toHaveProperty('route');
  });

});
