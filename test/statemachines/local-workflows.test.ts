// The local Step Functions service on fixture ASL files: virtual-time Waits, Lambda and DynamoDB tasks,
// Retry and Catch, execution names, timeouts, and what registration refuses.
import { setTimeout as delay } from 'node:timers/promises';
import {
  ConditionalCheckFailedException,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { StateMachineDescription } from '../../functions/shared/service-description.ts';
import {
  LocalWorkflows,
  localFunctionArn,
  type LocalFunctionHandler,
  type StartExecutionRequest,
} from '../../lib/local/local-workflows.ts';
import { VirtualClock } from '../../lib/local/virtual-clock.ts';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Wall time keeps flowing while work runs, so "at an instant" means within a few real milliseconds of it. */
const WALL_TOLERANCE_MS = 250;

const FIXTURES = 'test/fixtures/statemachines';

const STATE_MACHINES: StateMachineDescription[] = [
  {
    id: 'deadline-reminders',
    definitionFile: `${FIXTURES}/deadline-reminders.asl.json`,
    substitutions: { SendReminderFunction: { functionId: 'SendReminder' } },
  },
  {
    id: 'hourly-check',
    definitionFile: `${FIXTURES}/hourly-check.asl.json`,
    substitutions: { CheckPermitFunction: { functionId: 'CheckPermit' } },
  },
  {
    id: 'staggered-notices',
    definitionFile: `${FIXTURES}/staggered-notices.asl.json`,
    substitutions: { SendNoticeFunction: { functionId: 'SendNotice' } },
  },
  {
    id: 'record-request',
    definitionFile: `${FIXTURES}/record-request.asl.json`,
    substitutions: { RequestsTable: { tableId: 'requests' } },
  },
  {
    id: 'review-permit',
    definitionFile: `${FIXTURES}/review-permit.asl.json`,
    substitutions: { ReviewPermitFunction: { functionId: 'ReviewPermit' } },
  },
  { id: 'long-timeout', definitionFile: `${FIXTURES}/long-timeout.asl.json` },
];

class RegistryUnavailable extends Error {
  override name = 'RegistryUnavailable';
}

class PermitRejected extends Error {
  override name = 'PermitRejected';
}

interface Call {
  readonly functionId: string;
  readonly event: unknown;
  readonly at: Date;
  readonly functionName: string;
}

const dynamodbMock = mockClient(DynamoDBClient);

// Registering validates every definition, which takes a while: the tests share one clock and one service,
// and measure time from where the clock stands when each test begins.
const clock = new VirtualClock(new Date('2026-03-02T08:00:00.000Z'));
let workflows: LocalWorkflows;
let testStart: Date;
let calls: Call[];
let handlers: Record<string, LocalFunctionHandler>;

function createWorkflows(stateMachines: readonly StateMachineDescription[]): LocalWorkflows {
  return new LocalWorkflows(
    {
      clock,
      resolveFunction: (functionId) => {
        const handler = handlers[functionId];
        if (!handler) throw new Error(`No handler for ${functionId}`);
        return async (event, context) => {
          calls.push({ functionId, event, at: clock.now(), functionName: context.functionName });
          return handler(event, context);
        };
      },
      dynamodb: new DynamoDBClient({ region: 'us-east-1' }),
      tableName: (tableId) => `raqmana-local-${tableId}`,
    },
    stateMachines,
  );
}

function start(request: StartExecutionRequest): string {
  return workflows.startExecution(request).executionArn;
}

function after(instant: Date, milliseconds: number): Date {
  return new Date(instant.getTime() + milliseconds);
}

function startDateOf(executionArn: string): Date {
  return workflows.describeExecution(executionArn).startDate;
}

function expectNear(actual: Date | undefined, expected: Date): void {
  const driftMs = (actual?.getTime() ?? Number.NaN) - expected.getTime();
  expect(driftMs).toBeGreaterThanOrEqual(0);
  expect(driftMs).toBeLessThan(WALL_TOLERANCE_MS);
}

beforeAll(() => {
  workflows = createWorkflows(STATE_MACHINES);
});

beforeEach(() => {
  testStart = clock.now();
  calls = [];
  handlers = {};
});

afterEach(async () => {
  await workflows.stop();
  dynamodbMock.reset();
});

afterAll(() => {
  clock.dispose();
});

describe('Wait states on the virtual clock', () => {
  it('runs a TimestampPath Wait, lambda:invoke and Choice loop at the virtual instant of each deadline', async () => {
    handlers.SendReminder = async (event: { deadline: string; remaining: number }) => ({
      nextDeadline: new Date(Date.parse(event.deadline) + 5 * DAY_MS).toISOString(),
      remaining: event.remaining - 1,
    });
    const firstDeadline = after(testStart, 5 * DAY_MS);
    const executionArn = start({
      stateMachineId: 'deadline-reminders',
      name: 'permit-42-reminders',
      input: { deadline: firstDeadline.toISOString(), remaining: 3 },
    });

    await clock.advance('P16D');

    expect(calls.map((call) => call.functionId)).toEqual(['SendReminder', 'SendReminder', 'SendReminder']);
    expectNear(calls[0]?.at, firstDeadline);
    expectNear(calls[1]?.at, after(firstDeadline, 5 * DAY_MS));
    expectNear(calls[2]?.at, after(firstDeadline, 10 * DAY_MS));
    expect(calls[0]?.event).toEqual({ deadline: firstDeadline.toISOString(), remaining: 3 });
    expect(calls[0]?.functionName).toBe('SendReminder');

    const execution = workflows.describeExecution(executionArn);
    expect(execution.status).toBe('SUCCEEDED');
    expect(execution.output).toEqual({ deadline: after(firstDeadline, 15 * DAY_MS).toISOString(), remaining: 0 });
    expectNear(execution.startDate, testStart);
    expectNear(execution.stopDate, after(firstDeadline, 10 * DAY_MS));
    // Wait, Task and Choice three times over, then Succeed.
    expect(execution.stateTransitions).toBe(10);
  });

  it('waits Seconds in virtual time, keeping the InputPath and OutputPath of the Wait', async () => {
    handlers.CheckPermit = async (permit: { id: string }) => ({ checked: permit.id });
    const executionArn = start({
      stateMachineId: 'hourly-check',
      input: { request: { permit: { id: 'P-7' }, applicant: 'A-1' } },
    });

    await clock.advance('PT59M');
    expect(calls).toEqual([]);
    expect(workflows.describeExecution(executionArn).status).toBe('RUNNING');

    await clock.advance('PT1M');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.event).toEqual({ id: 'P-7' });
    expectNear(calls[0]?.at, after(startDateOf(executionArn), HOUR_MS));
    expect(workflows.describeExecution(executionArn)).toMatchObject({
      status: 'SUCCEEDED',
      output: { checked: 'P-7' },
      stateTransitions: 2,
    });
  });

  it('runs Waits inside Map iterations, each at its own instant, while a busy iteration holds the jump', async () => {
    handlers.SendNotice = async (notice: { to: string; delaySeconds: number }) => {
      await delay(50);
      return { sent: notice.to, at: clock.now().toISOString() };
    };
    const executionArn = start({
      stateMachineId: 'staggered-notices',
      input: {
        notices: [
          { to: 'mayor', delaySeconds: 120 },
          { to: 'applicant', delaySeconds: 60 },
        ],
      },
    });

    await clock.advance('PT5M');

    expect(calls.map((call) => (call.event as { to: string }).to)).toEqual(['applicant', 'mayor']);
    expectNear(calls[0]?.at, after(startDateOf(executionArn), 60_000));
    expectNear(calls[1]?.at, after(startDateOf(executionArn), 120_000));
    const execution = workflows.describeExecution(executionArn);
    expect(execution.status).toBe('SUCCEEDED');
    expect(execution.output).toMatchObject([{ sent: 'mayor' }, { sent: 'applicant' }]);
    // The Map, then Wait and Task in each of the two iterations.
    expect(execution.stateTransitions).toBe(5);
  });

  it('times an execution out on the virtual clock, even beyond the range of a real timer', async () => {
    const executionArn = start({ stateMachineId: 'long-timeout' });

    await clock.advance('P30D');
    expect(workflows.describeExecution(executionArn).status).toBe('RUNNING');

    await clock.advance('P31D');
    const execution = workflows.describeExecution(executionArn);
    expect(execution).toMatchObject({ status: 'TIMED_OUT', error: 'States.Timeout' });
    expectNear(execution.stopDate, after(execution.startDate, 60 * DAY_MS));
  });
});

