// POST /v1/complaints/{id}/taking-up (the unit holding it)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { complaintsDependencies } from '../adapters/complaints.dependencies.ts';
import { takeUp } from '../application/change-complaint.use-cases.ts';
import { takeUpRoute } from '../schemas/complaints.schema.ts';

export const handler = httpHandler(takeUpRoute, async ({ params, principal }) => ({ body: await takeUp(complaintsDependencies.repository, params.id, principal, now()) }), {
  idempotency: idempotentRequests,
});
