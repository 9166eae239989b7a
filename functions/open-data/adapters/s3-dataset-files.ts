// The datasets' files in S3, under content-addressed keys: stored with their SHA-256, which S3 checks, and read
// back whole to be served (open-data files are small: a commune's figures are a few kilobytes).
import type { S3Client } from '@aws-sdk/client-s3';
import { checksummedObjects, type ChecksummedObjects } from '../../shared/aws/checksummed-objects.ts';
import type { DatasetFiles } from '../application/open-data.ports.ts';
import { datasetFileObjectKey } from './open-data-keys.ts';

/** Larger than any file the route serves (a Lambda response is at most 6 MB). */
const LARGEST_SERVED_BYTES = 5 * 1024 * 1024;

export class S3DatasetFiles implements DatasetFiles {
  private readonly objects: ChecksummedObjects;

  constructor(client: S3Client, bucket: string) {
    this.objects = checksummedObjects(client, bucket);
  }

  put(datasetId: string, fileName: string, content: Uint8Array, sha256: string, mediaType: string): Promise<void> {
    return this.objects.putVerified(datasetFileObjectKey(datasetId, fileName), content, sha256, mediaType);
  }

  async get(datasetId: string, fileName: string): Promise<Uint8Array | undefined> {
    const read = await this.objects.contents(datasetFileObjectKey(datasetId, fileName), LARGEST_SERVED_BYTES);
    return read?.content;
  }
}
