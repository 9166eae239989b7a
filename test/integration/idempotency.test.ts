// Idempotency-Key against DynamoDB Local, with the real idempotency store: a refused retry never frees the
// record, concurrent retries run the work once, and the key is scoped to the caller and the path parameters.
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { beforeAll, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import * as z from 'zod';
import { ConflictError } from '../../functions/shared/errors/domain-errors.ts';
import { defineRoute } from '../../functions/shared/http/route-contract.ts';
import { IDEMPOTENCY_TABLE, tableEnvName } from '../../functions/shared/service-description.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../lib/local/dynamodb-local.ts';
import { claimsFor, httpEvent, lambdaContext } from '../fixtures/http-events.ts';
import { freshTables } from './local-aws.ts';

const addThingRoute = defineRoute({
  operationId: 'addThing',
  method: 'POST',
  path: '/v1/boxes/{box}/things',
  summary: 'test route',
  tags: [],
  access: ['agent'],
  idempotent: true,
  params: z.strictObject({ box: z.string() }),
  body: z.strictObject({ name: z.string() }),
  responses: { 201: { description: 'added' } },
});

type Handler = (event: ReturnType<typeof httpEvent>, context: ReturnType<typeof lambdaContext>) => Promise<APIGatewayProxyStructuredResultV2>;
let handler: Handler;
let created = 0;
/** Holds the use case until released, so that concurrent requests arrive while the first one is running. */
let gate: Promise<void> = Promise.resolve();
const failNext = vi.fn(() => false);

const agent = claimsFor('agent-1', ['agent'], { 'custom:commune': 'rabat' });
const otherAgent = claimsFor('agent-2', ['agent'], { 'custom:commune': 'rabat' });

function add(options: { key: string; name: string; box?: string; claims?: Record<string, string> }) {
  return handler(
    httpEvent({
      method: 'POST',
      routePath: '/v1/boxes/{box}/things',
      pathParameters: { box: options.box ?? 'b1' },
      body: JSON.stringify({ name: options.name }),
      headers: { 'idempotency-key': options.key },
      claims: options.claims ?? agent,
    }),
    lambdaContext('AddThing'),
  );
}

const json = (response: APIGatewayProxyStructuredResultV2) => JSON.parse(response.body ?? '{}') as Record<string, unknown>;

describe('Idempotency-Key on DynamoDB Local', () => {
  beforeAll(async () => {
    const names = await freshTables([IDEMPOTENCY_TABLE]);
    Object.assign(process.env, {
      AWS_REGION: LOCAL_REGION,
      AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
      AWS_ENDPOINT_URL_DYNAMODB: inject('dynamodbEndpoint'),
      [tableEnvName(IDEMPOTENCY_TABLE.id)]: names.idempotency,
    });
    const { httpHandler } = await import('../../functions/shared/http/http-handler.ts');
    const { idempotentRequests } = await import('../../functions/shared/http/idempotency.ts');
    handler = httpHandler(
      addThingRoute,
      async ({ params, body }) => {
        await gate;
        if (failNext()) throw new ConflictError({ ar: 'الصندوق ممتلئ', fr: 'La boîte est pleine', en: 'The box is full' });
        created += 1;
        return { status: 201, body: { id: `thing-${created}`, box: params.box, name: body.name } };
      },
      { idempotency: idempotentRequests },
    ) as Handler;
  });

  beforeEach(() => {
    created = 0;
    gate = Promise.resolve();
    failNext.mockReturnValue(false);
  });

  it('replays the first answer after a retry with another body was refused', async () => {
    for (let round = 0; round < 3; round += 1) {
      const key = `refused-retry-${round}`;
      const before = created;

      const first = await add({ key, name: 'X' });
      const refused = await add({ key, name: 'Y' });
      const retry = await add({ key, name: 'X' });

      expect(first.statusCode).toBe(201);
      expect(refused.statusCode).toBe(422);
      expect(json(refused).code).toBe('idempotency-key-reused');
      expect(retry.statusCode).toBe(201);
      expect(json(retry)).toEqual(json(first));
      expect(retry.headers?.['idempotency-replayed']).toBe('true');
      expect(created - before).toBe(1);
    }
  });

  it('runs the work once for 20 concurrent requests with one key and one body, and replays it afterwards', async () => {
    let release!: () => void;
    gate = new Promise((resolve) => (release = resolve));

    let answered = 0;
    const racing = Array.from({ length: 20 }, () => add({ key: 'twenty-at-once', name: 'X' }).finally(() => (answered += 1)));
    // The first request holds the record until released; the 19 others meet it in progress and are answered.
    await vi.waitFor(() => expect(answered).toBe(19), { timeout: 20_000, interval: 20 });
    release();
    const answers = await Promise.all(racing);
    const retry = await add({ key: 'twenty-at-once', name: 'X' });

    expect(created).toBe(1);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([201, ...Array(19).fill(409)]);
    expect(answers.filter((answer) => answer.statusCode === 409).every((answer) => json(answer).code === 'request-in-progress')).toBe(true);
    expect(json(retry)).toEqual(json(answers.find((answer) => answer.statusCode === 201)!));
  });

  it('scopes the key to the path parameters: the same key and body on another object does that object’s work', async () => {
    const onFirst = await add({ key: 'same-key-two-boxes', name: 'X', box: 'b1' });
    const onSecond = await add({ key: 'same-key-two-boxes', name: 'X', box: 'b2' });

    expect(created).toBe(2);
    expect(json(onFirst)).toMatchObject({ box: 'b1' });
    expect(json(onSecond)).toMatchObject({ box: 'b2' });
  });

  it('scopes the key to the caller', async () => {
    await add({ key: 'same-key-two-callers', name: 'X' });
    const other = await add({ key: 'same-key-two-callers', name: 'X', claims: otherAgent });

    expect(created).toBe(2);
    expect(other.headers?.['idempotency-replayed']).toBeUndefined();
  });

  it('lets the retry run again when the first request’s own work failed', async () => {
    failNext.mockReturnValueOnce(true);

    const failed = await add({ key: 'first-one-failed', name: 'X' });
    const retry = await add({ key: 'first-one-failed', name: 'X' });

    expect(failed.statusCode).toBe(409);
    expect(json(failed).code).toBe('conflict');
    expect(retry.statusCode).toBe(201);
    expect(created).toBe(1);
  });
});
