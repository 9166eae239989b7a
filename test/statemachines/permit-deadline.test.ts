// The permit deadline workflow (the real ASL file) on the local runner, with the check task played by a
// local function that answers as the permits service would.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalWorkflows } from '../../lib/local/local-workflows.ts';
import { VirtualClock } from '../../lib/local/virtual-clock.ts';
import { permitsService } from '../../functions/permits/permits.service.ts';

const clock = new VirtualClock(new Date('2026-12-01T09:00:00Z'));
const dueAt = new Date('2026-12-16T23:59:59.999Z');
const checkedAt: string[] = [];
let extendedOnce = false;

/** Running until the deadline, which an agent moves 10 days later once; then lapsed. */
async function checkPermitDeadline(event: { permitId: string }) {
  const now = clock.now();
  checkedAt.push(now.toISOString());
  const due = extendedOnce ? new Date(dueAt.getTime() + 10 * 86_400_000) : dueAt;
  if (now <= due) return { permitId: event.permitId, state: 'running', wakeAt: new Date(due.getTime() + 1).toISOString() };
  return { permitId: event.permitId, state: 'lapsed' };
}

const workflows = new LocalWorkflows(
  {
    clock,
    resolveFunction: () => checkPermitDeadline,
    dynamodb: new DynamoDBClient({ region: 'us-east-1' }),
    tableName: (id) => id,
  },
  (permitsService.stateMachines ?? []).filter((machine) => machine.id === 'permit-deadline'),
);

afterAll(async () => {
  await workflows.stop();
  clock.dispose();
});

describe('the permit deadline workflow', () => {
  it('wakes just after the deadline, waits again when it moved, and ends at the lapse within 12 transitions', async () => {
    const { executionArn } = workflows.startExecution({ stateMachineId: 'permit-deadline', name: 'permit-1-v1', input: { permitId: 'permit-1' } });
    await clock.advance('P5D');
    extendedOnce = true;

    await clock.advance('P30D');

    const execution = workflows.describeExecution(executionArn);
    expect(execution.status).toBe('SUCCEEDED');
    expect(execution.output).toEqual({ permitId: 'permit-1', state: 'lapsed' });
    // Wall time keeps flowing under the virtual clock, so each check lands within a second of its instant.
    const expected = ['2026-12-01T09:00:00.000Z', '2026-12-17T00:00:00.000Z', '2026-12-27T00:00:00.000Z'];
    expect(checkedAt).toHaveLength(expected.length);
    checkedAt.forEach((instant, index) => expect(Math.abs(Date.parse(instant) - Date.parse(expected[index]!))).toBeLessThan(1000));
    expect(execution.stateTransitions).toBeLessThanOrEqual(12);
  });
});
