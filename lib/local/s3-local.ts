// Starts an S3-compatible server in-process (s3rver), with its objects kept on disk when a directory is given.
// There is no malware scanner here: every new object of a bucket that AWS scans gets the scanner's tag with the value
// `NOT_SCANNED_LOCALLY`, which releases it only where the deployment says it has no scanner.
import { PutObjectTaggingCommand, S3Client } from '@aws-sdk/client-s3';
import type { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import S3rver from 's3rver';
import { BROWSER_TRANSFER_CORS } from '../../functions/shared/aws/browser-transfers.ts';
import { MALWARE_SCAN_TAG, NOT_SCANNED_LOCALLY } from '../../functions/shared/malware-scan.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './dynamodb-local.ts';
import { freePort } from './free-port.ts';

export interface RunningS3 {
  readonly endpoint: string;
  stop(): Promise<void>;
}

export interface S3LocalOptions {
  readonly directory?: string;
  readonly buckets: readonly string[];
  /** Buckets whose new objects are tagged as a malware scanner would, with `NOT_SCANNED_LOCALLY`. */
  readonly scannedBuckets?: readonly string[];
  /** Buckets browsers upload to and fetch from with presigned URLs: they answer CORS preflights, as in AWS. */
  readonly browserTransferBuckets?: readonly string[];
}

/** The bucket CORS rule, in the XML of S3's PutBucketCors, which s3rver reads at start. */
const browserTransferCorsXml = () =>
  [
    '<CORSConfiguration><CORSRule>',
    ...BROWSER_TRANSFER_CORS.origins.map((origin) => `<AllowedOrigin>${origin}</AllowedOrigin>`),
    ...BROWSER_TRANSFER_CORS.methods.map((method) => `<AllowedMethod>${method}</AllowedMethod>`),
    ...BROWSER_TRANSFER_CORS.headers.map((header) => `<AllowedHeader>${header}</AllowedHeader>`),
    ...BROWSER_TRANSFER_CORS.exposedHeaders.map((header) => `<ExposeHeader>${header}</ExposeHeader>`),
    `<MaxAgeSeconds>${BROWSER_TRANSFER_CORS.maxAgeSeconds}</MaxAgeSeconds>`,
    '</CORSRule></CORSConfiguration>',
  ].join('');

/** s3rver's notification of a stored object (the shape of an S3 event notification). */
interface ObjectEvent {
  readonly Records: readonly { readonly eventName: string; readonly s3: { readonly bucket: { readonly name: string }; readonly object: { readonly key: string } } }[];
}

export async function startS3Local(options: S3LocalOptions): Promise<RunningS3> {
  const port = await freePort();
  const directory = options.directory ? resolve(options.directory) : mkdtempSync(join(tmpdir(), 'raqmana-s3-'));
  mkdirSync(directory, { recursive: true });
  const browserBuckets = new Set(options.browserTransferBuckets ?? []);
  const server = new S3rver({
    address: '127.0.0.1',
    port,
    directory,
    silent: true,
    configureBuckets: options.buckets.map((name) => ({ name, configs: browserBuckets.has(name) ? [browserTransferCorsXml()] : [] })),
  });
  await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const scanned = new Set(options.scannedBuckets ?? []);
  if (scanned.size === 0) return { endpoint, stop: () => server.close() };

  const client = new S3Client({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, forcePathStyle: true });
  const tagging = new Set<Promise<unknown>>();
  // s3rver is a Koa application, an EventEmitter, though its type declarations leave that out.
  (server as unknown as EventEmitter).on('event', (event: ObjectEvent) => {
    for (const record of event.Records) {
      if (!record.eventName.startsWith('ObjectCreated:') || !scanned.has(record.s3.bucket.name)) continue;
      const tagged = client
        .send(
          new PutObjectTaggingCommand({
            Bucket: record.s3.bucket.name,
            Key: record.s3.object.key,
            Tagging: { TagSet: [{ Key: MALWARE_SCAN_TAG, Value: NOT_SCANNED_LOCALLY }] },
          }),
        )
        // An object removed at once (a refused upload) has nothing left to tag.
        .catch(() => undefined)
        .finally(() => tagging.delete(tagged));
      tagging.add(tagged);
    }
  });
  return {
    endpoint,
    stop: async () => {
      await Promise.all(tagging);
      client.destroy();
      await server.close();
    },
  };
}
