// People's e-mail contacts in the notifications table, one item per person: a declaration replaces it, a
// verification attempt updates it only if the pending code is still the one read.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../../shared/errors/domain-errors.ts';
import type { Contacts } from '../application/notifications.ports.ts';
import type { EmailContact, PendingVerification } from '../domain/contact.ts';
import { notificationsKeys } from './notifications-keys.ts';

export class DynamoDbContacts implements Contacts {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async contactOf(person: string): Promise<EmailContact | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.table, Key: notificationsKeys.emailContact(person), ConsistentRead: true }));
    if (!Item) return undefined;
    const { email, language, verified, since, pending } = Item as EmailContact;
    return { email, language, verified, since, ...(pending && { pending }) };
  }

  async declare(person: string, contact: EmailContact): Promise<void> {
    await this.client.send(new PutCommand({ TableName: this.table, Item: { ...notificationsKeys.emailContact(person), ...contact } }));
  }

  async replace(person: string, read: PendingVerification, next: EmailContact): Promise<void> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...notificationsKeys.emailContact(person), ...next },
          ConditionExpression: '#pending.#hash = :hash AND #pending.#attempts = :attempts',
          ExpressionAttributeNames: { '#pending': 'pending', '#hash': 'codeHash', '#attempts': 'wrongAttempts' },
          ExpressionAttributeValues: { ':hash': read.codeHash, ':attempts': read.wrongAttempts },
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        throw new ConflictError(
          { ar: 'تغير عنوانكم أثناء المحاولة؛ أعيدوا المحاولة', fr: 'Votre adresse a changé pendant la tentative ; réessayez', en: 'Your address changed during the attempt; try again' },
          { cause: error },
        );
      }
      throw error;
    }
  }
}
