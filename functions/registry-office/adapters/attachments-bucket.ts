// The attachments bucket through the shared checksummed uploads: the declared SHA-256 signed into the upload URL,
// the object read back on completion, the scanner's tag read before release, short-lived links to read.
import { randomUUID } from 'node:crypto';
import type { S3Client } from '@aws-sdk/client-s3';
import { expiringChecksummedObjects } from '../../shared/aws/checksummed-objects.ts';
import { now } from '../../shared/time/time-source.ts';
import type { AttachmentStore } from '../application/attachments.use-cases.ts';
import { attachmentKeys } from './attachments-keys.ts';

export function attachmentStore(s3: S3Client, bucket: string): AttachmentStore {
  const objects = expiringChecksummedObjects(s3, bucket, now);
  return {
    objectKey: attachmentKeys.object,
    uploadUrl: objects.uploadUrl,
    contents: objects.contents,
    scanTag: objects.scanTag,
    discard: objects.discard,
    viewUrl: objects.viewUrl,
  };
}

export const newAttachmentId = () => randomUUID();
