// POST /v1/registry/letters/{id}/opinion (an agent or the president the list asks for an opinion)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { registryOfficeDependencies } from '../adapters/registry-office.dependencies.ts';
import { giveLetterOpinion } from '../application/letter-steps.use-cases.ts';
import { giveOpinionRoute } from '../schemas/registry-office.schema.ts';

export const handler = httpHandler(
  giveOpinionRoute,
  async ({ params, body, principal }) => ({ body: await giveLetterOpinion(registryOfficeDependencies.repository, params.id, body.opinion, principal, now()) }),
  { idempotency: idempotentRequests },
);
