// The notifications context wired to AWS, once per module, without SES: the inbox and the e-mail contacts in the
// context's table, what the routes that read them need (the SES client stays out of their bundles).
import { dynamodb, tableName } from '../../shared/aws/dynamodb.ts';
import { DynamoDbContacts } from './dynamodb-contacts.ts';
import { DynamoDbInbox } from './dynamodb-inbox.ts';
import { NOTIFICATIONS_TABLE_ID } from './notifications-keys.ts';

export const notificationsTable = tableName(NOTIFICATIONS_TABLE_ID);

export const inbox = new DynamoDbInbox(dynamodb, notificationsTable);

export const contacts = new DynamoDbContacts(dynamodb, notificationsTable);
