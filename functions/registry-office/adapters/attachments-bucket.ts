// The attachments bucket through the shared checksummed uploads: the declared SHA-256 signed into the upload URL,
// the object read back on completion, the scanner's tag read before release, short-lived links to read.
import { randomUUID } from 'node:crypto';
import type { S3Client } from '@aws-sdk/client-s3';
import { UPLOAD_WINDOW_SECONDS, VIEW_WINDOW_SECONDS, checksummedObjects } from '../../shared/aws/checksummed-objects.ts';
import { now } from '../../shared/time/time-source.ts';
import type { AttachmentStore } from '../application/attachments.use-cases.ts';
import { attachmentKeys } from './attachments-keys.ts';

const expiresIn = (seconds: number) => new Date(now().getTime() + seconds * 1000).toISOString();

export function attachmentStore(s3: S3Client, bucket: string): AttachmentStore {
  const objects = checksummedObjects(s3, bucket);
  return {
    objectKey: attachmentKeys.object,
    async uploadUrl(objectKey, sha256Hex, contentType) {
      return { ...(await objects.uploadUrl(objectKey, sha256Hex, contentType)), expiresAt: expiresIn(UPLOAD_WINDOW_SECONDS) };
    },
    contents: objects.contents,
    scanTag: objects.scanTag,
    discard: objects.discard,
    async viewUrl(objectKey) {
      return { url: await objects.viewUrl(objectKey), expiresAt: expiresIn(VIEW_WINDOW_SECONDS) };
    },
  };
}

export const newAttachmentId = () => randomUUID();
