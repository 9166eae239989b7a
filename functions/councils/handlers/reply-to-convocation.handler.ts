// POST /v1/councils/bodies/{body}/sessions/{id}/attendance-replies (the member): attending, absent, or a proxy given ahead.
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { councilsRepository } from '../adapters/councils.dependencies.ts';
import { replyToCouncilConvocation } from '../application/session.use-cases.ts';
import { attendanceReplyRoute } from '../schemas/councils.schema.ts';

export const handler = httpHandler(
  attendanceReplyRoute,
  async ({ params, body, principal }) => ({ body: await replyToCouncilConvocation(councilsRepository, params.body, params.id, body, principal, now()) }),
  { idempotency: idempotentRequests },
);
