// DeliverNotifications as Lambda runs it, DynamoDB mocked: a batch of its queue's messages (outbox events) in, one
// conditional put per notification, a redelivery taken as delivered, and the first failure reported as the
// batch's failed records with every one after it (FIFO: nothing overtakes it).  Nothing personal reaches the logs.
import { ConditionalCheckFailedException, ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { notificationRequested, type NotificationRequest } from '../../../functions/notifications/public.ts';
import { domainEvent, type DomainEvent } from '../../../functions/shared/events/domain-event.ts';
import { logger } from '../../../functions/shared/observability/observability.ts';
import { tableEnvName } from '../../../functions/shared/service-description.ts';
import { lambdaContext } from '../../fixtures/http-events.ts';
import { outboxQueueRecord } from '../../fixtures/outbox-stream-records.ts';

type Handler = (typeof import('../../../functions/notifications/handlers/deliver-notifications.handler.ts'))['handler'];
let handler: Handler;
const dynamodb = mockClient(DynamoDBDocumentClient);


function requested(recipient: string, version: number, text = `Votre dossier ${version} est approuvé`): DomainEvent<NotificationRequest> {
  const cause = domainEvent({ type: 'permit.decided', source: 'permits', subject: `p-${version}`, occurredAt: `2026-12-0${version}T09:00:00.000Z`, version, data: {} });
  return notificationRequested(cause, {
    recipient,
    topic: 'decided',
    about: { kind: 'permit', id: `p-${version}`, reference: `RCP-RABAT-2026-0000000${version}` },
    message: { ar: `تمت الموافقة على ملفكم ${version}`, fr: text, en: `Your file ${version} is approved` },
  });
}

const queueRecord = (event: DomainEvent, messageId: string) => outboxQueueRecord(event, messageId);

const batch = (...records: SQSRecord[]): SQSEvent => ({ Records: records });
const deliver = (event: SQSEvent) => handler(event, lambdaContext('DeliverNotifications'));
const puts = () => dynamodb.commandCalls(PutCommand).map((call) => call.args[0].input);

/** Everything the handler asked the logger to write, errors with their messages, stacks and causes. */
function logged(spy: { mock: { calls: unknown[][] } }): string {
  return JSON.stringify(spy.mock.calls, (_key, value: unknown) =>
    value instanceof Error ? { message: value.message, stack: value.stack, cause: String(value.cause) } : value,
  );
}

describe('DeliverNotifications', () => {
  beforeAll(async () => {
    process.env[tableEnvName('notifications')] = 'notifications-test';
    handler = (await import('../../../functions/notifications/handlers/deliver-notifications.handler.ts')).handler;
  });

  beforeEach(() => {
    dynamodb.reset();
    dynamodb.on(PutCommand).resolves({});
  });

  afterEach(() => vi.restoreAllMocks());

  it('puts each notification in its recipient’s inbox once, under a key derived from the event', async () => {
    const response = await deliver(batch(queueRecord(requested('citizen-a', 1), '100'), queueRecord(requested('citizen-b', 2), '200')));

    expect(response).toEqual({ batchItemFailures: [] });
    const [first, second] = puts();
    expect(first).toMatchObject({
      TableName: 'notifications-test',
      ConditionExpression: 'attribute_not_exists(pk)',
      Item: {
        pk: 'INBOX#citizen-a',
        sk: expect.stringMatching(/^2026-12-01T09:00:00\.000Z#[A-Za-z0-9_-]{22}$/),
        topic: 'decided',
        source: 'permits',
        about: { kind: 'permit', id: 'p-1', reference: 'RCP-RABAT-2026-00000001' },
        message: { fr: 'Votre dossier 1 est approuvé' },
        at: '2026-12-01T09:00:00.000Z',
      },
    });
    expect(first?.Item).not.toHaveProperty('recipient');
    expect(second?.Item).toMatchObject({ pk: 'INBOX#citizen-b' });
  });

  it('writes the same key for a redelivered event, and takes its failed condition as delivered', async () => {
    const record = queueRecord(requested('citizen-a', 1), '100');
    await deliver(batch(record));
    dynamodb.on(PutCommand).rejects(new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} }));

    const response = await deliver(batch(record));

    expect(response).toEqual({ batchItemFailures: [] });
    const [first, again] = puts();
    expect(again?.Item).toEqual(first?.Item);
  });

  it('reports the first record it could not deliver and every one after it, for the retry', async () => {
    dynamodb
      .on(PutCommand)
      .resolvesOnce({})
      .rejectsOnce(new ProvisionedThroughputExceededException({ message: 'Rate of requests exceeds the allowed throughput', $metadata: {} }));
    const errors = vi.spyOn(logger, 'error');

    const response = await deliver(
      batch(queueRecord(requested('citizen-a', 1), '100'), queueRecord(requested('citizen-b', 2, 'Texte secret 2'), '200'), queueRecord(requested('citizen-c', 3), '300')),
    );

    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: '200' }, { itemIdentifier: '300' }] });
    expect(puts()).toHaveLength(2);
    expect(logged(errors)).toContain('200');
    expect(logged(errors)).not.toContain('citizen-b');
    expect(logged(errors)).not.toContain('Texte secret 2');
  });

  it('reports a malformed request without writing it, and logs which fields, not what they hold', async () => {
    const event = requested('citizen-a', 1, 'Texte secret');
    const malformed = { ...event, data: { ...event.data, message: { ar: event.data.message.ar, fr: event.data.message.fr } } } as DomainEvent;
    const errors = vi.spyOn(logger, 'error');

    const response = await deliver(batch(queueRecord(malformed, '100')));

    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: '100' }] });
    expect(puts()).toHaveLength(0);
    expect(logged(errors)).toContain('data.message.en');
    expect(logged(errors)).not.toContain('citizen-a');
    expect(logged(errors)).not.toContain('Texte secret');
  });
});
