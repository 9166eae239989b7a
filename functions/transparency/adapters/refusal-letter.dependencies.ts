// Issuing refusal letters: the documents' register, bucket and signing key, and the PDF layout. Only the consumer
// that issues them imports it: the renderer and its fonts weigh about 1.4 MB, which the download route does not load.
import { signedPaperIssuer } from '../../documents/public-paper-issuer.ts';
import type { RefusalLetterIssuing } from '../application/refusal-letter.use-cases.ts';
import { renderRefusalLetter } from './refusal-letter-pdf.ts';

export const refusalLetterPapers: RefusalLetterIssuing = { register: signedPaperIssuer(), render: renderRefusalLetter };
