// GET /v1/registry/letters/{id}/attachments/{attachmentId} (whoever may read the letter): a short-lived link, the read logged.
import { httpHandler } from '../../shared/http/http-handler.ts';
import { now } from '../../shared/time/time-source.ts';
import { attachmentsDependencies } from '../adapters/attachments.dependencies.ts';
import { readLetterAttachment } from '../application/attachments.use-cases.ts';
import { readAttachmentRoute } from '../schemas/registry-office.schema.ts';

export const handler = httpHandler(readAttachmentRoute, async ({ params, principal }) => ({
  body: await readLetterAttachment(attachmentsDependencies, params.id, params.attachmentId, principal, now()),
}));
