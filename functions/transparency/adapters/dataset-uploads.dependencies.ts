// The upload of datasets' files wired to S3, created once per module: the scanned uploads bucket, the files bucket.
import { bucketName } from '../../shared/aws/environment.ts';
import { checksummedObjects, UPLOAD_WINDOW_SECONDS } from '../../shared/aws/checksummed-objects.ts';
import { s3Client } from '../../shared/aws/s3.ts';
import { scannerDeployed } from '../../shared/malware-scan.ts';
import type { DatasetFileUploading } from '../application/dataset-files.use-cases.ts';
import { S3DatasetFiles } from './s3-dataset-files.ts';
import { transparencyDependencies } from './transparency.dependencies.ts';
import { DATASET_FILES_BUCKET_ID, DATASET_UPLOADS_BUCKET_ID } from './transparency-keys.ts';

export const datasetUploadsDependencies: DatasetFileUploading = {
  repository: transparencyDependencies.repository,
  uploads: { ...checksummedObjects(s3Client, bucketName(DATASET_UPLOADS_BUCKET_ID)), objectKey: (datasetId, fileName) => `uploads/${datasetId}/${fileName}` },
  files: new S3DatasetFiles(s3Client, bucketName(DATASET_FILES_BUCKET_ID)),
  scannerDeployed: scannerDeployed(process.env),
  uploadWindowSeconds: UPLOAD_WINDOW_SECONDS,
};
