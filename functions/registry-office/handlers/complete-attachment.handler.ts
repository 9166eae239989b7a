// POST /v1/registry/letters/{id}/attachments/{attachmentId}/complete (its uploader): the upload is checked, then attached.
import { httpHandler } from '../../shared/http/http-handler.ts';
import { idempotentRequests } from '../../shared/http/idempotency.ts';
import { now } from '../../shared/time/time-source.ts';
import { attachmentsDependencies } from '../adapters/attachments.dependencies.ts';
import { completeLetterAttachment } from '../application/attachments.use-cases.ts';
import { completeAttachmentRoute } from '../schemas/registry-office.schema.ts';

export const handler = httpHandler(
  completeAttachmentRoute,
  async ({ params, principal }) => ({ body: await completeLetterAttachment(attachmentsDependencies, params.id, params.attachmentId, principal, now()) }),
  { idempotency: idempotentRequests },
);
