// The attachments' use cases wired to the registry-office table and the attachments bucket, for the attachment
// handlers alone: the other handlers have neither the bucket in their environment nor the S3 client in their bundle.
import { bucketName } from '../../shared/aws/environment.ts';
import { s3Client } from '../../shared/aws/s3.ts';
import { scannerDeployed } from '../../shared/malware-scan.ts';
import type { AttachmentsDependencies } from '../application/attachments.use-cases.ts';
import { attachmentStore, newAttachmentId } from './attachments-bucket.ts';
import { LETTER_ATTACHMENTS_BUCKET_ID } from './attachments-keys.ts';
import { attachmentsRepository } from './attachments-repository.dependencies.ts';

export const attachmentsDependencies: AttachmentsDependencies = {
  repository: attachmentsRepository,
  store: attachmentStore(s3Client, bucketName(LETTER_ATTACHMENTS_BUCKET_ID)),
  newAttachmentId,
  scannerDeployed: scannerDeployed(process.env),
};
