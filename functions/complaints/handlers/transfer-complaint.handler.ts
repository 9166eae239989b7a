// POST /v1/complaints/{id}/transfer (the unit holding it)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { complaintsDependencies } from '../adapters/complaints.dependencies.ts';
import { transfer } from '../application/change-complaint.use-cases.ts';
import { transferRoute } from '../schemas/complaints.schema.ts';

export const handler = httpHandler(transferRoute, async ({ params, body, principal }) => ({ body: await transfer(complaintsDependencies.repository, params.id, body, principal, now()) }), {
  idempotency: idempotentRequests,
});
