// POST /v1/complaints/{id}/answer (the unit holding it)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { complaintsDependencies } from '../adapters/complaints.dependencies.ts';
import { answer } from '../application/change-complaint.use-cases.ts';
import { answerRoute } from '../schemas/complaints.schema.ts';

export const handler = httpHandler(answerRoute, async ({ params, body, principal }) => ({ body: await answer(complaintsDependencies.repository, params.id, body, principal, now()) }), {
  idempotency: idempotentRequests,
});
