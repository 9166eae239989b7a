// Where applicants upload the documents they were asked for: one presigned PUT URL per declared file, signed
// with its SHA-256, to a key that names the permit; staff read them through short-lived links.
import { bucketName } from '../../shared/aws/environment.ts';
import { UPLOAD_WINDOW_SECONDS, VIEW_WINDOW_SECONDS, checksummedObjects } from '../../shared/aws/checksummed-objects.ts';
import { s3Client } from '../../shared/aws/s3.ts';
import { now } from '../../shared/time/time-source.ts';
import type { S3Client } from '@aws-sdk/client-s3';
import type { PermitDocumentsStore } from '../application/permits.ports.ts';
import { PERMIT_DOCUMENTS_BUCKET_ID } from './permit-keys.ts';

const expiresIn = (seconds: number) => new Date(now().getTime() + seconds * 1000).toISOString();

export function permitDocumentsStore(s3: S3Client, bucket: string): PermitDocumentsStore {
  const objects = checksummedObjects(s3, bucket);
  return {
    objectKey: (permitId, documentId) => `permits/${permitId}/${documentId}`,
    async uploadUrl(objectKey, sha256Hex, contentType) {
      return { ...(await objects.uploadUrl(objectKey, sha256Hex, contentType)), expiresAt: expiresIn(UPLOAD_WINDOW_SECONDS) };
    },
    digest: objects.digest,
    discard: objects.discard,
    async viewUrl(objectKey) {
      return { url: await objects.viewUrl(objectKey), expiresAt: expiresIn(VIEW_WINDOW_SECONDS) };
    },
  };
}

/** Imported by the document handlers alone: the others have neither the bucket nor the S3 client. */
export const documentsBucket = permitDocumentsStore(s3Client, bucketName(PERMIT_DOCUMENTS_BUCKET_ID));
