// POST /v1/civil-status/notes/{noteId}/redrive (admin)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { notesDependencies } from '../adapters/notes.dependencies.ts';
import { redriveMarginalNote } from '../application/marginal-notes.use-cases.ts';
import { redriveNoteRoute } from '../schemas/civil-status.schema.ts';

export const handler = httpHandler(
  redriveNoteRoute,
  async ({ params }) => ({ body: await redriveMarginalNote(notesDependencies, params.noteId, now()) }),
  { idempotency: idempotentRequests },
);
