// POST /v1/transparency/requests/{id}/extension-notice (agent of the request's commune)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { transparencyDependencies } from '../adapters/transparency.dependencies.ts';
import { noticeOfExtension } from '../application/change-request.use-cases.ts';
import { noticeExtensionRoute } from '../schemas/transparency.schema.ts';

export const handler = httpHandler(
  noticeExtensionRoute,
  async ({ params, body, principal }) => ({ body: await noticeOfExtension(transparencyDependencies.repository, params.id, body, principal, now()) }),
  { idempotency: idempotentRequests },
);
