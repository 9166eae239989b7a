// POST /v1/transparency/requests/{id}/disclosure (an agent of its commune)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { transparencyDependencies } from '../adapters/transparency.dependencies.ts';
import { discloseRequest } from '../application/change-request.use-cases.ts';
import { discloseRequestRoute } from '../schemas/disclosure-log.schema.ts';

export const handler = httpHandler(discloseRequestRoute, async ({ params, body, principal }) => ({ body: await discloseRequest(transparencyDependencies.repository, params.id, body, principal, now()) }), {
  idempotency: idempotentRequests,
});
