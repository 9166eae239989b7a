// Starts an S3-compatible server in-process (s3rver), with its objects kept on disk when a directory is given.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import S3rver from 's3rver';
import { freePort } from './free-port.ts';

export interface RunningS3 {
  readonly endpoint: string;
  stop(): Promise<void>;
}

export async function startS3Local(options: { directory?: string; buckets: readonly string[] }): Promise<RunningS3> {
  const port = await freePort();
  const directory = options.directory ? resolve(options.directory) : mkdtempSync(join(tmpdir(), 'raqmana-s3-'));
  mkdirSync(directory, { recursive: true });
  const server = new S3rver({
    address: '127.0.0.1',
    port,
    directory,
    silent: true,
    configureBuckets: options.buckets.map((name) => ({ name, configs: [] })),
  });
  await server.run();
  return { endpoint: `http://127.0.0.1:${port}`, stop: () => server.close() };
}
