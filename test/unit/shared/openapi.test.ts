import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PLATFORM_PROBLEMS, problemDocument } from '../../../functions/shared/errors/problem-types.ts';
import { httpHandler } from '../../../functions/shared/http/http-handler.ts';
import { PROBLEM_RESPONSE, defineRoute, type AnyRouteContract } from '../../../functions/shared/http/route-contract.ts';
import type { PlatformDescription } from '../../../functions/shared/service-description.ts';
import { IDEMPOTENCY_KEY_PATTERN, openApiDocument } from '../../../functions/api-docs/application/openapi-document.ts';
import { claimsFor, httpEvent, lambdaContext } from '../../fixtures/http-events.ts';

const getThingRoute = defineRoute({
  operationId: 'getThing',
  method: 'GET',
  path: '/v1/things/{id}',
  summary: 'one thing',
  tags: ['Things'],
  access: 'public',
  params: z.strictObject({ id: z.string() }),
  responses: { 200: { description: 'the thing', schema: z.object({ id: z.string() }), example: { id: 't-1' } }, 404: PROBLEM_RESPONSE },
});

const createThingRoute = defineRoute({
  operationId: 'createThing',
  method: 'POST',
  path: '/v1/things',
  summary: 'a new thing',
  tags: ['Things'],
  access: ['agent'],
  idempotent: 'by-use-case',
  throttle: { ratePerSecond: 5, burst: 10 },
  body: z.strictObject({ name: z.string().max(10) }),
  bodyExample: { name: 'well' },
  responses: { 201: { description: 'created', schema: z.object({ id: z.string() }) } },
});

const thingPdfRoute = defineRoute({
  operationId: 'thingPdf',
  method: 'GET',
  path: '/v1/things/{id}/pdf',
  summary: 'the thing as a PDF',
  tags: ['Things'],
  access: ['agent'],
  params: z.strictObject({ id: z.string() }),
  responses: { 200: { description: 'PDF', contentType: 'application/pdf' }, 409: PROBLEM_RESPONSE },
});

function platformOf(...routes: AnyRouteContract[]): PlatformDescription {
  return { sharedTables: [], services: [{ name: 'things', functions: routes.map((route) => ({ id: route.operationId, entry: 'x.ts', route })) }] };
}

const document = openApiDocument(platformOf(getThingRoute, createThingRoute, thingPdfRoute)) as unknown as {
  security: unknown;
  components: { schemas: Record<string, object>; parameters: Record<string, { schema: { pattern: string } }> };
  paths: Record<string, Record<string, { security: unknown; parameters: { $ref?: string; name?: string }[]; requestBody?: { content: Record<string, { example?: unknown }> }; responses: Record<string, { content?: Record<string, { schema?: { $ref?: string; type?: string; format?: string }; example?: unknown; examples?: Record<string, { value: unknown }> }> }> }>>;
};
const getThing = document.paths['/v1/things/{id}']!.get!;
const createThing = document.paths['/v1/things']!.post!;
const thingPdf = document.paths['/v1/things/{id}/pdf']!.get!;

function statuses(operation: { responses: Record<string, unknown> }): number[] {
  return Object.keys(operation.responses).map(Number);
}

describe('the OpenAPI document', () => {
  it('declares for a public read the statuses its parameters and the chain can bring, and no security', () => {
    expect(statuses(getThing)).toEqual([200, 400, 404, 431, 500]);
    expect(getThing.security).toEqual([]);
    expect(document.security).toEqual([{ bearer: [] }]);
  });

  it('declares for an idempotent, throttled write with a body every status the chain can answer on it', () => {
    expect(statuses(createThing)).toEqual([201, 400, 401, 403, 409, 413, 415, 422, 429, 431, 500]);
    expect(createThing.security).toEqual([{ bearer: [] }]);
  });

  it('gives every error status the problem schema, as application/problem+json', () => {
    for (const operation of [getThing, createThing, thingPdf]) {
      for (const [status, response] of Object.entries(operation.responses).filter(([status]) => Number(status) >= 400)) {
        expect(response.content?.['application/problem+json']?.schema, `${status}`).toEqual({ $ref: '#/components/schemas/Problem' });
      }
    }
  });

  it('documents the body API Gateway itself answers on 401 and 429 in AWS', () => {
    expect(createThing.responses['401']!.content!['application/json']!.schema).toEqual({ $ref: '#/components/schemas/GatewayMessage' });
    expect(createThing.responses['429']!.content!['application/json']!.schema).toEqual({ $ref: '#/components/schemas/GatewayMessage' });
  });

  it('declares a PDF response as binary application/pdf', () => {
    expect(thingPdf.responses['200']!.content).toEqual({ 'application/pdf': { schema: { type: 'string', format: 'binary' } } });
  });

  it('takes Accept-Language on every operation and Idempotency-Key only where the contract is idempotent', () => {
    expect(getThing.parameters.map((p) => p.$ref ?? p.name)).toEqual(['#/components/parameters/AcceptLanguage', 'id']);
    expect(createThing.parameters.map((p) => p.$ref ?? p.name)).toEqual(['#/components/parameters/AcceptLanguage', '#/components/parameters/IdempotencyKey']);
  });

  it('carries the examples of the contract', () => {
    expect(getThing.responses['200']!.content!['application/json']!.example).toEqual({ id: 't-1' });
    expect(createThing.requestBody!.content['application/json']!.example).toEqual({ name: 'well' });
  });

  it('describes the Idempotency-Key format the HTTP chain enforces', async () => {
    const pattern = new RegExp(document.components.parameters.IdempotencyKey!.schema.pattern);
    const handler = httpHandler(getThingRoute, async ({ params }) => ({ body: { id: params.id } }));
    const statusWith = async (key: string) =>
      ((await handler(httpEvent({ method: 'GET', routePath: '/v1/things/{id}', pathParameters: { id: 't' }, headers: { 'idempotency-key': key }, claims: claimsFor('a', ['agent']) }), lambdaContext())) as APIGatewayProxyStructuredResultV2).statusCode;

    for (const key of ['short', 'a'.repeat(129), 'with space!', 'é-accented-key']) {
      expect(pattern.test(key), key).toBe(false);
      expect(await statusWith(key), key).toBe(400);
    }
    for (const key of ['abcdefgh', 'a'.repeat(128), 'holidays.2026:v1_x-y']) {
      expect(pattern.test(key), key).toBe(true);
      expect(await statusWith(key), key).toBe(200);
    }
    expect(IDEMPOTENCY_KEY_PATTERN).toBe('^[A-Za-z0-9._:-]{8,128}$');
  });

  it('has a problem schema every problem document of the platform matches, and examples that match it', () => {
    const ajv = new Ajv2020({ strict: false });
    addFormats.default(ajv);
    const valid = ajv.compile(document.components.schemas.Problem!);

    for (const type of Object.values(PLATFORM_PROBLEMS)) {
      for (const language of ['ar', 'fr', 'en'] as const) {
        const problem = problemDocument(type, language, { detail: 'd', instance: 'urn:raqmana:request:r', errors: [{ pointer: '/body/a', code: 'required', detail: 'd' }] });
        expect(valid(problem), `${type.code} ${language}: ${ajv.errorsText(valid.errors)}`).toBe(true);
      }
    }
    const examples = Object.values(createThing.responses).flatMap((response) => Object.values(response.content?.['application/problem+json']?.examples ?? {}));
    expect(examples.length).toBeGreaterThan(10);
    for (const example of examples) expect(valid(example.value), ajv.errorsText(valid.errors)).toBe(true);
  });
});
