// The attachments' use cases wired to the registry-office table and the attachments bucket, for the attachment
// handlers alone: the other handlers have neither the bucket in their environment nor the S3 client in their bundle.
import { bucketName, tableName } from '../../shared/aws/environment.ts';
import { dynamodb } from '../../shared/aws/dynamodb.ts';
import { s3Client } from '../../shared/aws/s3.ts';
import { scannerDeployed } from '../../shared/malware-scan.ts';
import type { AttachmentsDependencies } from '../application/attachments.use-cases.ts';
import { attachmentStore, newAttachmentId } from './attachments-bucket.ts';
import { LETTER_ATTACHMENTS_BUCKET_ID } from './attachments-keys.ts';
import { DynamoDbAttachmentsRepository } from './dynamodb-attachments.repository.ts';
import { REGISTRY_OFFICE_TABLE_ID } from './registry-office-keys.ts';

export const attachmentsDependencies: AttachmentsDependencies = {
  // Reading and changing a letter touch no reference data: these functions are not granted its table.
  repository: new DynamoDbAttachmentsRepository(dynamodb, tableName(REGISTRY_OFFICE_TABLE_ID), ''),
  store: attachmentStore(s3Client, bucketName(LETTER_ATTACHMENTS_BUCKET_ID)),
  newAttachmentId,
  scannerDeployed: scannerDeployed(process.env),
};
