// POST /v1/complaints/{id}/acknowledgment (the unit holding it)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { complaintsDependencies } from '../adapters/complaints.dependencies.ts';
import { acknowledge } from '../application/change-complaint.use-cases.ts';
import { acknowledgeRoute } from '../schemas/complaints.schema.ts';

export const handler = httpHandler(acknowledgeRoute, async ({ params, principal }) => ({ body: await acknowledge(complaintsDependencies.repository, params.id, principal, now()) }), {
  idempotency: idempotentRequests,
});
