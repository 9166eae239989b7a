// The photos' use cases wired to the complaints table and the photos bucket, for the photo handlers and the public
// Open311 reads alone: the other handlers have neither the bucket in their environment nor the S3 client in their bundle.
import { randomUUID } from 'node:crypto';
import { bucketName } from '../../shared/aws/environment.ts';
import { s3Client } from '../../shared/aws/s3.ts';
import { scannerDeployed } from '../../shared/malware-scan.ts';
import type { PhotosDependencies } from '../application/complaint-photos.use-cases.ts';
import { complaintsDependencies } from './complaints.dependencies.ts';
import { COMPLAINT_PHOTOS_BUCKET_ID } from './complaints-keys.ts';
import { photoStore, publicPhotoLink } from './photos-bucket.ts';

const bucket = bucketName(COMPLAINT_PHOTOS_BUCKET_ID);

export const photosDependencies: PhotosDependencies = {
  repository: complaintsDependencies.repository,
  store: photoStore(s3Client, bucket),
  newPhotoId: () => randomUUID(),
  scannerDeployed: scannerDeployed(process.env),
};

export const publicPhotoLinks = publicPhotoLink(s3Client, bucket);
