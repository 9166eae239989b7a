// The notifications context wired to AWS, once per module: the inbox in its table, the e-mail channel where a
// sender address is configured, and the e-mail contacts with the mailer that sends their verification codes.
import { randomBytes, randomInt } from 'node:crypto';
import { dynamodb, tableName } from '../../shared/aws/dynamodb.ts';
import type { ContactsDependencies, NotificationsDependencies } from '../application/notifications.ports.ts';
import { VERIFICATION } from '../domain/contact.ts';
import { DynamoDbContacts } from './dynamodb-contacts.ts';
import { DynamoDbInbox } from './dynamodb-inbox.ts';
import { NOTIFICATIONS_TABLE_ID } from './notifications-keys.ts';
import { SesEmailChannel } from './ses-email-channel.ts';
import { configuredMailer } from './ses-mailer.ts';

const table = tableName(NOTIFICATIONS_TABLE_ID);
const contacts = new DynamoDbContacts(dynamodb, table);
const mailer = configuredMailer();

export const inbox = new DynamoDbInbox(dynamodb, table);

export const notificationsDependencies: NotificationsDependencies = { channels: [inbox, ...(mailer ? [new SesEmailChannel(dynamodb, table, contacts, mailer)] : [])] };

export const contactsDependencies: ContactsDependencies = {
  contacts,
  mailer,
  secrets: {
    code: () => String(randomInt(10 ** VERIFICATION.codeDigits)).padStart(VERIFICATION.codeDigits, '0'),
    salt: () => randomBytes(16).toString('base64url'),
  },
};
