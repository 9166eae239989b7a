// The registry-office table as the attachments use it: letters read and changed as everywhere, and the log of
// attachment reads, one item per read beside its letter. A read that releases the file writes the release and
// the read in one transaction, so a read route costs two requests at most.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { withoutKeys } from '../../shared/aws/items.ts';
import { pagedPrefixQuery } from '../../shared/aws/paged-query.ts';
import { transactWrite } from '../../shared/aws/transact-write.ts';
import type { Page, PageRequest } from '../../shared/http/pagination.ts';
import type { AttachmentRead, AttachmentsRepository } from '../application/attachments.use-cases.ts';
import type { LetterChange } from '../domain/letter.ts';
import { changedMeanwhile } from '../domain/registry-office-errors.ts';
import { attachmentKeys } from './attachments-keys.ts';
import { DynamoDbRegistryOfficeRepository, versionCondition } from './dynamodb-registry-office.repository.ts';

export class DynamoDbAttachmentsRepository extends DynamoDbRegistryOfficeRepository implements AttachmentsRepository {
  private readItem(read: AttachmentRead) {
    return { ...attachmentKeys.read(read.letterId, read.attachmentId, read.at, read.by.sub), ...read };
  }

  async recordRead(read: AttachmentRead): Promise<void> {
    await this.client.send(new PutCommand({ TableName: this.table, Item: this.readItem(read) }));
  }

  reads(letterId: string, page: PageRequest): Promise<Page<AttachmentRead>> {
    const { pk, skPrefix } = attachmentKeys.reads(letterId);
    return pagedPrefixQuery(this.client, { table: this.table, pk, skPrefix, page, descending: true }, (item) => withoutKeys<AttachmentRead>(item));
  }

  saveWithRead(change: LetterChange, read: AttachmentRead): Promise<void> {
    return transactWrite(
      this.client,
      [...this.changeWrites(change, versionCondition(change)), ...this.outboxWrites(change), { Put: { TableName: this.table, Item: this.readItem(read) } }],
      (cancellation) => changedMeanwhile(change.letter.number, cancellation),
    );
  }
}
