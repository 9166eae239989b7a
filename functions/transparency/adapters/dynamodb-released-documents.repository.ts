// The transparency table as the released documents use it: requests read and changed as everywhere, and the log of
// document reads, one item per read beside its request. A read that releases the document writes the release and
// the read in one transaction, so a read route costs two requests at most.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { followsVersion } from '../../shared/aws/change-writes.ts';
import { withoutKeys } from '../../shared/aws/items.ts';
import { pagedPrefixQuery } from '../../shared/aws/paged-query.ts';
import { transactWrite } from '../../shared/aws/transact-write.ts';
import type { Page, PageRequest } from '../../shared/http/pagination.ts';
import type { DocumentRead, ReleasedDocumentsRepository } from '../application/released-documents.use-cases.ts';
import type { RequestChange } from '../domain/information-request.ts';
import { changedMeanwhile } from '../domain/transparency-errors.ts';
import { DynamoDbTransparencyRepository } from './dynamodb-transparency.repository.ts';
import { releasedDocumentKeys } from './request-delivery-keys.ts';

export class DynamoDbReleasedDocumentsRepository extends DynamoDbTransparencyRepository implements ReleasedDocumentsRepository {
  private readItem(read: DocumentRead) {
    return { ...releasedDocumentKeys.read(read.requestId, read.documentId, read.at, read.by.sub), ...read };
  }

  async recordDocumentRead(read: DocumentRead): Promise<void> {
    await this.client.send(new PutCommand({ TableName: this.table, Item: this.readItem(read) }));
  }

  documentReads(requestId: string, page: PageRequest): Promise<Page<DocumentRead>> {
    const { pk, skPrefix } = releasedDocumentKeys.reads(requestId);
    return pagedPrefixQuery(this.client, { table: this.table, pk, skPrefix, page, descending: true }, (item) => withoutKeys<DocumentRead>(item));
  }

  saveWithDocumentRead(change: RequestChange, read: DocumentRead): Promise<void> {
    return transactWrite(this.client, [...this.writesOf(change, followsVersion(change.request.version)), { Put: { TableName: this.table, Item: this.readItem(read) } }], (cancellation) =>
      changedMeanwhile(change.request.id, cancellation),
    );
  }
}
