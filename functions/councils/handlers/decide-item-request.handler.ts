// POST /v1/councils/bodies/{body}/sessions/{id}/item-requests/{number}/decision (secretariat, president).
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { councilsRepository } from '../adapters/councils.dependencies.ts';
import { decideAgendaItemRequest } from '../application/session.use-cases.ts';
import { decideItemRequestRoute } from '../schemas/councils.schema.ts';

export const handler = httpHandler(
  decideItemRequestRoute,
  async ({ params, body, principal }) => ({ body: await decideAgendaItemRequest(councilsRepository, params.body, params.id, Number(params.number), body, principal, now()) }),
  { idempotency: idempotentRequests },
);
