// POST /v1/registry/letters/{id}/attachments (the citizen who lodged it, a clerk of its commune): declares a file
// with its SHA-256, size and type; answers its upload URL.
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { attachmentsDependencies } from '../adapters/attachments.dependencies.ts';
import { declareLetterAttachment } from '../application/attachments.use-cases.ts';
import { declareAttachmentRoute } from '../schemas/registry-office.schema.ts';

export const handler = httpHandler(
  declareAttachmentRoute,
  async ({ params, body, principal }) => ({ status: 201, body: await declareLetterAttachment(attachmentsDependencies, params.id, body, principal, now()) }),
  { idempotency: idempotentRequests },
);
