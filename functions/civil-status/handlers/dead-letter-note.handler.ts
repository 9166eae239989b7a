// The note-delivery workflow's last task when every retry failed: the note waits among the dead letters.
import { now } from '../../shared/time/time-source.ts';
import { civilStatusRepository } from '../adapters/civil-status.dependencies.ts';
import { deadLetterMarginalNote } from '../application/marginal-notes.use-cases.ts';

export async function handler(event: { noteId: string; attempts: number }) {
  await deadLetterMarginalNote(civilStatusRepository, event.noteId, event.attempts, now());
  return { noteId: event.noteId };
}
