// The national catalogue: the communes' catalogues it lists in DynamoDB (one item each), and its document in the
// catalogues bucket, written whole after each commune's catalogue and served as it is stored.
import type { S3Client } from '@aws-sdk/client-s3';
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { withoutKeys } from '../../shared/aws/items.ts';
import { queryEveryPage } from '../../shared/aws/paged-query.ts';
import type { CatalogueFormat, NationalCatalogues } from '../application/open-data.ports.ts';
import type { ListedCatalogue } from '../domain/dcat-catalogue.ts';
import { NATIONAL_CATALOGUE_OBJECT_NAME, nationalCatalogueKeys } from './open-data-keys.ts';
import { S3CatalogueDocuments } from './s3-catalogue-documents.ts';

export class DynamoDbS3NationalCatalogues implements NationalCatalogues {
  private readonly documents: S3CatalogueDocuments;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly table: string,
    s3: S3Client,
    bucket: string,
  ) {
    this.documents = new S3CatalogueDocuments(s3, bucket);
  }

  async record(catalogue: ListedCatalogue): Promise<void> {
    // Only a later state replaces the one listed (a redelivered event brings an earlier one).
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...nationalCatalogueKeys.entry(catalogue.code), ...catalogue },
          ConditionExpression: 'attribute_not_exists(pk) OR modified <= :modified',
          ExpressionAttributeValues: { ':modified': catalogue.modified },
        }),
      );
    } catch (error) {
      if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error;
    }
  }

  async listed(): Promise<ListedCatalogue[]> {
    const items = await queryEveryPage(this.client, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': nationalCatalogueKeys.partition },
      ConsistentRead: true,
    });
    return items.map((item) => withoutKeys<ListedCatalogue>(item));
  }

  put(document: Readonly<Record<string, unknown>>): Promise<void> {
    return this.documents.put(NATIONAL_CATALOGUE_OBJECT_NAME, document);
  }

  text(format: CatalogueFormat): Promise<string | undefined> {
    return this.documents.get(NATIONAL_CATALOGUE_OBJECT_NAME, format);
  }
}
