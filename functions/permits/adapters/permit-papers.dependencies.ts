// Issuing the applicant's papers: the documents' register, bucket and signing key, and the PDF layout. Only
// the functions that issue them import it (filing, deemed approval, the deadline check): the renderer and its
// fonts weigh about 1.4 MB, which the download routes do not load.
import { signedPaperIssuer } from '../../documents/public-paper-issuer.ts';
import type { PermitPapersIssuing } from '../application/permit-papers.use-cases.ts';
import { renderPermitPaper } from './permit-pdfs.ts';

export const permitPapers: PermitPapersIssuing = { register: signedPaperIssuer(), render: renderPermitPaper };