describe('DynamoDB tasks', () => {
  it('puts then gets an item with the substituted table name, returning the SDK output', async () => {
    dynamodbMock.on(PutItemCommand).resolves({});
    dynamodbMock
      .on(GetItemCommand)
      .resolves({ Item: { pk: { S: 'R-1' }, status: { S: 'RECEIVED' } }, $metadata: { httpStatusCode: 200 } });

    const executionArn = start({ stateMachineId: 'record-request', input: { requestId: 'R-1' } });
    await clock.settled();

    expect(dynamodbMock.commandCalls(PutItemCommand)[0]?.args[0].input).toEqual({
      TableName: 'raqmana-local-requests',
      Item: { pk: { S: 'R-1' }, status: { S: 'RECEIVED' } },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
    expect(dynamodbMock.commandCalls(GetItemCommand)[0]?.args[0].input).toEqual({
      TableName: 'raqmana-local-requests',
      Key: { pk: { S: 'R-1' } },
    });
    expect(workflows.describeExecution(executionArn)).toMatchObject({
      status: 'SUCCEEDED',
      output: { requestId: 'R-1', stored: { status: 'RECEIVED' } },
    });
  });

  it('names DynamoDB errors like the integration does, so Catch can match them', async () => {
    dynamodbMock
      .on(PutItemCommand)
      .rejects(new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} }));
    dynamodbMock.on(GetItemCommand).resolves({ Item: { pk: { S: 'R-1' }, status: { S: 'RECEIVED' } } });

    const executionArn = start({ stateMachineId: 'record-request', input: { requestId: 'R-1' } });
    await clock.settled();

    expect(workflows.describeExecution(executionArn)).toMatchObject({
      status: 'SUCCEEDED',
      output: {
        alreadyRecorded: {
          Error: 'DynamoDB.ConditionalCheckFailedException',
          Cause: 'The conditional request failed',
        },
        stored: { status: 'RECEIVED' },
      },
    });
  });
});

