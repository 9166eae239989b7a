// POST /v1/councils/bodies/{body}/sessions/{id}/items/{number}/votes
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { viewOf } from '../application/deliberation.use-cases.ts';
import { councilsRepository } from '../adapters/councils.dependencies.ts';
import { voteItem } from '../application/session.use-cases.ts';
import { voteRoute } from '../schemas/councils.schema.ts';

export const handler = httpHandler(
  voteRoute,
  async ({ params, body, principal }) => {
    const at = now();
    return { body: viewOf(await voteItem(councilsRepository, params.body, params.id, Number(params.number), body.votes, principal, at), at) };
  },
  { idempotency: idempotentRequests },
);
