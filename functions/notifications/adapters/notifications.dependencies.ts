// The notifications context wired to AWS, once per module: the inbox in its table, the only channel built so far,
// and the e-mail contacts with the mailer that sends their verification codes.
import { randomBytes, randomInt } from 'node:crypto';
import { dynamodb, tableName } from '../../shared/aws/dynamodb.ts';
import type { ContactsDependencies, NotificationsDependencies } from '../application/notifications.ports.ts';
import { VERIFICATION } from '../domain/contact.ts';
import { DynamoDbContacts } from './dynamodb-contacts.ts';
import { DynamoDbInbox } from './dynamodb-inbox.ts';
import { NOTIFICATIONS_TABLE_ID } from './notifications-keys.ts';
import { configuredMailer } from './ses-mailer.ts';

export const inbox = new DynamoDbInbox(dynamodb, tableName(NOTIFICATIONS_TABLE_ID));

export const notificationsDependencies: NotificationsDependencies = { channels: [inbox] };

export const contactsDependencies: ContactsDependencies = {
  contacts: new DynamoDbContacts(dynamodb, tableName(NOTIFICATIONS_TABLE_ID)),
  mailer: configuredMailer(),
  secrets: {
    code: () => String(randomInt(10 ** VERIFICATION.codeDigits)).padStart(VERIFICATION.codeDigits, '0'),
    salt: () => randomBytes(16).toString('base64url'),
  },
};
