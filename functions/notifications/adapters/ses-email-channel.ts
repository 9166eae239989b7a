// The e-mail channel: each notification whose recipient has a verified address goes out as one e-mail through SES,
// in the address's language. SendEmail takes no idempotency key, so the delivery is claimed first, with a put
// conditional on the claim's absence, and the e-mail sent after: a redelivered notification finds the claim and
// sends nothing. The price is at most once: a failure between the claim and the send (SES throttled or down, the
// function timed out) loses that e-mail, as the retry finds the claim. The other order (send, then mark) would
// send it twice on a failure after the send. A lost e-mail costs little (the inbox holds the notification, the
// e-mail only points to it); a duplicate at every redelivery would be the channel's normal failure mode.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Contacts, Mailer, NotificationChannel } from '../application/notifications.ports.ts';
import { notificationMail } from '../domain/contact-mails.ts';
import type { Notification } from '../domain/notification.ts';
import { notificationsKeys } from './notifications-keys.ts';

export class SesEmailChannel implements NotificationChannel {
  readonly name = 'email';

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly contacts: Contacts,
    private readonly mailer: Mailer,
  ) {}

  async deliver(notification: Notification): Promise<void> {
    const contact = await this.contacts.contactOf(notification.recipient);
    // No address, or one not verified: nothing is sent to it, and that is no failure.
    if (!contact?.verified) return;
    if (!(await this.claimed(notification))) return;
    await this.mailer.send({ to: contact.email, ...notificationMail(contact.language, notification) });
  }

  /** Whether this call claimed the delivery (false: an earlier one did). */
  private async claimed(notification: Notification): Promise<boolean> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...notificationsKeys.delivery(notification.id, this.name), at: notification.at },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}
