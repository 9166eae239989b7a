// GET /v1/registry/letters/{id}/attachment-reads (the commune's clerks, auditors, the citizen who lodged it)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { attachmentsRepository } from '../adapters/attachments-repository.dependencies.ts';
import { letterAttachmentReads } from '../application/attachments.use-cases.ts';
import { attachmentReadsRoute } from '../schemas/registry-office.schema.ts';

export const handler = httpHandler(attachmentReadsRoute, async ({ params, query, principal }) => ({
  body: await letterAttachmentReads(attachmentsRepository, params.id, principal, query),
}));
