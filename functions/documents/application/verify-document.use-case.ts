// Anyone checks a document from its QR code: the signature against the published keys, then the revocation
// list. The answer holds only what the QR code itself says, and only when its signature holds.
import { verifyCompactJws } from '../../shared/signing/compact-jws.ts';
import type { DocumentClaims } from '../domain/birth-document.ts';
import type { VerificationStatus } from '../domain/issued-document.ts';
import type { DocumentsDependencies } from './documents.ports.ts';
import type { CallContext } from './request-document.use-case.ts';

export interface Verification {
  readonly valid: boolean;
  readonly status: VerificationStatus;
  readonly claims?: DocumentClaims;
  readonly revokedAt?: string;
}

export async function verifyDocument(dependencies: Pick<DocumentsDependencies, 'repository' | 'signer'>, qr: string, context: CallContext): Promise<Verification> {
  const checked = verifyCompactJws(qr, await dependencies.signer.verificationKeys());
  // A payload that fails its signature is not read at all: whatever it claims is not ours.
  if (checked.outcome !== 'valid') return { valid: false, status: 'tampered' };
  const claims = checked.payload as unknown as DocumentClaims;
  const document = typeof claims.dn === 'string' ? await dependencies.repository.getDocument(claims.dn) : undefined;
  const status: VerificationStatus = document?.status === 'revoked' ? 'revoked' : 'valid';
  if (document) {
    await dependencies.repository.recordDocumentEvent({ documentId: document.id, type: 'verified', at: context.now.toISOString(), by: 'anonymous', requestId: context.requestId, outcome: status });
  }
  return { valid: status === 'valid', status, claims, ...(status === 'revoked' && document?.revokedAt && { revokedAt: document.revokedAt }) };
}
