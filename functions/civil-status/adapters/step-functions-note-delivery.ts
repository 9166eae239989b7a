// Starts the delivery workflow of a marginal note, named after the note and the run, so a retried start is
// recognised instead of doubled.
import { ExecutionAlreadyExists, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { NoteDelivery } from '../application/civil-status.ports.ts';

export class StepFunctionsNoteDelivery implements NoteDelivery {
  constructor(
    private readonly client: SFNClient,
    private readonly stateMachineArn: string,
  ) {}

  async send(noteId: string, run: string): Promise<void> {
    try {
      await this.client.send(
        new StartExecutionCommand({ stateMachineArn: this.stateMachineArn, name: `note-${noteId}-${run}`.slice(0, 80), input: JSON.stringify({ noteId, attempt: 0 }) }),
      );
    } catch (error) {
      if (!(error instanceof ExecutionAlreadyExists)) throw error;
    }
  }
}
