// The notifications context wired to AWS, once per module: the inbox in its table, the only channel built so far.
import { dynamodb, tableName } from '../../shared/aws/dynamodb.ts';
import type { NotificationsDependencies } from '../application/notifications.ports.ts';
import { DynamoDbInbox } from './dynamodb-inbox.ts';
import { NOTIFICATIONS_TABLE_ID } from './notifications-keys.ts';

export const inbox = new DynamoDbInbox(dynamodb, tableName(NOTIFICATIONS_TABLE_ID));

export const notificationsDependencies: NotificationsDependencies = { channels: [inbox] };
