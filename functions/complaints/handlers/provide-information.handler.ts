// POST /v1/complaints/{id}/information (its complainant)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { complaintsDependencies } from '../adapters/complaints.dependencies.ts';
import { replyWithInformation } from '../application/change-complaint.use-cases.ts';
import { provideInformationRoute } from '../schemas/complaints.schema.ts';

export const handler = httpHandler(provideInformationRoute, async ({ params, body, principal }) => ({ body: await replyWithInformation(complaintsDependencies.repository, params.id, body.text, principal, now()) }), {
  idempotency: idempotentRequests,
});
