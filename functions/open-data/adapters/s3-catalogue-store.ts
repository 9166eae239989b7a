// Each commune's catalogue document, kept whole in S3 and served as it is stored (no aggregation per request).
import { GetObjectCommand, NoSuchKey, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { CatalogueStore } from '../application/open-data.ports.ts';
import { catalogueObjectKey } from './open-data-keys.ts';

export class S3CatalogueStore implements CatalogueStore {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  async put(commune: string, document: Readonly<Record<string, unknown>>): Promise<void> {
    await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: catalogueObjectKey(commune), Body: JSON.stringify(document), ContentType: 'application/ld+json' }));
  }

  async get(commune: string): Promise<Record<string, unknown> | undefined> {
    try {
      const output = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: catalogueObjectKey(commune) }));
      return JSON.parse(await output.Body!.transformToString()) as Record<string, unknown>;
    } catch (error) {
      if (error instanceof NoSuchKey) return undefined;
      throw error;
    }
  }
}
