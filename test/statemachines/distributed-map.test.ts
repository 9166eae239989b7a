// Distributed Map states on the local runner: items read from a JSONL object in the local S3 server, batched as
// ItemBatcher does, child runs at most MaxConcurrency at once, ToleratedFailurePercentage, and what is refused.
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { StateMachineDescription } from '../../functions/shared/service-description.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../lib/local/dynamodb-local.ts';
import { LocalWorkflows, type LocalFunctionHandler } from '../../lib/local/local-workflows.ts';
import { startS3Local, type RunningS3 } from '../../lib/local/s3-local.ts';
import { VirtualClock } from '../../lib/local/virtual-clock.ts';

const FIXTURES = 'test/fixtures/statemachines';
const BUCKET = 'raqmana-items';

const batchesMachine: StateMachineDescription = {
  id: 'distributed-batches',
  definitionFile: `${FIXTURES}/distributed-batches.asl.json`,
  substitutions: { ProcessBatchFunction: { functionId: 'ProcessBatch' }, ItemsBucket: { bucketId: 'items', readsPrefix: '' } },
};

class BatchRejected extends Error {
  override name = 'BatchRejected';
}

const clock = new VirtualClock(new Date('2026-03-02T08:00:00.000Z'));
let s3Server: RunningS3;
let s3: S3Client;
let workflows: LocalWorkflows;
let processBatch: LocalFunctionHandler;
let running = 0;
let mostRunning = 0;

function createWorkflows(stateMachines: readonly StateMachineDescription[]): LocalWorkflows {
  return new LocalWorkflows(
    {
      clock,
      resolveFunction: () => async (event, context) => {
        running += 1;
        mostRunning = Math.max(mostRunning, running);
        try {
          return await processBatch(event, context);
        } finally {
          running -= 1;
        }
      },
      dynamodb: new DynamoDBClient({ region: LOCAL_REGION }),
      tableName: (tableId) => tableId,
      s3: { client: s3, bucketName: (bucketId) => `raqmana-${bucketId}` },
    },
    stateMachines,
  );
}

async function putLines(key: string, lines: readonly string[]): Promise<void> {
  await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: lines.join('\n') }));
}

async function run(input: Record<string, unknown>) {
  const { executionArn } = workflows.startExecution({ stateMachineId: 'distributed-batches', input });
  await clock.settled();
  return workflows.describeExecution(executionArn);
}

beforeAll(async () => {
  s3Server = await startS3Local({ buckets: [BUCKET] });
  s3 = new S3Client({ endpoint: s3Server.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, forcePathStyle: true });
  workflows = createWorkflows([batchesMachine]);
});

beforeEach(() => {
  running = 0;
  mostRunning = 0;
});

afterEach(async () => {
  await workflows.stop();
});

afterAll(async () => {
  s3.destroy();
  await s3Server.stop();
  clock.dispose();
});

describe('a Distributed Map with an S3 JSONL ItemReader and an ItemBatcher', () => {
  it('gives each child run a batch {Items, BatchInput}, in order, one line one item, one child at a time', async () => {
    processBatch = async (batch: { Items: { n: number }[]; BatchInput: { requestId: string } }) => ({ sum: batch.Items.reduce((total, item) => total + item.n, 0), requestId: batch.BatchInput.requestId });
    await putLines('numbers.jsonl', ['{"n": 1}', '{"n": 2}', '{"n": 3}', '', '{"n": 4}', '{"n": 5}']);

    const execution = await run({ key: 'numbers.jsonl', requestId: 'R-1' });

    expect(execution.status).toBe('SUCCEEDED');
    expect(execution.output).toEqual({
      key: 'numbers.jsonl',
      requestId: 'R-1',
      batches: [
        { sum: 3, requestId: 'R-1' },
        { sum: 7, requestId: 'R-1' },
        { sum: 5, requestId: 'R-1' },
      ],
    });
    expect(mostRunning).toBe(1);
  });

  it('tolerates failed children up to ToleratedFailurePercentage, reporting each failure as {Error, Cause}', async () => {
    processBatch = async (batch: { Items: { n: number }[] }) => {
      if (batch.Items.some((item) => item.n === 3)) throw new BatchRejected('three is not welcome');
      return { ok: true };
    };
    await putLines('tolerated.jsonl', ['{"n": 1}', '{"n": 2}', '{"n": 3}', '{"n": 4}']);

    const execution = await run({ key: 'tolerated.jsonl', requestId: 'R-2' });

    expect(execution.status).toBe('SUCCEEDED');
    const { batches } = execution.output as { batches: [unknown, { Error: string; Cause: string }] };
    expect(batches[0]).toEqual({ ok: true });
    expect(batches[1].Error).toBe('BatchRejected');
  });

  it('fails with States.ExceedToleratedFailureThreshold beyond it, which Catch sees', async () => {
    processBatch = async () => {
      throw new BatchRejected('no batch is welcome');
    };
    await putLines('failing.jsonl', ['{"n": 1}', '{"n": 2}', '{"n": 3}']);

    const execution = await run({ key: 'failing.jsonl', requestId: 'R-3' });

    expect(execution.output).toMatchObject({ failure: { Error: 'States.ExceedToleratedFailureThreshold' } });
  });

  it('fails with States.ItemReaderFailed on a line that is not JSON, as the JSONL reader does', async () => {
    processBatch = async () => ({ ok: true });
    await putLines('broken.jsonl', ['{"n": 1}', '{"n": ']);

    const execution = await run({ key: 'broken.jsonl', requestId: 'R-4' });

    expect(execution.output).toMatchObject({ failure: { Error: 'States.ItemReaderFailed', Cause: expect.stringContaining('Line 2') } });
  });

  it('fails with States.ItemReaderFailed when the object does not exist', async () => {
    const execution = await run({ key: 'missing.jsonl', requestId: 'R-5' });

    expect(execution.output).toMatchObject({ failure: { Error: 'States.ItemReaderFailed' } });
  });
});

describe('registering a Distributed Map', () => {
  it('refuses an input type the local reader does not read', () => {
    expect(() =>
      createWorkflows([{ id: 'rows', definitionFile: `${FIXTURES}/distributed-csv.asl.json`, substitutions: { ItemsBucket: { bucketId: 'items', readsPrefix: '' } } }]),
    ).toThrow(/state "Rows" is a Distributed Map with ReaderConfig .*CSV.*, which is not supported locally/);
  });

  it('refuses an ItemSelector, which it does not apply', () => {
    expect(() =>
      createWorkflows([{ ...batchesMachine, id: 'selected', definitionFile: `${FIXTURES}/distributed-item-selector.asl.json` }]),
    ).toThrow(/state "Batches" is a Distributed Map with ItemSelector, which is not supported locally/);
  });
});
