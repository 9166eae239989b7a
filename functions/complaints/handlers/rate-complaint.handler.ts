// POST /v1/complaints/{id}/rating (its complainant)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { complaintsDependencies } from '../adapters/complaints.dependencies.ts';
import { rate } from '../application/change-complaint.use-cases.ts';
import { rateRoute } from '../schemas/complaints.schema.ts';

export const handler = httpHandler(rateRoute, async ({ params, body, principal }) => ({ body: await rate(complaintsDependencies.repository, params.id, body, principal, now()) }), {
  idempotency: idempotentRequests,
});
