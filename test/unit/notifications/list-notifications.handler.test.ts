// GET /v1/notifications through the real middy chain, DynamoDB mocked: every role reads its own inbox, newest
// first, with the contract's fields only; a cursor cannot move into someone else's inbox.
import { DynamoDBDocumentClient, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ROLES } from '../../../functions/shared/auth/roles.ts';
import { encodeCursor } from '../../../functions/shared/http/pagination.ts';
import { tableEnvName } from '../../../functions/shared/service-description.ts';
import { claimsFor, httpEvent, lambdaContext } from '../../fixtures/http-events.ts';

type Handler = (typeof import('../../../functions/notifications/handlers/list-notifications.handler.ts'))['handler'];
let handler: Handler;
const dynamodb = mockClient(DynamoDBDocumentClient);

const stored = (sub: string) => ({
  pk: `INBOX#${sub}`,
  sk: '2026-12-01T09:00:00.000Z#q3Yb1r0wXzK7cV9tLmN2pA',
  id: 'q3Yb1r0wXzK7cV9tLmN2pA',
  topic: 'decided',
  source: 'permits',
  about: { kind: 'permit', id: 'p-1', reference: 'RCP-RABAT-2026-00000001' },
  message: { ar: 'تمت الموافقة على ملفكم', fr: 'Votre dossier est approuvé', en: 'Your file is approved' },
  at: '2026-12-01T09:00:00.000Z',
});

/** What DynamoDB holds: one notification in the inbox asked for. */
const oneNotification = (input: { ExpressionAttributeValues: { ':pk': string } }) => ({ Items: [stored(input.ExpressionAttributeValues[':pk'].slice('INBOX#'.length))] });

function list(claims: Record<string, string> | undefined, query: Record<string, string> = {}) {
  return handler(httpEvent({ method: 'GET', routePath: '/v1/notifications', query, ...(claims && { claims }) }), lambdaContext('ListNotifications'));
}

const body = (response: Awaited<ReturnType<Handler>>) => JSON.parse(response.body ?? '{}') as Record<string, unknown>;

describe('GET /v1/notifications', () => {
  beforeAll(async () => {
    process.env[tableEnvName('notifications')] = 'notifications-test';
    handler = (await import('../../../functions/notifications/handlers/list-notifications.handler.ts')).handler;
  });

  beforeEach(() => {
    dynamodb.reset();
    dynamodb.on(QueryCommand).callsFake(oneNotification);
  });

  it.each(ROLES)('gives whoever holds the %s role their own inbox, newest first, in one Query', async (role) => {
    const response = await list(claimsFor(`${role}-1`, [role]));

    expect(response.statusCode).toBe(200);
    const [query] = dynamodb.commandCalls(QueryCommand).map((call) => call.args[0].input);
    expect(query).toMatchObject({ TableName: 'notifications-test', ExpressionAttributeValues: { ':pk': `INBOX#${role}-1` }, ScanIndexForward: false, Limit: 25 });
    expect(dynamodb.commandCalls(QueryCommand)).toHaveLength(1);
    expect(dynamodb.commandCalls(ScanCommand)).toHaveLength(0);
  });

  it('answers the contract’s fields of each notification, not its keys', async () => {
    const response = await list(claimsFor('citizen-1', ['citizen']), { limit: '10' });

    const { pk: _pk, sk: _sk, ...item } = stored('citizen-1');
    expect(body(response)).toEqual({ items: [item] });
  });

  it('gives the next page’s cursor, and goes on from it', async () => {
    const lastKey = { pk: 'INBOX#citizen-1', sk: '2026-12-01T09:00:00.000Z#q3Yb1r0wXzK7cV9tLmN2pA' };
    dynamodb.on(QueryCommand).resolvesOnce({ Items: [stored('citizen-1')], LastEvaluatedKey: lastKey }).callsFake(oneNotification);

    const first = await list(claimsFor('citizen-1', ['citizen']), { limit: '1' });
    const second = await list(claimsFor('citizen-1', ['citizen']), { limit: '1', cursor: String(body(first).nextCursor) });

    expect(body(first).nextCursor).toBe(encodeCursor(lastKey));
    expect(second.statusCode).toBe(200);
    expect(dynamodb.commandCalls(QueryCommand)[1]?.args[0].input).toMatchObject({ ExclusiveStartKey: lastKey, Limit: 1 });
  });

  it('refuses a cursor that points into another person’s inbox', async () => {
    const cursor = encodeCursor({ pk: 'INBOX#citizen-2', sk: '2026-12-01T09:00:00.000Z#q3Yb1r0wXzK7cV9tLmN2pA' })!;

    const response = await list(claimsFor('citizen-1', ['citizen']), { cursor });

    expect(response.statusCode).toBe(400);
    expect(body(response)).toMatchObject({ code: 'validation-failed', errors: [{ pointer: '/query/cursor' }] });
    expect(dynamodb.commandCalls(QueryCommand)).toHaveLength(0);
  });

  it('answers 401 without a principal', async () => {
    expect((await list(undefined)).statusCode).toBe(401);
  });
});
