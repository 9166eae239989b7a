// The local S3 server stands in for a malware scanner as the local platform needs: every new object of a scanned
// bucket gets the scanner's tag, "not scanned", and no other bucket's does; the shared checksummed uploads read that
// tag and an upload's content back (the content only when it is small enough to hold).
import { createHash } from 'node:crypto';
import { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checksummedObjects } from '../../functions/shared/aws/checksummed-objects.ts';
import { NOT_SCANNED_LOCALLY } from '../../functions/shared/malware-scan.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../lib/local/dynamodb-local.ts';
import { startS3Local, type RunningS3 } from '../../lib/local/s3-local.ts';

let server: RunningS3;
let s3: S3Client;

beforeAll(async () => {
  server = await startS3Local({ buckets: ['scanned', 'plain'], scannedBuckets: ['scanned'] });
  s3 = new S3Client({ endpoint: server.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' });
});

afterAll(async () => {
  s3.destroy();
  await server.stop();
});

const content = Buffer.from('%PDF-1.4\n%%EOF\n');
const sha256 = createHash('sha256').update(content).digest('hex');

async function uploaded(bucket: string, key: string) {
  const objects = checksummedObjects(s3, bucket);
  const upload = await objects.uploadUrl(key, sha256, 'application/pdf');
  const put = await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: content });
  expect(put.status).toBe(200);
  return objects;
}

/** The tag is put a moment after the object is stored, as a scanner's would be. */
async function tagOnceSet(objects: ReturnType<typeof checksummedObjects>, key: string): Promise<string | undefined> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const tag = await objects.scanTag(key);
    if (tag !== undefined) return tag;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return undefined;
}

describe('uploads to a scanned bucket on the local S3 server', () => {
  it('are tagged "not scanned", and read back with their content', async () => {
    const objects = await uploaded('scanned', 'letters/1/a');

    expect(await tagOnceSet(objects, 'letters/1/a')).toBe(NOT_SCANNED_LOCALLY);
    const held = await objects.contents('letters/1/a', content.length);
    expect(held).toMatchObject({ sha256, sizeBytes: content.length });
    expect(Buffer.from(held!.content!).equals(content)).toBe(true);
    expect((await objects.contents('letters/1/a', content.length - 1))?.content).toBeUndefined();
    expect(await objects.contents('letters/1/missing', 100)).toBeUndefined();
  });

  it('of another bucket stay untagged', async () => {
    const objects = await uploaded('plain', 'pages/1');
    // The scanned bucket's tagging of a later upload has had time to happen: this bucket's never comes.
    await tagOnceSet(await uploaded('scanned', 'letters/2/b'), 'letters/2/b');

    expect(await objects.scanTag('pages/1')).toBeUndefined();
  });
});
