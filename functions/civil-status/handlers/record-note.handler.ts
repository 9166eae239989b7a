// POST /v1/civil-status/acts/{id}/notes (registrar)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { notesDependencies } from '../adapters/notes.dependencies.ts';
import { recordMarginalNote } from '../application/marginal-notes.use-cases.ts';
import { recordNoteRoute } from '../schemas/civil-status.schema.ts';

export const handler = httpHandler(
  recordNoteRoute,
  async ({ params, body, principal }) => ({ status: 201, body: await recordMarginalNote(notesDependencies, params.id, body, principal, now()) }),
  { idempotency: idempotentRequests },
);
