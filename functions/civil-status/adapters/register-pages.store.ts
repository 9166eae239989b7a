// Where scanned register pages live: the write-once bucket (S3 Object Lock in AWS). Uploads go straight to S3
// by presigned URL carrying the declared SHA-256, which S3 itself checks; the completion step checks it again
// by reading the object, which is also what the local S3 server relies on.
import { createHash, randomUUID } from 'node:crypto';
import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { bucketName } from '../../shared/aws/environment.ts';
import { s3Client as s3 } from '../../shared/aws/s3.ts';
import type { RegisterPagesStore } from '../application/civil-status.ports.ts';
import { REGISTER_PAGES_BUCKET_ID } from './civil-status-keys.ts';

const UPLOAD_WINDOW_SECONDS = 15 * 60;
const VIEW_WINDOW_SECONDS = 5 * 60;

const bucket = bucketName(REGISTER_PAGES_BUCKET_ID);

export const registerPagesStore: RegisterPagesStore = {
  /** A fresh key per declaration: a re-declared page never reuses the key of an upload that was refused. */
  newObjectKey(registerId: string, page: number): string {
    return `registers/${registerId}/${page}/${randomUUID()}`;
  },

  importedObjectKey(registerId: string, page: number, sha256Hex: string): string {
    return `registers/${registerId}/${page}/imported-${sha256Hex}`;
  },

  async putVerified(objectKey: string, body: Uint8Array, sha256Hex: string, contentType: string): Promise<void> {
    await s3.send(
      new PutObjectCommand({ Bucket: bucket, Key: objectKey, Body: body, ContentType: contentType, ChecksumSHA256: Buffer.from(sha256Hex, 'hex').toString('base64') }),
    );
  },

  async uploadUrl(objectKey: string, sha256Hex: string, contentType: string): Promise<{ url: string; headers: Record<string, string> }> {
    const checksum = Buffer.from(sha256Hex, 'hex').toString('base64');
    const url = await getSignedUrl(s3, new PutObjectCommand({ Bucket: bucket, Key: objectKey, ContentType: contentType, ChecksumSHA256: checksum }), {
      expiresIn: UPLOAD_WINDOW_SECONDS,
      // The checksum header is signed, so S3 refuses any other content under this URL.
      signableHeaders: new Set(['content-type', 'x-amz-checksum-sha256']),
    });
    return { url, headers: { 'content-type': contentType, 'x-amz-checksum-sha256': checksum } };
  },

  /** The SHA-256 and size of what was uploaded, or undefined when nothing was. */
  async digest(objectKey: string): Promise<{ sha256: string; sizeBytes: number } | undefined> {
    try {
      const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: objectKey }));
      const hash = createHash('sha256');
      let sizeBytes = 0;
      for await (const chunk of object.Body as AsyncIterable<Uint8Array>) {
        hash.update(chunk);
        sizeBytes += chunk.length;
      }
      return { sha256: hash.digest('hex'), sizeBytes };
    } catch (error) {
      if (error instanceof NoSuchKey) return undefined;
      throw error;
    }
  },

  async discard(objectKey: string): Promise<void> {
    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: objectKey }));
  },

  viewUrl(objectKey: string): Promise<string> {
    return getSignedUrl(s3, new GetObjectCommand({ Bucket: bucket, Key: objectKey }), { expiresIn: VIEW_WINDOW_SECONDS });
  },
};
