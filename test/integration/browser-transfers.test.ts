// A browser PUTs a file to a presigned URL only after S3 answers its CORS preflight for that method and the signed
// headers; the local S3 server answers it for the buckets whose description says browsers transfer files, and not
// for the others, from the same rule the CDK stack gives those buckets in AWS.
import { createHash } from 'node:crypto';
import { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_TRANSFER_CORS } from '../../functions/shared/aws/browser-transfers.ts';
import { checksummedObjects } from '../../functions/shared/aws/checksummed-objects.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../lib/local/dynamodb-local.ts';
import { startS3Local, type RunningS3 } from '../../lib/local/s3-local.ts';

let server: RunningS3;
let s3: S3Client;

beforeAll(async () => {
  server = await startS3Local({ buckets: ['uploads', 'internal'], browserTransferBuckets: ['uploads'] });
  s3 = new S3Client({ endpoint: server.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, forcePathStyle: true });
});

afterAll(async () => {
  s3.destroy();
  await server.stop();
});

const ORIGIN = 'https://portail.commune.example.ma';
const content = Buffer.from('%PDF-1.4\n%%EOF\n');
const sha256 = createHash('sha256').update(content).digest('hex');

async function preflight(bucket: string) {
  const upload = await checksummedObjects(s3, bucket).uploadUrl('letters/1/a', sha256, 'application/pdf');
  const answer = await fetch(upload.url, {
    method: 'OPTIONS',
    headers: { origin: ORIGIN, 'access-control-request-method': 'PUT', 'access-control-request-headers': Object.keys(upload.headers).join(',') },
  });
  return { answer, upload };
}

describe('a browser sending a file with a presigned URL', () => {
  it('gets its preflight allowed where the bucket takes browser transfers, then uploads', async () => {
    const { answer, upload } = await preflight('uploads');

    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    const allowedMethods = answer.headers.get('access-control-allow-methods')?.split(/,\s*/) ?? [];
    for (const method of BROWSER_TRANSFER_CORS.methods) expect(allowedMethods).toContain(method);
    const allowedHeaders = answer.headers.get('access-control-allow-headers')?.toLowerCase().split(/,\s*/) ?? [];
    for (const header of Object.keys(upload.headers)) expect(allowedHeaders).toContain(header);

    const put = await fetch(upload.url, { method: 'PUT', headers: { ...upload.headers, origin: ORIGIN }, body: content });
    expect(put.status).toBe(200);
    expect(put.headers.get('access-control-allow-origin')).toBe('*');
    expect(put.headers.get('access-control-expose-headers')?.toLowerCase()).toContain('etag');
  });

  it('is refused the preflight by a bucket only functions use', async () => {
    const { answer } = await preflight('internal');
    expect(answer.status).toBe(403);
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
  });
});
