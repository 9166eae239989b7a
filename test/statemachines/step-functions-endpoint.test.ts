// The real @aws-sdk/client-sfn against the local Step Functions endpoint, as handlers will call it.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeExecutionCommand, ExecutionAlreadyExists, ListExecutionsCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../lib/local/dynamodb-local.ts';
import { LocalWorkflows, localStateMachineArn } from '../../lib/local/local-workflows.ts';
import { startStepFunctionsEndpoint, type RunningStepFunctionsEndpoint } from '../../lib/local/step-functions-endpoint.ts';
import { VirtualClock } from '../../lib/local/virtual-clock.ts';

const clock = new VirtualClock();
const checked: unknown[] = [];
const workflows = new LocalWorkflows(
  {
    clock,
    resolveFunction: () => async (event: unknown) => {
      checked.push(event);
      return { decided: false };
    },
    dynamodb: new DynamoDBClient({ region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS }),
    tableName: (id) => id,
  },
  [
    {
      id: 'hourly-check',
      definitionFile: 'test/fixtures/statemachines/hourly-check.asl.json',
      substitutions: { CheckPermitFunction: { functionId: 'CheckPermit' } },
    },
  ],
);
let endpoint: RunningStepFunctionsEndpoint;
let sfn: SFNClient;
const stateMachineArn = localStateMachineArn('hourly-check');

describe('the local Step Functions endpoint', () => {
  beforeAll(async () => {
    endpoint = await startStepFunctionsEndpoint(workflows);
    sfn = new SFNClient({ endpoint: endpoint.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  });

  afterAll(async () => {
    await workflows.stop();
    await endpoint.stop();
    clock.dispose();
  });

  it('starts an execution that runs the real ASL on the virtual clock', async () => {
    const started = await sfn.send(
      new StartExecutionCommand({ stateMachineArn, name: 'permit-42', input: JSON.stringify({ request: { permit: { id: 'permit-42' } } }) }),
    );
    const waiting = await sfn.send(new DescribeExecutionCommand({ executionArn: started.executionArn }));
    await clock.advance('PT1H');
    const done = await sfn.send(new DescribeExecutionCommand({ executionArn: started.executionArn }));

    expect(waiting.status).toBe('RUNNING');
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output ?? 'null')).toEqual({ decided: false });
    expect(checked).toEqual([{ id: 'permit-42' }]);
  });

  it('refuses a second execution with the same name as the SDK error class', async () => {
    await expect(
      sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'permit-42', input: JSON.stringify({ request: { permit: { id: 'other' } } }) })),
    ).rejects.toBeInstanceOf(ExecutionAlreadyExists);
  });

  it('lists the executions of a state machine', async () => {
    const listed = await sfn.send(new ListExecutionsCommand({ stateMachineArn }));

    expect(listed.executions?.map((execution) => execution.name)).toEqual(['permit-42']);
  });
});
