// The ports of the notifications context: the channels a notification is delivered on, and the inbox it is read from.
import type { Page, PageRequest } from '../../shared/http/pagination.ts';
import type { EmailContact, PendingVerification } from '../domain/contact.ts';
import type { InboxNotification, Notification } from '../domain/notification.ts';

/**
 * How a person is reached. `in-app`: their inbox, read through `GET /v1/notifications`. `email`: an e-mail to the
 * verified address they declared (`PUT /v1/notifications/contact`). `sms`: not built yet (the README names its AWS
 * implementation and what it must do).
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

/** The e-mail contacts people declare, one per person (their `sub`). */
export interface Contacts {
  contactOf(person: string): Promise<EmailContact | undefined>;
  /** Stores a new declaration, replacing whatever the person had (a new address is unverified until its code). */
  declare(person: string, contact: EmailContact): Promise<void>;
  /**
   * Replaces the contact by `next` (one more wrong attempt counted, or verified), conditional on the pending
   * verification being still `read`: of two racing attempts one wins, the other gets ConflictError.
   */
  replace(person: string, read: PendingVerification, next: EmailContact): Promise<void>;
}

/** One e-mail to one address, in plain text. Sending takes no idempotency key: callers decide what a retry does. */
export interface Mailer {
  send(mail: { readonly to: string; readonly subject: string; readonly text: string }): Promise<void>;
}

/** The unguessable values a declaration needs, drawn from a CSPRNG (fixed in tests). */
export interface Secrets {
  /** A 6-digit code, leading zeros kept. */
  code(): string;
  salt(): string;
}

/** What declaring an address needs: the contacts, the mailer of the code, and the code's randomness. */
export interface DeclarationDependencies {
  readonly contacts: Contacts;
  /** Absent where no sender address is configured: declaring an address then answers 503. */
  readonly mailer: Mailer | undefined;
  readonly secrets: Secrets;
}
