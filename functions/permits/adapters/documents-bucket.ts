// Where applicants upload the documents they were asked for: one presigned PUT URL per file, to a key that
// names the permit, so an upload can never land on another file.
import { randomUUID } from 'node:crypto';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { bucketName } from '../../shared/aws/environment.ts';
import { s3Client as s3 } from '../../shared/aws/s3.ts';
import { PERMIT_DOCUMENTS_BUCKET_ID } from './permit-keys.ts';

const UPLOAD_WINDOW_SECONDS = 15 * 60;

const bucket = bucketName(PERMIT_DOCUMENTS_BUCKET_ID);

export interface PlannedUpload {
  readonly name: string;
  readonly objectKey: string;
  readonly url: string;
  readonly expiresAt: string;
}

export async function planUploads(permitId: string, files: readonly { name: string; contentType: string }[], now: Date): Promise<PlannedUpload[]> {
  const expiresAt = new Date(now.getTime() + UPLOAD_WINDOW_SECONDS * 1000).toISOString();
  return Promise.all(
    files.map(async (file) => {
      const objectKey = `permits/${permitId}/${randomUUID()}`;
      const url = await getSignedUrl(s3, new PutObjectCommand({ Bucket: bucket, Key: objectKey, ContentType: file.contentType }), {
        expiresIn: UPLOAD_WINDOW_SECONDS,
      });
      return { name: file.name, objectKey, url, expiresAt };
    }),
  );
}
