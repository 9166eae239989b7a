// Key builders of the notifications table (access patterns in ../README.md); no key is written by hand elsewhere.
export const NOTIFICATIONS_TABLE_ID = 'notifications';

export const notificationsKeys = {
  inbox: (recipient: string) => `INBOX#${recipient}`,
  /** `<at>#<id>`: an inbox sorts by instant, newest first when read backwards; the id keeps two of one instant apart. */
  notification: (recipient: string, at: string, id: string) => ({ pk: `INBOX#${recipient}`, sk: `${at}#${id}` }),
  /** A person's e-mail contact: one item, read by key. */
  emailContact: (person: string) => ({ pk: `CONTACT#${person}`, sk: 'email' }),
  /** The claim that a channel delivered (or is delivering) a notification: written once, before the send. */
  delivery: (notificationId: string, channel: string) => ({ pk: `DELIVERY#${notificationId}`, sk: channel }),
} as const;
