// POST /v1/transparency/requests/{id}/cdai-decision (its requester who filed online, an agent of its commune)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { transparencyDependencies } from '../adapters/transparency.dependencies.ts';
import { recordDecision } from '../application/recourse-end.use-cases.ts';
import { cdaiDecisionRoute } from '../schemas/requests-recourse.schema.ts';

export const handler = httpHandler(
  cdaiDecisionRoute,
  async ({ params, body, principal }) => ({ body: await recordDecision(transparencyDependencies.repository, params.id, body, principal, now()) }),
  { idempotency: idempotentRequests },
);
