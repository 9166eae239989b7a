// The register-import workflow (the real ASL file) on the local runner: Prepare, the Distributed Map over the
// numbered lines in batches of 25 with the import's id and folder, then Finish; a failure ends in Finish too.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { civilStatusService } from '../../functions/civil-status/civil-status.service.ts';
import type { ImportBatchEvent } from '../../functions/civil-status/handlers/import-batch.handler.ts';
import type { FinishImportEvent } from '../../functions/civil-status/handlers/finish-import.handler.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../lib/local/dynamodb-local.ts';
import { LocalWorkflows, type LocalFunctionHandler } from '../../lib/local/local-workflows.ts';
import { startS3Local, type RunningS3 } from '../../lib/local/s3-local.ts';
import { VirtualClock } from '../../lib/local/virtual-clock.ts';

const BUCKET = 'raqmana-register-imports';

class RegisterIndexMissingError extends Error {
  override name = 'RegisterIndexMissingError';
}

const clock = new VirtualClock(new Date('2026-12-01T09:00:00Z'));
let s3Server: RunningS3;
let s3: S3Client;
let workflows: LocalWorkflows;
const batches: ImportBatchEvent[] = [];
const finishes: FinishImportEvent[] = [];
let prepare: LocalFunctionHandler;

const functions: Record<string, LocalFunctionHandler> = {
  PrepareRegisterImport: (event, context) => prepare(event, context),
  ImportRegisterBatch: async (event: ImportBatchEvent) => {
    batches.push(event);
    return { lines: event.Items.length, badLines: 0 };
  },
  FinishRegisterImport: async (event: FinishImportEvent) => {
    finishes.push(event);
    return { importId: event.importId, status: event.failure ? 'failed' : 'succeeded', complete: !event.failure };
  },
};

beforeAll(async () => {
  s3Server = await startS3Local({ buckets: [BUCKET] });
  s3 = new S3Client({ endpoint: s3Server.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, forcePathStyle: true });
  workflows = new LocalWorkflows(
    {
      clock,
      resolveFunction: (functionId) => functions[functionId]!,
      dynamodb: new DynamoDBClient({ region: LOCAL_REGION }),
      tableName: (id) => id,
      s3: { client: s3, bucketName: (bucketId) => `raqmana-${bucketId}` },
    },
    (civilStatusService.stateMachines ?? []).filter((machine) => machine.id === 'register-import'),
  );
});

afterAll(async () => {
  await workflows.stop();
  s3.destroy();
  await s3Server.stop();
  clock.dispose();
});

async function runImport(importId: string) {
  const { executionArn } = workflows.startExecution({ stateMachineId: 'register-import', name: `import-${importId}`, input: { importId, folder: 'FES-AGDAL/R-7' } });
  await clock.settled();
  return workflows.describeExecution(executionArn);
}

describe('the register-import workflow', () => {
  it('hands the numbered lines to the batch function 25 at a time with the import, then finishes with the line count', async () => {
    prepare = async (event: { importId: string }) => {
      const linesKey = `imports/${event.importId}/lines.jsonl`;
      const lines = Array.from({ length: 60 }, (_, index) => JSON.stringify({ line: index + 1, text: `act ${index + 1}` }));
      await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: linesKey, Body: lines.join('\n') }));
      return { linesKey, linesTotal: 60 };
    };

    const execution = await runImport('i-1');

    expect(execution).toMatchObject({ status: 'SUCCEEDED', output: { importId: 'i-1', status: 'succeeded', complete: true } });
    expect(batches.map((batch) => batch.Items.length).sort()).toEqual([10, 25, 25]);
    expect(batches[0]?.BatchInput).toEqual({ importId: 'i-1', folder: 'FES-AGDAL/R-7' });
    expect(batches.flatMap((batch) => batch.Items.map((item) => item.line)).sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, index) => index + 1));
    expect(finishes.at(-1)).toMatchObject({ importId: 'i-1', prepared: { linesTotal: 60 } });
    expect(finishes.at(-1)).not.toHaveProperty('failure');
  });

  it('ends a folder without an index in Finish, with the failure', async () => {
    prepare = async () => {
      throw new RegisterIndexMissingError('The folder has no index.jsonl');
    };

    const execution = await runImport('i-2');

    expect(execution).toMatchObject({ status: 'SUCCEEDED', output: { status: 'failed' } });
    expect(finishes.at(-1)).toMatchObject({ importId: 'i-2', failure: { Error: 'RegisterIndexMissingError' } });
  });
});
