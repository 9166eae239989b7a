// The bucket of issued PDFs, for the routes that store, serve or discard them.
import { bucketName } from '../../shared/aws/environment.ts';
import { s3Client } from '../../shared/aws/s3.ts';
import { ISSUED_DOCUMENTS_BUCKET_ID } from './documents-keys.ts';
import { s3DocumentFiles } from './s3-document-files.ts';

export const issuedFiles = s3DocumentFiles(s3Client, bucketName(ISSUED_DOCUMENTS_BUCKET_ID));
