// The upload of datasets' files wired to S3, created once per module: the scanned uploads bucket (the declaration
// needs it alone; the completion also writes to the files bucket, wired in its handler).
import { bucketName } from '../../shared/aws/environment.ts';
import { checksummedObjects, UPLOAD_WINDOW_SECONDS } from '../../shared/aws/checksummed-objects.ts';
import { s3Client } from '../../shared/aws/s3.ts';
import { scannerDeployed } from '../../shared/malware-scan.ts';
import type { DatasetFileDeclaring } from '../application/dataset-files.use-cases.ts';
import { openDataDependencies } from './open-data.dependencies.ts';
import { DATASET_UPLOADS_BUCKET_ID } from './open-data-keys.ts';

export const datasetUploadsDependencies: DatasetFileDeclaring = {
  repository: openDataDependencies.repository,
  uploads: { ...checksummedObjects(s3Client, bucketName(DATASET_UPLOADS_BUCKET_ID)), objectKey: (datasetId, fileName) => `uploads/${datasetId}/${fileName}` },
  scannerDeployed: scannerDeployed(process.env),
  uploadWindowSeconds: UPLOAD_WINDOW_SECONDS,
};
