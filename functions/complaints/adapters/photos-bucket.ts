// The complaint photos bucket through the shared checksummed uploads: the declared SHA-256 signed into the upload
// URL, the upload read back on completion, its copy without metadata stored with its SHA-256 checked, the scanner's
// tag read before release, short-lived links to read.
import type { S3Client } from '@aws-sdk/client-s3';
import { UPLOAD_WINDOW_SECONDS, VIEW_WINDOW_SECONDS, checksummedObjects } from '../../shared/aws/checksummed-objects.ts';
import { now } from '../../shared/time/time-source.ts';
import type { PhotoStore } from '../application/complaint-photos.use-cases.ts';
import type { PublicPhotoLink } from '../application/open311.use-cases.ts';
import { photoObjectKey } from './complaints-keys.ts';

const expiresIn = (seconds: number) => new Date(now().getTime() + seconds * 1000).toISOString();

export function photoStore(s3: S3Client, bucket: string): PhotoStore {
  const objects = checksummedObjects(s3, bucket);
  return {
    objectKey: photoObjectKey,
    async uploadUrl(objectKey, sha256Hex, contentType) {
      return { ...(await objects.uploadUrl(objectKey, sha256Hex, contentType)), expiresAt: expiresIn(UPLOAD_WINDOW_SECONDS) };
    },
    contents: objects.contents,
    putVerified: objects.putVerified,
    scanTag: objects.scanTag,
    discard: objects.discard,
    async viewUrl(objectKey) {
      return { url: await objects.viewUrl(objectKey), expiresAt: expiresIn(VIEW_WINDOW_SECONDS) };
    },
  };
}

/** The public's link to a released photo: always its copy without metadata, never the photo as taken. */
export function publicPhotoLink(s3: S3Client, bucket: string): PublicPhotoLink {
  const objects = checksummedObjects(s3, bucket);
  return (complaintId, photoId) => objects.viewUrl(photoObjectKey(complaintId, photoId, 'public'));
}
