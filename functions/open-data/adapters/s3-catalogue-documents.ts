// The catalogue documents in S3, each kept whole in both its forms (JSON-LD, and Turtle written from it at the same
// time) and served as stored: no aggregation or conversion on a request.
import { GetObjectCommand, NoSuchKey, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { CatalogueFormat } from '../application/open-data.ports.ts';
import { toTurtle } from '../domain/turtle.ts';

const EXTENSIONS: Readonly<Record<CatalogueFormat, string>> = { 'json-ld': 'jsonld', turtle: 'ttl' };

export class S3CatalogueDocuments {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  /** Writes `<name>.jsonld` and `<name>.ttl`. */
  async put(name: string, document: Readonly<Record<string, unknown>>): Promise<void> {
    await Promise.all([
      this.write(`${name}.${EXTENSIONS['json-ld']}`, JSON.stringify(document), 'application/ld+json'),
      this.write(`${name}.${EXTENSIONS.turtle}`, toTurtle(document), 'text/turtle; charset=utf-8'),
    ]);
  }

  async get(name: string, format: CatalogueFormat): Promise<string | undefined> {
    try {
      const output = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: `${name}.${EXTENSIONS[format]}` }));
      return await output.Body!.transformToString();
    } catch (error) {
      if (error instanceof NoSuchKey) return undefined;
      throw error;
    }
  }

  private async write(key: string, body: string, contentType: string): Promise<void> {
    await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType }));
  }
}
