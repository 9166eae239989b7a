// The permits dependencies with the documents bucket, for the document handlers alone: the others have neither
// the bucket in their environment nor the S3 client in their bundle.
import { bucketName } from '../../shared/aws/environment.ts';
import { s3Client } from '../../shared/aws/s3.ts';
import type { PermitsWithDocuments } from '../application/change-permit.use-cases.ts';
import { permitDocumentsStore } from './documents-bucket.ts';
import { PERMIT_DOCUMENTS_BUCKET_ID } from './permit-keys.ts';
import { permitsDependencies } from './permits.dependencies.ts';

export const permitsWithDocuments: PermitsWithDocuments = {
  ...permitsDependencies,
  documents: permitDocumentsStore(s3Client, bucketName(PERMIT_DOCUMENTS_BUCKET_ID)),
};
