// Where applicants upload the documents they were asked for: one presigned PUT URL per declared file, signed
// with its SHA-256, to a key that names the permit; staff read them through short-lived links.
import { UPLOAD_WINDOW_SECONDS, VIEW_WINDOW_SECONDS, checksummedObjects } from '../../shared/aws/checksummed-objects.ts';
import { scannerDeployed, scanVerdict } from '../../shared/malware-scan.ts';
import { now } from '../../shared/time/time-source.ts';
import type { S3Client } from '@aws-sdk/client-s3';
import type { PermitDocumentsStore } from '../application/permits.ports.ts';

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
    async scanVerdict(objectKey) {
      return scanVerdict(await objects.scanTag(objectKey), scannerDeployed(process.env));
    },
  };
}
