// The marginal-note delivery workflow (the real ASL file) on the local runner: retries with back-off on the
// virtual clock, then the dead letters.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { civilStatusService } from '../../functions/civil-status/civil-status.service.ts';
import { LocalWorkflows } from '../../lib/local/local-workflows.ts';
import { VirtualClock } from '../../lib/local/virtual-clock.ts';

class OfficeUnavailableError extends Error {
  override name = 'OfficeUnavailableError';
}

const clock = new VirtualClock(new Date('2026-12-01T09:00:00Z'));
const deliveries: { noteId: string; at: number }[] = [];
const deadLetters: { noteId: string; attempts: number }[] = [];
/** How many deliveries of each note fail before one succeeds. */
const failuresBeforeSuccess = new Map<string, number>();

const workflows = new LocalWorkflows(
  {
    clock,
    resolveFunction: (functionId) =>
      functionId === 'DeliverMarginalNote'
        ? async (event: { noteId: string }) => {
            deliveries.push({ noteId: event.noteId, at: clock.now().getTime() });
            const remaining = failuresBeforeSuccess.get(event.noteId) ?? 0;
            if (remaining > 0) {
              failuresBeforeSuccess.set(event.noteId, remaining - 1);
              throw new OfficeUnavailableError('the receiving office is down');
            }
            return { noteId: event.noteId };
          }
        : async (event: { noteId: string; attempts: number }) => {
            deadLetters.push(event);
            return { noteId: event.noteId };
          },
    dynamodb: new DynamoDBClient({ region: 'us-east-1' }),
    tableName: (id) => id,
  },
  (civilStatusService.stateMachines ?? []).filter((machine) => machine.id === 'marginal-note-delivery'),
);

afterAll(async () => {
  await workflows.stop();
  clock.dispose();
});

describe('the marginal-note delivery workflow', () => {
  it('tries again after 1, 5 and 15 minutes while the receiving side fails, and delivers', async () => {
    failuresBeforeSuccess.set('note-a', 3);
    const { executionArn } = workflows.startExecution({ stateMachineId: 'marginal-note-delivery', name: 'note-a-first', input: { noteId: 'note-a', attempt: 0 } });

    await clock.advance('PT1H');

    expect(workflows.describeExecution(executionArn).status).toBe('SUCCEEDED');
    const attempts = deliveries.filter((delivery) => delivery.noteId === 'note-a');
    const gapsInMinutes = attempts.slice(1).map((delivery, index) => Math.round((delivery.at - attempts[index]!.at) / 60_000));
    expect(gapsInMinutes).toEqual([1, 5, 15]);
    expect(deadLetters).toEqual([]);
  });

  it('puts the note among the dead letters when the eighth retry fails too', async () => {
    failuresBeforeSuccess.set('note-b', Number.POSITIVE_INFINITY);
    const { executionArn } = workflows.startExecution({ stateMachineId: 'marginal-note-delivery', name: 'note-b-first', input: { noteId: 'note-b', attempt: 0 } });

    await clock.advance('P1D');

    expect(workflows.describeExecution(executionArn).status).toBe('SUCCEEDED');
    expect(deliveries.filter((delivery) => delivery.noteId === 'note-b')).toHaveLength(9);
    expect(deadLetters).toEqual([{ noteId: 'note-b', attempts: 9 }]);
  });
});
