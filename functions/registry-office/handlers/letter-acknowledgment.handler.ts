// GET /v1/registry/letters/{id}/acknowledgment: the stored acknowledgment, issued just after the registration.
import { signedPaperReader } from '../../documents/public-paper-reader.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { registryOfficeDependencies } from '../adapters/registry-office.dependencies.ts';
import { acknowledgmentFile } from '../application/acknowledgment.use-cases.ts';
import { letterAcknowledgmentRoute } from '../schemas/registry-office.schema.ts';

const papers = signedPaperReader();

export const handler = httpHandler(letterAcknowledgmentRoute, async ({ params, principal }) => {
  const { document, pdf } = await acknowledgmentFile(papers, registryOfficeDependencies.repository, params.id, principal);
  return { body: pdf, contentType: 'application/pdf', headers: { 'content-disposition': `inline; filename="${document.id}.pdf"`, 'cache-control': 'private, no-store' } };
});
