// Each commune's catalogue document, kept whole in S3 and served as it is stored (no aggregation per request).
import type { S3Client } from '@aws-sdk/client-s3';
import type { CatalogueFormat, CatalogueStore } from '../application/open-data.ports.ts';
import { catalogueObjectName } from './open-data-keys.ts';
import { S3CatalogueDocuments } from './s3-catalogue-documents.ts';

export class S3CatalogueStore implements CatalogueStore {
  private readonly documents: S3CatalogueDocuments;

  constructor(client: S3Client, bucket: string) {
    this.documents = new S3CatalogueDocuments(client, bucket);
  }

  put(commune: string, document: Readonly<Record<string, unknown>>): Promise<void> {
    return this.documents.put(catalogueObjectName(commune), document);
  }

  text(commune: string, format: CatalogueFormat): Promise<string | undefined> {
    return this.documents.get(catalogueObjectName(commune), format);
  }
}
