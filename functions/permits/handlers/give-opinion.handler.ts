// POST /v1/permits/{id}/opinions (commission)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { permitsDependencies } from '../adapters/permits.dependencies.ts';
import { givePermitOpinion } from '../application/change-permit.use-cases.ts';
import { viewOf } from '../application/permit-queries.use-cases.ts';
import { giveOpinionRoute } from '../schemas/permits.schema.ts';

export const handler = httpHandler(
  giveOpinionRoute,
  async ({ params, body, principal }) => {
    const at = now();
    return { body: viewOf(await givePermitOpinion(permitsDependencies, params.id, body, principal, at), at) };
  },
  { idempotency: idempotentRequests },
);
