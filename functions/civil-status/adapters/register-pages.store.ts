// Where scanned register pages live: the write-once bucket (S3 Object Lock in AWS), written through the shared
// checksummed uploads (declared SHA-256 signed into the URL, checked again on completion).
import { randomUUID } from 'node:crypto';
import { bucketName } from '../../shared/aws/environment.ts';
import { checksummedObjects } from '../../shared/aws/checksummed-objects.ts';
import { s3Client as s3 } from '../../shared/aws/s3.ts';
import type { RegisterPagesStore } from '../application/civil-status.ports.ts';
import { REGISTER_PAGES_BUCKET_ID } from './civil-status-keys.ts';

const objects = checksummedObjects(s3, bucketName(REGISTER_PAGES_BUCKET_ID));

export const registerPagesStore: RegisterPagesStore = {
  /** A fresh key per declaration: a re-declared page never reuses the key of an upload that was refused. */
  newObjectKey(registerId: string, page: number): string {
    return `registers/${registerId}/${page}/${randomUUID()}`;
  },

  importedObjectKey(registerId: string, page: number, sha256Hex: string): string {
    return `registers/${registerId}/${page}/imported-${sha256Hex}`;
  },

  putVerified: objects.putVerified,
  uploadUrl: objects.uploadUrl,
  digest: objects.digest,
  discard: objects.discard,
  viewUrl: objects.viewUrl,
};
