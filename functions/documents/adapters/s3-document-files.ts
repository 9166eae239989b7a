// Issued PDFs in their bucket, under the document number; served through the download route, never public.
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { DocumentFiles } from '../application/documents.ports.ts';

export function s3DocumentFiles(s3: S3Client, bucket: string): DocumentFiles {
  return {
    async put(objectKey, pdf) {
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: objectKey, Body: pdf, ContentType: 'application/pdf' }));
    },
    async get(objectKey) {
      const output = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: objectKey }));
      if (!output.Body) throw new Error(`Document ${objectKey} has no content`);
      return output.Body.transformToByteArray();
    },
    async discard(objectKey) {
      await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: objectKey }));
    },
  };
}
