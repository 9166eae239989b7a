// Starts one local platform for the e2e layer, on a free port and a fresh data directory, and stops it after.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startPlatformProcess } from './platform-process.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    platformUrl: string;
    /** Where the run lists the access-to-information requesters it filed (test/e2e/requester-identities.ts). */
    requesterIdentitiesFile: string;
  }
}

export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(join(tmpdir(), 'raqmana-e2e-'));
  const platform = await startPlatformProcess({ dataDir, reset: true });
  project.provide('platformUrl', platform.url);
  const identitiesDir = mkdtempSync(join(tmpdir(), 'raqmana-e2e-identities-'));
  project.provide('requesterIdentitiesFile', join(identitiesDir, 'requesters.jsonl'));
  return async () => {
    await platform.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(identitiesDir, { recursive: true, force: true });
  };
}
