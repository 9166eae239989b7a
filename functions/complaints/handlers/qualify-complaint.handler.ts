// POST /v1/complaints/{id}/qualification (the unit holding it)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { complaintsDependencies } from '../adapters/complaints.dependencies.ts';
import { qualify } from '../application/change-complaint.use-cases.ts';
import { qualifyRoute } from '../schemas/complaints.schema.ts';

export const handler = httpHandler(qualifyRoute, async ({ params, body, principal }) => ({ body: await qualify(complaintsDependencies.repository, params.id, body, principal, now()) }), {
  idempotency: idempotentRequests,
});
