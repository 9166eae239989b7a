// The ports of the notifications context: the channels a notification is delivered on, and the inbox it is read from.
import type { Page, PageRequest } from '../../shared/http/pagination.ts';
import type { InboxNotification, Notification } from '../domain/notification.ts';

/**
 * How a person is reached. `in-app`: their inbox, read through `GET /v1/notifications` (built). `sms` and `email`:
 * a text message or an e-mail to the contact their account holds, not built yet (the README names their AWS
 * implementations and what they must do).
 */
export type ChannelName = 'in-app' | 'sms' | 'email';

/**
 * One way of telling a person. Events arrive at least once, and a batch is retried from its first failed record,
 * so `deliver` is called again for a notification it has delivered: it must then deliver nothing new (the
 * notification's id is the key to recognise it by), and answer normally.
 */
export interface NotificationChannel {
  readonly name: ChannelName;
  deliver(notification: Notification): Promise<void>;
}

export interface Inbox {
  /** The notifications of `recipient`, newest first. */
  notificationsOf(recipient: string, page: PageRequest): Promise<Page<InboxNotification>>;
}

export interface NotificationsDependencies {
  /** Every channel a notification goes out on, in order; each is idempotent. */
  readonly channels: readonly NotificationChannel[];
}
