// GET /v1/permits/{id}/receipt
import { httpHandler } from '../../shared/http/http-handler.ts';
import { renderReceipt } from '../adapters/permit-pdfs.ts';
import { permitsDependencies } from '../adapters/permits.dependencies.ts';
import { readablePermit } from '../application/permit-queries.use-cases.ts';
import { permitReceiptRoute } from '../schemas/permits.schema.ts';

export const handler = httpHandler(permitReceiptRoute, async ({ params, principal }) => {
  const permit = await readablePermit(permitsDependencies.repository, params.id, principal);
  return {
    body: await renderReceipt(permit),
    contentType: 'application/pdf',
    headers: { 'content-disposition': `inline; filename="${permit.receiptNumber}.pdf"` },
  };
});
