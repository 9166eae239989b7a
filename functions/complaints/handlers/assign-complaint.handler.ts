// POST /v1/complaints/{id}/assignment (the unit holding it)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { complaintsDependencies } from '../adapters/complaints.dependencies.ts';
import { assign } from '../application/change-complaint.use-cases.ts';
import { assignRoute } from '../schemas/complaints.schema.ts';

export const handler = httpHandler(assignRoute, async ({ params, body, principal }) => ({ body: await assign(complaintsDependencies.repository, params.id, body.service, principal, now()) }), {
  idempotency: idempotentRequests,
});
