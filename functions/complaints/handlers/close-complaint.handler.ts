// POST /v1/complaints/{id}/closure (the unit holding it)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { complaintsDependencies } from '../adapters/complaints.dependencies.ts';
import { close } from '../application/change-complaint.use-cases.ts';
import { closeRoute } from '../schemas/complaints.schema.ts';

export const handler = httpHandler(closeRoute, async ({ params, body, principal }) => ({ body: await close(complaintsDependencies.repository, params.id, body.note, principal, now()) }), {
  idempotency: idempotentRequests,
});
