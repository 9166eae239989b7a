// POST /v1/permits/{id}/suspensions (agent)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { permitsDependencies } from '../adapters/permits.dependencies.ts';
import { requestPermitDocuments } from '../application/change-permit.use-cases.ts';
import { viewOf } from '../application/permit-queries.use-cases.ts';
import { requestDocumentsRoute } from '../schemas/permits.schema.ts';

export const handler = httpHandler(
  requestDocumentsRoute,
  async ({ params, body, principal }) => {
    const at = now();
    return { body: viewOf(await requestPermitDocuments(permitsDependencies, params.id, body, principal, at), at) };
  },
  { idempotency: idempotentRequests },
);
