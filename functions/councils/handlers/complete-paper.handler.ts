// POST /v1/councils/bodies/{body}/sessions/{id}/items/{number}/papers/{paperId}/completion (its declarer): the upload
// is checked, then the paper counts.
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { papersDependencies } from '../adapters/agenda-papers.dependencies.ts';
import { completeAgendaPaper } from '../application/agenda-papers.use-cases.ts';
import { completePaperRoute } from '../schemas/councils.schema.ts';

export const handler = httpHandler(
  completePaperRoute,
  async ({ params, principal }) => ({ body: await completeAgendaPaper(papersDependencies, params.body, params.id, Number(params.number), params.paperId, principal, now()) }),
  { idempotency: idempotentRequests },
);
