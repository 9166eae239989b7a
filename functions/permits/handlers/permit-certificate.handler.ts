// GET /v1/permits/{id}/certificate
import { httpHandler } from '../../shared/http/http-handler.ts';
import { renderDeemedApprovalCertificate } from '../adapters/permit-pdfs.ts';
import { permitsDependencies } from '../adapters/permits.dependencies.ts';
import { deemedApprovedPermit } from '../application/permit-queries.use-cases.ts';
import { permitCertificateRoute } from '../schemas/permits.schema.ts';

export const handler = httpHandler(permitCertificateRoute, async ({ params, principal }) => {
  const permit = await deemedApprovedPermit(permitsDependencies.repository, params.id, principal);
  return {
    body: await renderDeemedApprovalCertificate(permit),
    contentType: 'application/pdf',
    headers: { 'content-disposition': `inline; filename="${permit.deemedApproval.certificateNumber}.pdf"` },
  };
});