describe('Retry and Catch', () => {
  it('retries a Task on a matching error and succeeds', async () => {
    let attempts = 0;
    handlers.ReviewPermit = async () => {
      attempts += 1;
      if (attempts === 1) throw new RegistryUnavailable('The land registry did not answer');
      return { decision: 'APPROVED' };
    };

    const executionArn = start({ stateMachineId: 'review-permit', input: { permitId: 'P-1' } });
    await clock.settled();

    expect(attempts).toBe(2);
    expect(workflows.describeExecution(executionArn)).toMatchObject({
      status: 'SUCCEEDED',
      output: { decision: 'APPROVED' },
    });
  });

  it('catches an error by its name, with the Lambda error payload as cause', async () => {
    handlers.ReviewPermit = async () => {
      throw new PermitRejected('The parcel is not buildable');
    };

    const executionArn = start({ stateMachineId: 'review-permit', input: { permitId: 'P-2' } });
    await clock.settled();

    const execution = workflows.describeExecution(executionArn);
    expect(execution.status).toBe('SUCCEEDED');
    const { rejection } = execution.output as { rejection: { Error: string; Cause: string } };
    expect(rejection.Error).toBe('PermitRejected');
    expect(JSON.parse(rejection.Cause)).toMatchObject({
      errorType: 'PermitRejected',
      errorMessage: 'The parcel is not buildable',
    });
  });

  it('catches any other error as States.TaskFailed and fails through a Fail state', async () => {
    handlers.ReviewPermit = async () => {
      throw new TypeError('Cannot read properties of undefined');
    };

    const executionArn = start({ stateMachineId: 'review-permit', input: { permitId: 'P-3' } });
    await clock.settled();

    expect(workflows.describeExecution(executionArn)).toMatchObject({
      status: 'FAILED',
      error: 'ReviewFailed',
      cause: 'The permit could not be reviewed',
      stateTransitions: 2,
    });
  });
});

