// POST /v1/transparency/requests/{id}/internal-complaint/answer (the president of its commune)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { transparencyDependencies } from '../adapters/transparency.dependencies.ts';
import { answerComplaint } from '../application/recourse.use-cases.ts';
import { answerInternalComplaintRoute } from '../schemas/transparency.schema.ts';

export const handler = httpHandler(
  answerInternalComplaintRoute,
  async ({ params, body, principal }) => ({ body: await answerComplaint(transparencyDependencies.repository, params.id, body.text, principal, now()) }),
  { idempotency: idempotentRequests },
);
