// What sends e-mail, wired once per module: the SES mailer where a sender address is configured, the channels a
// notification goes out on (the inbox, and e-mail only with a mailer), and what declaring an address needs.
import { randomBytes, randomInt } from 'node:crypto';
import { dynamodb } from '../../shared/aws/dynamodb.ts';
import type { DeclarationDependencies, NotificationsDependencies } from '../application/notifications.ports.ts';
import { VERIFICATION } from '../domain/contact.ts';
import { contacts, inbox, notificationsTable } from './notifications.dependencies.ts';
import { SesEmailChannel } from './ses-email-channel.ts';
import { configuredMailer } from './ses-mailer.ts';

const mailer = configuredMailer();

export const notificationsDependencies: NotificationsDependencies = {
  channels: [inbox, ...(mailer ? [new SesEmailChannel(dynamodb, notificationsTable, contacts, mailer)] : [])],
};

export const declarationDependencies: DeclarationDependencies = {
  contacts,
  mailer,
  secrets: {
    code: () => String(randomInt(10 ** VERIFICATION.codeDigits)).padStart(VERIFICATION.codeDigits, '0'),
    salt: () => randomBytes(16).toString('base64url'),
  },
};
