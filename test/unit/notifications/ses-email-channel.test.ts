// The e-mail channel over mocked DynamoDB and SES v2: one e-mail per notification to a verified address, in its
// language then the other, its delivery claimed before the send so that a redelivery sends nothing; a recipient
// without a verified address is skipped, not failed.
import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { DynamoDbContacts } from '../../../functions/notifications/adapters/dynamodb-contacts.ts';
import { SesEmailChannel } from '../../../functions/notifications/adapters/ses-email-channel.ts';
import { SesMailer } from '../../../functions/notifications/adapters/ses-mailer.ts';
import type { Notification } from '../../../functions/notifications/domain/notification.ts';

const dynamodb = mockClient(DynamoDBDocumentClient);
const ses = mockClient(SESv2Client);
const documents = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-3' }));
const channel = new SesEmailChannel(documents, 'notifications-test', new DynamoDbContacts(documents, 'notifications-test'), new SesMailer(new SESv2Client({ region: 'eu-west-3' }), 'no-reply@raqmana.example'));

const notification: Notification = {
  id: 'q3Yb1r0wXzK7cV9tLmN2pA',
  recipient: 'salma',
  topic: 'decided',
  source: 'permits',
  about: { kind: 'permit', id: 'p-1', reference: 'RCP-RABAT-2026-00000001' },
  message: { ar: 'تمت الموافقة على ملفكم', fr: 'Votre dossier est approuvé', en: 'Your file is approved' },
  at: '2026-12-01T09:00:00.000Z',
};
const verified = { pk: 'CONTACT#salma', sk: 'email', email: 'salma@example.ma', language: 'fr', verified: true, since: '2026-11-30T10:00:00.000Z' };

describe('SesEmailChannel', () => {
  beforeEach(() => {
    dynamodb.reset();
    ses.reset();
    ses.on(SendEmailCommand).resolves({ MessageId: 'm-1' });
    dynamodb.on(PutCommand).resolves({});
  });

  it('claims the delivery, then sends one e-mail to the verified address: its language first, the other after', async () => {
    dynamodb.on(GetCommand).resolves({ Item: verified });

    await channel.deliver(notification);

    expect(dynamodb.commandCalls(GetCommand)[0]?.args[0].input).toMatchObject({ TableName: 'notifications-test', Key: { pk: 'CONTACT#salma', sk: 'email' } });
    expect(dynamodb.commandCalls(PutCommand)[0]?.args[0].input).toMatchObject({
      Item: { pk: 'DELIVERY#q3Yb1r0wXzK7cV9tLmN2pA', sk: 'email' },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
    const sends = ses.commandCalls(SendEmailCommand).map((call) => call.args[0].input);
    expect(sends).toHaveLength(1);
    expect(sends[0]).toMatchObject({
      FromEmailAddress: 'no-reply@raqmana.example',
      Destination: { ToAddresses: ['salma@example.ma'] },
      Content: { Simple: { Subject: { Data: 'Notification decided — RCP-RABAT-2026-00000001' }, Body: { Text: { Data: 'Votre dossier est approuvé\n\nتمت الموافقة على ملفكم\n' } } } },
    });
    // Nothing about the person beyond the message: not their sub, nor the English text.
    expect(JSON.stringify(sends[0])).not.toMatch(/salma"|Your file/);
  });

  it('sends nothing when the delivery was claimed before (a redelivered notification), and answers normally', async () => {
    dynamodb.on(GetCommand).resolves({ Item: verified });
    dynamodb.on(PutCommand).rejects(new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} }));

    await expect(channel.deliver(notification)).resolves.toBeUndefined();
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(0);
  });

  it.each([
    ['no address', undefined],
    ['an unverified address', { ...verified, verified: false, pending: { codeHash: 'ab', salt: 's', expiresAt: '2026-12-01T09:15:00.000Z', wrongAttempts: 0 } }],
  ])('skips a recipient with %s: no claim, no e-mail, no error', async (_case, item) => {
    dynamodb.on(GetCommand).resolves({ Item: item });

    await expect(channel.deliver(notification)).resolves.toBeUndefined();
    expect(dynamodb.commandCalls(PutCommand)).toHaveLength(0);
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(0);
  });

  it('fails the delivery when SES fails after the claim, naming no address (the claim stays: that e-mail is lost, never sent twice)', async () => {
    dynamodb.on(GetCommand).resolves({ Item: verified });
    ses.on(SendEmailCommand).rejects(Object.assign(new Error('Email address is not verified: salma@example.ma'), { name: 'MessageRejected' }));

    const failure = await channel.deliver(notification).catch((error: unknown) => error as Error);
    // Errors are logged: SES's message, which names the address, is not passed on.
    expect(failure).toMatchObject({ message: 'SES SendEmail failed: MessageRejected' });
    expect(failure).not.toHaveProperty('cause');
    expect(dynamodb.commandCalls(PutCommand)).toHaveLength(1);
  });
});
