// Issuing acknowledgments: the documents' register, bucket and signing key, and the PDF layout. Only the
// consumer that issues them imports it: the renderer and its fonts weigh about 1.4 MB, which the download
// route does not load.
import { signedPaperIssuer } from '../../documents/public-paper-issuer.ts';
import type { AcknowledgmentIssuing } from '../application/acknowledgment.use-cases.ts';
import { renderAcknowledgment } from './acknowledgment-pdf.ts';

export const acknowledgmentPapers: AcknowledgmentIssuing = { register: signedPaperIssuer(), render: renderAcknowledgment };
