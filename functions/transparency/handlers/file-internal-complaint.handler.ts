// POST /v1/transparency/requests/{id}/internal-complaint (its requester, or an agent of its commune)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { transparencyDependencies } from '../adapters/transparency.dependencies.ts';
import { complainToHead } from '../application/recourse.use-cases.ts';
import { fileInternalComplaintRoute } from '../schemas/transparency.schema.ts';

export const handler = httpHandler(
  fileInternalComplaintRoute,
  async ({ params, body, principal }) => ({ body: await complainToHead(transparencyDependencies.repository, params.id, body.reason, principal, now()) }),
  { idempotency: idempotentRequests },
);
