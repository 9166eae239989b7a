// Objects uploaded straight to S3 by presigned URL and accepted only when they are what the uploader declared:
// the URL signs the declared SHA-256, which S3 itself checks, and the completion step checks it again by reading
// the object (the local S3 server does not check it). Used by every context that takes files from outside.
import { createHash } from 'node:crypto';
import { DeleteObjectCommand, GetObjectCommand, GetObjectTaggingCommand, NoSuchKey, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { SIGNED_UPLOAD_HEADERS } from './browser-transfers.ts';
import { MALWARE_SCAN_TAG } from '../malware-scan.ts';

export const UPLOAD_WINDOW_SECONDS = 15 * 60;
export const VIEW_WINDOW_SECONDS = 5 * 60;

export interface SignedUpload {
  readonly url: string;
  /** Headers the upload must send as they are: they are part of the signature. */
  readonly headers: Record<string, string>;
}

export interface ChecksummedObjects {
  /** A PUT URL that accepts only content with this SHA-256 (lower-case hex) and content type. */
  uploadUrl(objectKey: string, sha256Hex: string, contentType: string): Promise<SignedUpload>;
  /** Stores content the platform itself holds, with its SHA-256 checked by S3. */
  putVerified(objectKey: string, body: Uint8Array, sha256Hex: string, contentType: string): Promise<void>;
  /** The SHA-256 and size of what was uploaded, or undefined when nothing was. */
  digest(objectKey: string): Promise<{ sha256: string; sizeBytes: number } | undefined>;
  /**
   * The same, with the content itself when it is at most `keepUpToBytes` long (to check what it is): a larger
   * object is hashed as it streams and not held.
   */
  contents(objectKey: string, keepUpToBytes: number): Promise<{ sha256: string; sizeBytes: number; content?: Uint8Array } | undefined>;
  /** The malware scanner's tag on the object (`functions/shared/malware-scan.ts`), or undefined while it has none. */
  scanTag(objectKey: string): Promise<string | undefined>;
  discard(objectKey: string): Promise<void>;
  /** A GET URL valid for VIEW_WINDOW_SECONDS. */
  viewUrl(objectKey: string): Promise<string>;
}

const base64Of = (sha256Hex: string) => Buffer.from(sha256Hex, 'hex').toString('base64');

export function checksummedObjects(s3: S3Client, bucket: string): ChecksummedObjects {
  async function contents(objectKey: string, keepUpToBytes: number): Promise<{ sha256: string; sizeBytes: number; content?: Uint8Array } | undefined> {
    try {
      const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: objectKey }));
      const hash = createHash('sha256');
      const kept: Uint8Array[] = [];
      let sizeBytes = 0;
      for await (const chunk of object.Body as AsyncIterable<Uint8Array>) {
        hash.update(chunk);
        sizeBytes += chunk.length;
        if (sizeBytes <= keepUpToBytes) kept.push(chunk);
      }
      return { sha256: hash.digest('hex'), sizeBytes, ...(sizeBytes <= keepUpToBytes && keepUpToBytes > 0 && { content: Buffer.concat(kept) }) };
    } catch (error) {
      if (error instanceof NoSuchKey) return undefined;
      throw error;
    }
  }

  return {
    async uploadUrl(objectKey, sha256Hex, contentType) {
      const checksum = base64Of(sha256Hex);
      const url = await getSignedUrl(s3, new PutObjectCommand({ Bucket: bucket, Key: objectKey, ContentType: contentType, ChecksumSHA256: checksum }), {
        expiresIn: UPLOAD_WINDOW_SECONDS,
        // The checksum header is signed, so S3 refuses any other content under this URL.
        signableHeaders: new Set(SIGNED_UPLOAD_HEADERS),
      });
      return { url, headers: { 'content-type': contentType, 'x-amz-checksum-sha256': checksum } };
    },

    async putVerified(objectKey, body, sha256Hex, contentType) {
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: objectKey, Body: body, ContentType: contentType, ChecksumSHA256: base64Of(sha256Hex) }));
    },

    async digest(objectKey) {
      const read = await contents(objectKey, 0);
      return read && { sha256: read.sha256, sizeBytes: read.sizeBytes };
    },

    contents,

    async scanTag(objectKey) {
      const { TagSet } = await s3.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: objectKey }));
      return TagSet?.find((tag) => tag.Key === MALWARE_SCAN_TAG)?.Value;
    },

    async discard(objectKey) {
      await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: objectKey }));
    },

    viewUrl(objectKey) {
      return getSignedUrl(s3, new GetObjectCommand({ Bucket: bucket, Key: objectKey }), { expiresIn: VIEW_WINDOW_SECONDS });
    },
  };
}

/** The same objects with each link handed out saying until when it works (`now`: the time source). */
export interface ExpiringChecksummedObjects extends Omit<ChecksummedObjects, 'uploadUrl' | 'viewUrl'> {
  uploadUrl(objectKey: string, sha256Hex: string, contentType: string): Promise<SignedUpload & { readonly expiresAt: string }>;
  viewUrl(objectKey: string): Promise<{ readonly url: string; readonly expiresAt: string }>;
}

export function expiringChecksummedObjects(s3: S3Client, bucket: string, now: () => Date): ExpiringChecksummedObjects {
  const objects = checksummedObjects(s3, bucket);
  const expiresIn = (seconds: number) => new Date(now().getTime() + seconds * 1000).toISOString();
  return {
    ...objects,
    async uploadUrl(objectKey, sha256Hex, contentType) {
      return { ...(await objects.uploadUrl(objectKey, sha256Hex, contentType)), expiresAt: expiresIn(UPLOAD_WINDOW_SECONDS) };
    },
    async viewUrl(objectKey) {
      return { url: await objects.viewUrl(objectKey), expiresAt: expiresIn(VIEW_WINDOW_SECONDS) };
    },
  };
}
