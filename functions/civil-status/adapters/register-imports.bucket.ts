// The import bucket: register folders uploaded by administrators (index.jsonl and page images), and the numbered
// lines the register-import workflow reads. Not write-once: it is a staging area, not evidence.
import { createHash } from 'node:crypto';
import { GetObjectCommand, NoSuchKey, PutObjectCommand } from '@aws-sdk/client-s3';
import { bucketName } from '../../shared/aws/environment.ts';
import { s3Client as s3 } from '../../shared/aws/s3.ts';
import type { ImportBucket, ImportFolderSource } from '../application/register-import.use-cases.ts';
import { REGISTER_IMPORTS_BUCKET_ID } from './civil-status-keys.ts';

const bucket = bucketName(REGISTER_IMPORTS_BUCKET_ID);

async function readObject(key: string): Promise<Uint8Array | undefined> {
  try {
    const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return await object.Body!.transformToByteArray();
  } catch (error) {
    if (error instanceof NoSuchKey) return undefined;
    throw error;
  }
}

export const registerImportsBucket: ImportBucket & ImportFolderSource = {
  async read(key: string) {
    const bytes = await readObject(key);
    return bytes && { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
  },

  async readLines(key: string) {
    const bytes = await readObject(key);
    // A final newline ends the last line; it does not start another.
    return bytes && Buffer.from(bytes).toString('utf8').replace(/\r?\n$/, '').split(/\r?\n/);
  },

  async write(key: string, text: string) {
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: text, ContentType: 'application/jsonl' }));
  },
};
