// GET /v1/permits/{id}/receipt: the stored receipt, issued when the permit was filed.
import { signedPaperReader } from '../../documents/public-paper-reader.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { permitsDependencies } from '../adapters/permits.dependencies.ts';
import { receiptFile } from '../application/permit-papers.use-cases.ts';
import { permitReceiptRoute } from '../schemas/permits.schema.ts';

const papers = signedPaperReader();

export const handler = httpHandler(permitReceiptRoute, async ({ params, principal }) => {
  const { document, pdf } = await receiptFile(papers, permitsDependencies.repository, params.id, principal);
  return { body: pdf, contentType: 'application/pdf', headers: { 'content-disposition': `inline; filename="${document.id}.pdf"`, 'cache-control': 'private, no-store' } };
});
