// POST /v1/complaints/{id}/reopening (its complainant)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { complaintsDependencies } from '../adapters/complaints.dependencies.ts';
import { reopen } from '../application/change-complaint.use-cases.ts';
import { reopenRoute } from '../schemas/complaints.schema.ts';

export const handler = httpHandler(reopenRoute, async ({ params, body, principal }) => ({ body: await reopen(complaintsDependencies.repository, params.id, body.reason, principal, now()) }), {
  idempotency: idempotentRequests,
});
