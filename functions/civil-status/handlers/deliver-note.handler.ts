// The note-delivery workflow's task: puts the note in the inbox of the office holding the birth act.
import { now } from '../../shared/time/time-source.ts';
import { civilStatusRepository } from '../adapters/civil-status.dependencies.ts';
import { deliverMarginalNote } from '../application/marginal-notes.use-cases.ts';
import { taskHandler } from '../../shared/observability/task-handler.ts';

export const handler = taskHandler(async (event: { noteId: string }) => {
  await deliverMarginalNote(civilStatusRepository, event.noteId, now());
  return { noteId: event.noteId };
});
