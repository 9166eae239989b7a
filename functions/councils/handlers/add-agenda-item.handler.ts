// POST /v1/councils/bodies/{body}/sessions/{id}/agenda-items
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { councilsRepository } from '../adapters/councils.dependencies.ts';
import { addItem } from '../application/session.use-cases.ts';
import { addAgendaItemRoute } from '../schemas/councils.schema.ts';

export const handler = httpHandler(
  addAgendaItemRoute,
  async ({ params, body, principal }) => ({ body: await addItem(councilsRepository, params.body, params.id, body, principal, now()) }),
  { idempotency: idempotentRequests },
);
