// GET /v1/permits/{id}/certificate: the stored deemed-approval certificate, issued when the permit was approved by silence.
import { signedPaperReader } from '../../documents/public-paper-reader.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { permitsDependencies } from '../adapters/permits.dependencies.ts';
import { certificateFile } from '../application/permit-papers.use-cases.ts';
import { permitCertificateRoute } from '../schemas/permits.schema.ts';

const papers = signedPaperReader();

export const handler = httpHandler(permitCertificateRoute, async ({ params, principal }) => {
  const { document, pdf } = await certificateFile(papers, permitsDependencies.repository, params.id, principal);
  return { body: pdf, contentType: 'application/pdf', headers: { 'content-disposition': `inline; filename="${document.id}.pdf"`, 'cache-control': 'private, no-store' } };
});
