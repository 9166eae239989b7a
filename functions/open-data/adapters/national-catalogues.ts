// The national catalogue: the communes' catalogues it lists in DynamoDB (one item each), and its document in the
// catalogues bucket, written whole after each commune's catalogue and served as it is stored.
import { GetObjectCommand, NoSuchKey, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { withoutKeys } from '../../shared/aws/items.ts';
import { queryEveryPage } from '../../shared/aws/paged-query.ts';
import type { NationalCatalogues } from '../application/open-data.ports.ts';
import type { ListedCatalogue } from '../domain/dcat-catalogue.ts';
import { NATIONAL_CATALOGUE_OBJECT_KEY, nationalCatalogueKeys } from './open-data-keys.ts';

export class DynamoDbS3NationalCatalogues implements NationalCatalogues {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

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

  async put(document: Readonly<Record<string, unknown>>): Promise<void> {
    await this.s3.send(new PutObjectCommand({ Bucket: this.bucket, Key: NATIONAL_CATALOGUE_OBJECT_KEY, Body: JSON.stringify(document), ContentType: 'application/ld+json' }));
  }

  async get(): Promise<Record<string, unknown> | undefined> {
    try {
      const output = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: NATIONAL_CATALOGUE_OBJECT_KEY }));
      return JSON.parse(await output.Body!.transformToString()) as Record<string, unknown>;
    } catch (error) {
      if (error instanceof NoSuchKey) return undefined;
      throw error;
    }
  }
}
