// The applicant's papers: the receipt is issued when the permit is filed, the certificate when the permit is
// approved by silence (on the applicant's request or, for an automatic procedure, by the deadline workflow).
// Each is signed, rendered and stored once through the documents context's register of signed documents, so
// `POST /v1/verify` and the revocation list know it; the download routes serve the stored file.
import { issuePaper, storedPaper, type IssuingContext, type PaperIssuing, type PaperReading, type RegisteredPaper } from '../../documents/public.ts';
import type { Principal } from '../../shared/auth/principal.ts';
import { certificateOf, paperClaims, receiptOf, type PermitPaperContent } from '../domain/permit-papers.ts';
import type { Permit } from '../domain/permit.ts';
import { deemedApprovedPermit, readablePermit } from './permit-queries.use-cases.ts';
import type { PermitsRepository } from './permits.ports.ts';

export interface PermitPapersIssuing {
  readonly register: PaperIssuing;
  readonly render: (paper: PermitPaperContent, signedClaims: string) => Promise<Uint8Array>;
}

function issue(dependencies: PermitPapersIssuing, permit: Permit, paper: PermitPaperContent, context: IssuingContext): Promise<RegisteredPaper> {
  return issuePaper(
    dependencies.register,
    {
      document: { id: paper.number, kind: paper.kind, subjectId: permit.id, commune: permit.commune.code, holder: permit.applicant },
      claims: paperClaims(paper),
      render: (signedClaims) => dependencies.render(paper, signedClaims),
    },
    context,
  );
}

export function issueReceipt(dependencies: PermitPapersIssuing, permit: Permit, context: IssuingContext): Promise<RegisteredPaper> {
  return issue(dependencies, permit, receiptOf(permit, context.now), context);
}

/** Issues the certificate of a permit approved by silence; any other permit has none, and nothing is done. */
export async function issueCertificate(dependencies: PermitPapersIssuing, permit: Permit, context: IssuingContext): Promise<RegisteredPaper | undefined> {
  const paper = certificateOf(permit, context.now);
  return paper && issue(dependencies, permit, paper, context);
}

export async function receiptFile(papers: PaperReading, repository: PermitsRepository, id: string, principal: Principal) {
  const permit = await readablePermit(repository, id, principal);
  return storedPaper(papers, permit.receiptNumber);
}

export async function certificateFile(papers: PaperReading, repository: PermitsRepository, id: string, principal: Principal) {
  const permit = await deemedApprovedPermit(repository, id, principal);
  return storedPaper(papers, permit.deemedApproval.certificateNumber);
}
