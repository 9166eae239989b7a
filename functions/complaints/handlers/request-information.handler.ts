// POST /v1/complaints/{id}/information-request (the unit holding it)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { complaintsDependencies } from '../adapters/complaints.dependencies.ts';
import { askForInformation } from '../application/change-complaint.use-cases.ts';
import { requestInformationRoute } from '../schemas/complaints.schema.ts';

export const handler = httpHandler(requestInformationRoute, async ({ params, body, principal }) => ({ body: await askForInformation(complaintsDependencies.repository, params.id, body.question, principal, now()) }), {
  idempotency: idempotentRequests,
});