describe('executions', () => {
  it('keeps names unique per state machine, with idempotent starts of a running execution', async () => {
    handlers.CheckPermit = async () => ({ checked: true });
    const request = { stateMachineId: 'hourly-check', name: 'check-P-7', input: { request: { permit: {} } } };
    const first = workflows.startExecution(request);

    expect(workflows.startExecution(request)).toEqual(first);
    expect(() => workflows.startExecution({ ...request, input: { request: { permit: { id: 'other' } } } })).toThrow(
      expect.objectContaining({ name: 'ExecutionAlreadyExists' }),
    );
    expect(() => start({ stateMachineId: 'deadline-reminders', name: 'check-P-7', input: {} })).not.toThrow();

    await clock.advance('PT1H');
    expect(workflows.describeExecution(first.executionArn).status).toBe('SUCCEEDED');
    expect(() => workflows.startExecution(request)).toThrow(expect.objectContaining({ name: 'ExecutionAlreadyExists' }));
    expect(workflows.listExecutions('hourly-check').filter((execution) => execution.name === 'check-P-7')).toHaveLength(1);
  });

  it('rejects invalid names and unknown state machines or executions', () => {
    expect(() => start({ stateMachineId: 'hourly-check', name: 'permit 7' })).toThrow(
      expect.objectContaining({ name: 'InvalidName' }),
    );
    expect(() => start({ stateMachineId: 'nope' })).toThrow(expect.objectContaining({ name: 'StateMachineDoesNotExist' }));
    expect(() => workflows.describeExecution('arn:aws:states:us-east-1:000000000000:execution:nope:x')).toThrow(
      expect.objectContaining({ name: 'ExecutionDoesNotExist' }),
    );
  });

  it('lists executions most recent first, and stop() aborts the running ones', async () => {
    handlers.CheckPermit = async () => ({ checked: true });
    const first = start({ stateMachineId: 'hourly-check', name: 'first', input: { request: { permit: {} } } });
    const second = start({ stateMachineId: 'hourly-check', name: 'second', input: { request: { permit: {} } } });

    const listed = workflows.listExecutions('hourly-check').slice(0, 2);
    expect(listed.map((execution) => execution.executionArn)).toEqual([second, first]);

    await workflows.stop();
    await clock.advance('PT2H');

    expect(calls).toEqual([]);
    for (const executionArn of [first, second]) {
      const execution = workflows.describeExecution(executionArn);
      expect(execution.status).toBe('ABORTED');
      expectNear(execution.stopDate, execution.startDate);
    }
  });
});

describe('registration', () => {
  it('refuses an integration that does not run locally', () => {
    expect(() =>
      createWorkflows([{ id: 'notify', definitionFile: `${FIXTURES}/unsupported-resource.asl.json` }]),
    ).toThrow(/"notify".*state "Notify" uses arn:aws:states:::sqs:sendMessage, which is not supported locally/);
  });

  it('refuses a placeholder without a substitution', () => {
    expect(() =>
      createWorkflows([{ id: 'deadline-reminders', definitionFile: `${FIXTURES}/deadline-reminders.asl.json` }]),
    ).toThrow(/uses \$\{SendReminderFunction\}, which has no substitution/);
  });

  it('substitutes function ids with local Lambda ARNs', () => {
    expect(localFunctionArn('SendReminder')).toBe('arn:aws:lambda:us-east-1:000000000000:function:SendReminder');
  });
});
