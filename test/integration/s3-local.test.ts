import { Readable } from 'node:stream';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { INTEGRATION_BUCKET } from './emulators.global-setup.ts';
import { localS3 } from './local-aws.ts';

describe('the local S3 server', () => {
  it('stores a streamed upload byte for byte', async () => {
    const s3 = localS3();
    const bytes = Buffer.from(Array.from({ length: 200_000 }, (_, index) => index % 251));

    await s3.send(
      new PutObjectCommand({ Bucket: INTEGRATION_BUCKET, Key: 'pages/p-1.bin', Body: Readable.from([bytes]), ContentLength: bytes.length }),
    );
    const stored = await s3.send(new GetObjectCommand({ Bucket: INTEGRATION_BUCKET, Key: 'pages/p-1.bin' }));

    expect(Buffer.from(await stored.Body!.transformToByteArray()).equals(bytes)).toBe(true);
  });
});
