// The inbox in the notifications table: the in-app channel writes each notification once, under a key derived
// from the event that asked for it, and `GET /v1/notifications` reads it back newest first.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { pagedQuery } from '../../shared/aws/paged-query.ts';
import type { Page, PageRequest } from '../../shared/http/pagination.ts';
import type { Inbox, NotificationChannel } from '../application/notifications.ports.ts';
import type { InboxNotification, Notification } from '../domain/notification.ts';
import { notificationsKeys } from './notifications-keys.ts';

export class DynamoDbInbox implements NotificationChannel, Inbox {
  readonly name = 'in-app';

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async deliver(notification: Notification): Promise<void> {
    const { recipient, ...stored } = notification;
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...notificationsKeys.notification(recipient, notification.at, notification.id), ...stored },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      // The item is there: this event was delivered before (a redelivery, or a retry of its batch).
      if (error instanceof ConditionalCheckFailedException) return;
      throw error;
    }
  }

  notificationsOf(recipient: string, page: PageRequest): Promise<Page<InboxNotification>> {
    const pk = notificationsKeys.inbox(recipient);
    return pagedQuery(
      this.client,
      {
        input: { TableName: this.table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk }, ScanIndexForward: false },
        page,
        keyAttributes: ['pk', 'sk'],
        partition: { pk },
      },
      ({ id, topic, source, about, message, at }) => ({ id, topic, source, about, message, at }) as InboxNotification,
    );
  }
}
