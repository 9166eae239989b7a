// The register of signed documents wired to its table, its bucket and the documents' signing key, for another
// context's functions that issue a signed paper.
import { randomUUID } from 'node:crypto';
import type { PaperIssuing } from './application/signed-documents.use-cases.ts';
import { documentSigner } from './adapters/document-signer.ts';
import { signedPaperStore } from './public-paper-reader.ts';

export function signedPaperIssuer(): PaperIssuing {
  return { ...signedPaperStore(), signer: documentSigner, objectKeyFor: (id) => `papers/${id}/${randomUUID()}.pdf` };
}
