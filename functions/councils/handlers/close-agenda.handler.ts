// POST /v1/councils/bodies/{body}/sessions/{id}/agenda-closing
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { councilsRepository } from '../adapters/councils.dependencies.ts';
import { closeSessionAgenda } from '../application/session.use-cases.ts';
import { closeAgendaRoute } from '../schemas/councils.schema.ts';

export const handler = httpHandler(
  closeAgendaRoute,
  async ({ params, principal }) => ({ body: await closeSessionAgenda(councilsRepository, params.body, params.id, principal, now()) }),
  { idempotency: idempotentRequests },
);
