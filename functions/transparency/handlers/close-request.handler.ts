// POST /v1/transparency/requests/{id}/closure (an agent of its commune)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { transparencyDependencies } from '../adapters/transparency.dependencies.ts';
import { close } from '../application/recourse-end.use-cases.ts';
import { closeRequestRoute } from '../schemas/requests-recourse.schema.ts';

export const handler = httpHandler(
  closeRequestRoute,
  async ({ params, body, principal }) => ({ body: await close(transparencyDependencies.repository, params.id, body, principal, now()) }),
  { idempotency: idempotentRequests },
);
