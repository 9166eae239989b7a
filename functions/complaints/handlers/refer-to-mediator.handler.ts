// POST /v1/complaints/{id}/mediator-referral (the unit holding it)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { complaintsDependencies } from '../adapters/complaints.dependencies.ts';
import { referToMediator } from '../application/change-complaint.use-cases.ts';
import { referToMediatorRoute } from '../schemas/complaints.schema.ts';

export const handler = httpHandler(referToMediatorRoute, async ({ params, body, principal }) => ({ body: await referToMediator(complaintsDependencies.repository, params.id, body, principal, now()) }), {
  idempotency: idempotentRequests,
});
