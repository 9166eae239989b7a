// One's e-mail contact through the real middy chains, DynamoDB and SES v2 mocked (one item kept as DynamoDB would
// keep it, conditions evaluated): declared unverified with a code mailed to it and stored only as a salted digest,
// verified by that code within 15 minutes and 5 wrong attempts, read back; always the caller's own.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { declareContact } from '../../../functions/notifications/application/contacts.use-cases.ts';
import type { Contacts } from '../../../functions/notifications/application/notifications.ports.ts';
import { EMAIL_FROM_ENV, tableEnvName } from '../../../functions/shared/service-description.ts';
import { useTimeSource } from '../../../functions/shared/time/time-source.ts';
import { claimsFor, httpEvent, lambdaContext } from '../../fixtures/http-events.ts';

type Handler = (typeof import('../../../functions/notifications/handlers/put-contact.handler.ts'))['handler'];
let put: Handler;
let verify: Handler;
let get: Handler;
const dynamodb = mockClient(DynamoDBDocumentClient);
const ses = mockClient(SESv2Client);
let items: Map<string, Record<string, unknown>>;
let clock = new Date('2026-12-01T09:30:00.000Z');

const keyOf = (key: Record<string, unknown>) => `${String(key.pk)}|${String(key.sk)}`;
const salma = claimsFor('salma', ['citizen']);

