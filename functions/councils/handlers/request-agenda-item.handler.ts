// POST /v1/councils/bodies/{body}/sessions/{id}/item-requests (the member): asks for an item while the agenda is open.
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { councilsRepository } from '../adapters/councils.dependencies.ts';
import { requestAgendaItem } from '../application/session.use-cases.ts';
import { requestItemRoute } from '../schemas/councils.schema.ts';

export const handler = httpHandler(
  requestItemRoute,
  async ({ params, body, principal }) => ({ body: await requestAgendaItem(councilsRepository, params.body, params.id, body, principal, now()) }),
  { idempotency: idempotentRequests },
);
