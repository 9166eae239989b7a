// Starts the delivery workflow of a marginal note, named after the note and the run, so a retried start is
// recognised instead of doubled.
import type { SFNClient } from '@aws-sdk/client-sfn';
import { startExecutionOnce } from '../../shared/aws/step-functions.ts';
import type { NoteDelivery } from '../application/civil-status.ports.ts';

export class StepFunctionsNoteDelivery implements NoteDelivery {
  constructor(
    private readonly client: SFNClient,
    private readonly stateMachineArn: string,
  ) {}

  send(noteId: string, run: string): Promise<void> {
    return startExecutionOnce(this.client, this.stateMachineArn, `note-${noteId}-${run}`, { noteId, attempt: 0 });
  }
}
