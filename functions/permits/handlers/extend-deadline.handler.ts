// POST /v1/permits/{id}/extensions (agent)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { permitsDependencies } from '../adapters/permits.dependencies.ts';
import { extendPermitDeadline } from '../application/change-permit.use-cases.ts';
import { viewOf } from '../application/permit-queries.use-cases.ts';
import { extendDeadlineRoute } from '../schemas/permits.schema.ts';

export const handler = httpHandler(
  extendDeadlineRoute,
  async ({ params, body, principal }) => {
    const at = now();
    return { body: viewOf(await extendPermitDeadline(permitsDependencies, params.id, body, principal, at), at) };
  },
  { idempotency: idempotentRequests },
);
