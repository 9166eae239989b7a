// The released documents' use cases wired to the transparency table and the released-documents bucket, for the
// handlers that declare, complete and read them: no other handler has the bucket or the S3 client.
import { randomUUID } from 'node:crypto';
import { expiringChecksummedObjects } from '../../shared/aws/checksummed-objects.ts';
import { bucketName } from '../../shared/aws/environment.ts';
import { s3Client } from '../../shared/aws/s3.ts';
import { scannerDeployed } from '../../shared/malware-scan.ts';
import { now } from '../../shared/time/time-source.ts';
import type { ReleasedDocumentsDependencies } from '../application/released-documents.use-cases.ts';
import { releasedDocumentsRepository } from './released-documents-repository.dependencies.ts';
import { releasedDocumentKeys, RELEASED_DOCUMENTS_BUCKET_ID } from './request-delivery-keys.ts';

/** Built by each handler at its import. */
export function releasedDocumentsDependencies(): ReleasedDocumentsDependencies {
  const objects = expiringChecksummedObjects(s3Client, bucketName(RELEASED_DOCUMENTS_BUCKET_ID), now);
  return { repository: releasedDocumentsRepository, store: { objectKey: releasedDocumentKeys.object, ...objects }, newDocumentId: randomUUID, scannerDeployed: scannerDeployed(process.env) };
}