function call(handler: Handler, method: string, routePath: string, claims: Record<string, string>, body?: unknown) {
  return handler(httpEvent({ method, routePath, claims, ...(body !== undefined && { body: JSON.stringify(body) }) }), lambdaContext('Contact'));
}
const declare = (body: unknown, claims = salma) => call(put, 'PUT', '/v1/notifications/contact', claims, body);
const check = (code: string, claims = salma) => call(verify, 'POST', '/v1/notifications/contact/verification', claims, { code });
const read = (claims = salma) => call(get, 'GET', '/v1/notifications/contact', claims);
const json = (response: Awaited<ReturnType<Handler>>) => JSON.parse(response.body ?? '{}') as Record<string, unknown>;
/** The code in the last e-mail sent: what the person reads in their mailbox. */
const mailedCode = () => /\d{6}/.exec(String(ses.commandCalls(SendEmailCommand).at(-1)?.args[0].input.Content?.Simple?.Subject?.Data))?.[0] ?? '';
const wrongCodeFor = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('the e-mail contact routes', () => {
  beforeAll(async () => {
    process.env[tableEnvName('notifications')] = 'notifications-test';
    process.env[EMAIL_FROM_ENV] = 'no-reply@raqmana.example';
    useTimeSource({ now: () => clock });
    put = (await import('../../../functions/notifications/handlers/put-contact.handler.ts')).handler;
    verify = (await import('../../../functions/notifications/handlers/verify-contact.handler.ts')).handler as unknown as Handler;
    get = (await import('../../../functions/notifications/handlers/get-contact.handler.ts')).handler as unknown as Handler;
  });

  beforeEach(() => {
    clock = new Date('2026-12-01T09:30:00.000Z');
    items = new Map();
    dynamodb.reset();
    ses.reset();
    ses.on(SendEmailCommand).resolves({ MessageId: 'm-1' });
    dynamodb.on(GetCommand).callsFake((input: { Key: Record<string, unknown> }) => ({ Item: items.get(keyOf(input.Key)) }));
    dynamodb.on(PutCommand).callsFake((input: { Item: Record<string, unknown>; ConditionExpression?: string; ExpressionAttributeValues?: Record<string, unknown> }) => {
      const current = items.get(keyOf(input.Item)) as { pending?: { codeHash: string; wrongAttempts: number } } | undefined;
      if (input.ConditionExpression) {
        const values = input.ExpressionAttributeValues ?? {};
        if (current?.pending?.codeHash !== values[':hash'] || current?.pending?.wrongAttempts !== values[':attempts']) {
          throw new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });
        }
      }
      items.set(keyOf(input.Item), structuredClone(input.Item));
      return {};
    });
  });

  it('stores a declared address unverified under the caller’s sub and mails it a 6-digit code, kept only as a salted digest', async () => {
    const response = await declare({ email: 'Salma@Example.ma', language: 'fr' });

    expect(response.statusCode).toBe(200);
    expect(json(response)).toEqual({ email: 'salma@example.ma', language: 'fr', verified: false, since: '2026-12-01T09:30:00.000Z' });
    const [mail] = ses.commandCalls(SendEmailCommand).map((sent) => sent.args[0].input);
    expect(mail).toMatchObject({ FromEmailAddress: 'no-reply@raqmana.example', Destination: { ToAddresses: ['salma@example.ma'] } });
    const code = mailedCode();
    expect(code).toMatch(/^\d{6}$/);
    // In French first, then in Arabic.
    expect(mail?.Content?.Simple?.Body?.Text?.Data).toMatch(new RegExp(`^Le code de vérification .* ${code}[\\s\\S]*${code}\\. صالح`));
    const stored = items.get('CONTACT#salma|email')!;
    expect(JSON.stringify(stored)).not.toContain(code);
    expect(stored).toMatchObject({ verified: false, pending: { expiresAt: '2026-12-01T09:45:00.000Z', wrongAttempts: 0 } });
  });

  it('verifies the address with the code mailed, and reads it back as verified since then', async () => {
    await declare({ email: 'salma@example.ma', language: 'ar' });
    clock = new Date('2026-12-01T09:40:00.000Z');

    const verified = await check(mailedCode());

    expect(verified.statusCode).toBe(200);
    expect(json(verified)).toEqual({ email: 'salma@example.ma', language: 'ar', verified: true, since: '2026-12-01T09:40:00.000Z' });
    expect(items.get('CONTACT#salma|email')).not.toHaveProperty('pending');
    expect(json(await read())).toEqual(json(verified));
    // A retry of the request that verified it: the same answer, nothing written.
    const writes = dynamodb.commandCalls(PutCommand).length;
    expect(json(await check(mailedCode()))).toEqual(json(verified));
    expect(dynamodb.commandCalls(PutCommand)).toHaveLength(writes);
  });

  it('counts a wrong code (422 in three languages) and changes nothing else; after 5 wrong ones even the right code is refused with 410', async () => {
    await declare({ email: 'salma@example.ma', language: 'ar' });
    const code = mailedCode();

    const first = await call(verify, 'POST', '/v1/notifications/contact/verification', salma, { code: wrongCodeFor(code) });
    expect(first.statusCode).toBe(422);
    expect(first.headers?.['content-type']).toContain('application/problem+json');
    expect(json(first)).toMatchObject({ code: 'verification-code-wrong' });
    expect(items.get('CONTACT#salma|email')).toMatchObject({ verified: false, email: 'salma@example.ma', pending: { wrongAttempts: 1 } });
    for (let attempt = 2; attempt <= 5; attempt += 1) expect((await check(wrongCodeFor(code))).statusCode).toBe(422);

    const spent = await check(code);
    expect(spent.statusCode).toBe(410);
    expect(json(spent)).toMatchObject({ code: 'verification-code-spent' });
    expect(items.get('CONTACT#salma|email')).toMatchObject({ verified: false, pending: { wrongAttempts: 5 } });
    // A new declaration, a new code: verified.
    await declare({ email: 'salma@example.ma', language: 'ar' });
    expect(json(await check(mailedCode()))).toMatchObject({ verified: true });
  });

  it('refuses the right code once 15 minutes have passed (410), writing nothing', async () => {
    await declare({ email: 'salma@example.ma', language: 'fr' });
    clock = new Date('2026-12-01T09:45:00.000Z');
    const writes = dynamodb.commandCalls(PutCommand).length;

    const late = await check(mailedCode());

    expect(late.statusCode).toBe(410);
    expect(dynamodb.commandCalls(PutCommand)).toHaveLength(writes);
  });

  it('answers 409 to the attempt that lost a race with another (the pending code changed since it was read)', async () => {
    await declare({ email: 'salma@example.ma', language: 'fr' });
    const code = mailedCode();
    // Another attempt counted between this one's read and its write.
    dynamodb.on(GetCommand).callsFake((input: { Key: Record<string, unknown> }) => {
      const item = structuredClone(items.get(keyOf(input.Key))!) as { pending: { wrongAttempts: number } };
      items.set(keyOf(input.Key), { ...item, pending: { ...item.pending, wrongAttempts: 1 } });
      return { Item: item };
    });

    expect((await check(code)).statusCode).toBe(409);
    expect(items.get('CONTACT#salma|email')).toMatchObject({ verified: false });
  });

  it('keeps each person to their own contact: another caller has none, and their code verifies nothing of Salma’s', async () => {
    await declare({ email: 'salma@example.ma', language: 'fr' });
    const omar = claimsFor('omar', ['agent']);

    expect((await read(omar)).statusCode).toBe(404);
    expect((await check(mailedCode(), omar)).statusCode).toBe(404);
    expect(items.get('CONTACT#salma|email')).toMatchObject({ verified: false, pending: { wrongAttempts: 0 } });
  });

  it('refuses a malformed address, language or code with 400, writing and sending nothing', async () => {
    expect((await declare({ email: 'not-an-address', language: 'fr' })).statusCode).toBe(400);
    expect((await declare({ email: 'salma@example.ma', language: 'en' })).statusCode).toBe(400);
    expect((await check('12345')).statusCode).toBe(400);
    expect(dynamodb.commandCalls(PutCommand)).toHaveLength(0);
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(0);
  });

  it('answers 404 to reading or verifying before any declaration', async () => {
    expect((await read()).statusCode).toBe(404);
    expect((await check('123456')).statusCode).toBe(404);
  });
});

describe('declaring an address where no sender is configured', () => {
  it('is refused (503) before anything is stored', async () => {
    const declared: string[] = [];
    const contacts: Contacts = { contactOf: async () => undefined, declare: async (person) => void declared.push(person), replace: async () => undefined };
    const principal = { sub: 'salma', roles: ['citizen'] } as const;

    await expect(declareContact({ contacts, mailer: undefined, secrets: { code: () => '123456', salt: () => 's' } }, principal, { email: 'salma@example.ma', language: 'ar' }, new Date('2026-12-01T09:00:00Z'))).rejects.toMatchObject({
      code: 'email-unavailable',
    });
    expect(declared).toEqual([]);
  });
});
