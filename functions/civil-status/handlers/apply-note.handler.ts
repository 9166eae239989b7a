// POST /v1/civil-status/offices/{code}/inbox/{noteId}/apply (registrar of that office)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { now } from '../../shared/time/time-source.ts';
import { civilStatusRepository } from '../adapters/civil-status.dependencies.ts';
import { applyInboxNote } from '../application/marginal-notes.use-cases.ts';
import { applyNoteRoute } from '../schemas/civil-status.schema.ts';

// Applying is idempotent in itself (a note applied before is answered as it is): no Idempotency-Key records.
export const handler = httpHandler(applyNoteRoute, async ({ params, principal }) => ({
  body: await applyInboxNote(civilStatusRepository, params.code, params.noteId, principal, now()),
}));
