// The note-delivery workflow's last task when every retry failed: the note waits among the dead letters.
import { now } from '../../shared/time/time-source.ts';
import { countOne } from '../../shared/observability/metrics.ts';
import { civilStatusRepository } from '../adapters/civil-status.dependencies.ts';
import { MARGINAL_NOTES_DEAD_LETTERED } from '../adapters/civil-status-keys.ts';
import { deadLetterMarginalNote } from '../application/marginal-notes.use-cases.ts';
import { taskHandler } from '../../shared/observability/task-handler.ts';

export const handler = taskHandler(async (event: { noteId: string; attempts: number }) => {
  await deadLetterMarginalNote(civilStatusRepository, event.noteId, event.attempts, now());
  // The dead letters' depth, which the stack alarms on.
  countOne(MARGINAL_NOTES_DEAD_LETTERED);
  return { noteId: event.noteId };
});
