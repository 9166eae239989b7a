// The generic deadline-case workflows (the real ASL files) on the local runner, declared as a context declares
// them, with the check and sweep tasks played by local functions that answer as a context would.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { deadlineCaseWorkflows } from '../../functions/shared/case-clock/deadline-case-workflows.ts';
import type { DeadlineCheck, DeadlineCheckRequest } from '../../functions/shared/case-clock/domain/deadline-check.ts';
import { permitsService } from '../../functions/permits/permits.service.ts';
import { LocalWorkflows } from '../../lib/local/local-workflows.ts';
import { VirtualClock } from '../../lib/local/virtual-clock.ts';

const DAY_MS = 86_400_000;
const clock = new VirtualClock(new Date('2026-12-01T09:00:00Z'));

/** How each case's clock behaves; the check answers from it at the virtual instant. */
interface Scenario {
  due: Date;
  /** The first answer, when it is not a running clock. */
  first?: 'suspended' | 'closed';
  /** A check at or after this instant finds the case decided. */
  decidedAt?: Date;
}
const scenarios = new Map<string, Scenario>();
const checks: { request: unknown; at: string }[] = [];
let sweeps = 0;

async function checkDeadline(request: DeadlineCheckRequest): Promise<DeadlineCheck> {
  const now = clock.now();
  checks.push({ request, at: now.toISOString() });
  const scenario = scenarios.get(request.subject)!;
  if (scenario.first && checks.filter((check) => (check.request as DeadlineCheckRequest).subject === request.subject).length === 1) {
    return { subject: request.subject, state: scenario.first };
  }
  if (scenario.decidedAt && now >= scenario.decidedAt) return { subject: request.subject, state: 'closed' };
  if (now <= scenario.due) return { subject: request.subject, state: 'running', wakeAt: new Date(scenario.due.getTime() + 1).toISOString() };
  return { subject: request.subject, state: 'lapsed' };
}

// A context of its own (not permits), to show the files carry no context's names.
const complaints = deadlineCaseWorkflows({
  workflowId: 'complaint-deadline',
  checkFunctionId: 'CheckComplaintDeadline',
  sweepWorkflowId: 'complaint-deadline-sweep',
  sweepFunctionId: 'SweepOverdueComplaints',
});

const workflows = new LocalWorkflows(
  {
    clock,
    resolveFunction: (functionId) =>
      functionId === 'SweepOverdueComplaints'
        ? async () => {
            sweeps += 1;
            return { checked: 2, lapsed: 1 };
          }
        : checkDeadline,
    dynamodb: new DynamoDBClient({ region: 'us-east-1' }),
    tableName: (id) => id,
  },
  complaints,
);

beforeEach(() => {
  checks.length = 0;
});

afterAll(async () => {
  await workflows.stop();
  clock.dispose();
});

function start(subject: string, scenario: Scenario) {
  scenarios.set(subject, scenario);
  return workflows.startExecution({ stateMachineId: 'complaint-deadline', name: `${subject}-v1`, input: { subject } }).executionArn;
}

describe('the deadline-case workflow', () => {
  it('sends the check only the subject, wakes just after the deadline and ends at the lapse in 6 transitions', async () => {
    const executionArn = start('case-lapsing', { due: new Date(clock.now().getTime() + 15 * DAY_MS) });

    await clock.advance('P16D');

    const execution = workflows.describeExecution(executionArn);
    expect(execution.status).toBe('SUCCEEDED');
    expect(execution.output).toEqual({ subject: 'case-lapsing', state: 'lapsed' });
    expect(checks.map((check) => check.request)).toEqual([{ subject: 'case-lapsing' }, { subject: 'case-lapsing' }]);
    expect(execution.stateTransitions).toBe(6);
  });

  it('ends a case decided before its deadline in 6 transitions too, at the deadline', async () => {
    const due = new Date(clock.now().getTime() + 10 * DAY_MS);
    const executionArn = start('case-decided', { due, decidedAt: new Date(clock.now().getTime() + 2 * DAY_MS) });

    await clock.advance('P11D');

    const execution = workflows.describeExecution(executionArn);
    expect(execution.output).toEqual({ subject: 'case-decided', state: 'closed' });
    expect(execution.stateTransitions).toBe(6);
  });

  it('waits again when the deadline moved later while it slept', async () => {
    const startedAt = clock.now();
    const scenario: Scenario = { due: new Date(startedAt.getTime() + 15 * DAY_MS) };
    const executionArn = start('case-extended', scenario);
    await clock.advance('P5D');
    scenario.due = new Date(scenario.due.getTime() + 10 * DAY_MS);

    await clock.advance('P30D');

    const execution = workflows.describeExecution(executionArn);
    expect(execution.output).toEqual({ subject: 'case-extended', state: 'lapsed' });
    // Wall time keeps flowing under the virtual clock, so each check lands within a second of its instant.
    const expected = [startedAt.getTime(), startedAt.getTime() + 15 * DAY_MS + 1, startedAt.getTime() + 25 * DAY_MS + 1];
    expect(checks).toHaveLength(expected.length);
    checks.forEach((check, index) => expect(Math.abs(Date.parse(check.at) - expected[index]!)).toBeLessThan(1000));
    expect(execution.stateTransitions).toBe(9);
  });

  it.each(['suspended', 'closed'] as const)('ends at once, in 3 transitions, when the first check finds the case %s', async (state) => {
    const executionArn = start(`case-${state}`, { due: new Date(clock.now().getTime() + DAY_MS), first: state });

    await clock.advance('PT1M');

    const execution = workflows.describeExecution(executionArn);
    expect(execution.output).toEqual({ subject: `case-${state}`, state });
    expect(execution.stateTransitions).toBe(3);
  });
});

describe('the deadline-case sweep', () => {
  it('runs the context sweep function once and answers its counts', async () => {
    const { executionArn } = workflows.startExecution({ stateMachineId: 'complaint-deadline-sweep', name: 'sweep-once', input: {} });

    await clock.advance('PT1M');

    expect(sweeps).toBe(1);
    expect(workflows.describeExecution(executionArn)).toMatchObject({ status: 'SUCCEEDED', output: { checked: 2, lapsed: 1 } });
  });

  it('is scheduled every night at 00:30, and permits declare both workflows from the same files', () => {
    expect(complaints[1]?.schedule).toEqual({ expression: 'cron(30 0 * * ? *)' });
    expect(permitsService.stateMachines).toEqual(
      deadlineCaseWorkflows({ workflowId: 'permit-deadline', checkFunctionId: 'CheckPermitDeadline', sweepWorkflowId: 'permit-deadline-sweep', sweepFunctionId: 'SweepOverduePermits' }),
    );
  });
});
