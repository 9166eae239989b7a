// POST /v1/permits/{id}/decision (president)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { permitsDependencies } from '../adapters/permits.dependencies.ts';
import { decidePermit } from '../application/change-permit.use-cases.ts';
import { viewOf } from '../application/permit-queries.use-cases.ts';
import { decidePermitRoute } from '../schemas/permits.schema.ts';

export const handler = httpHandler(
  decidePermitRoute,
  async ({ params, body, principal }) => {
    const at = now();
    return { body: viewOf(await decidePermit(permitsDependencies, params.id, body, principal, at), at) };
  },
  { idempotency: idempotentRequests },
);
