// An issued document: who it was issued to, about which act, where its PDF is kept, and whether it still
// stands. A registrar of the act's office revokes it with a reason; the revocation list publishes it.
import { ForbiddenError, InvalidStateError } from '../../shared/errors/domain-errors.ts';
import type { DocumentKind, Registrar, Requester } from './document-request.ts';

export interface IssuedDocument {
  /** The document number printed on it and signed in its QR code. */
  readonly id: string;
  readonly requestId: string;
  readonly kind: DocumentKind;
  readonly actId: string;
  readonly office: string;
  readonly owner: Requester;
  readonly objectKey: string;
  readonly issuedAt: string;
  readonly status: 'valid' | 'revoked';
  readonly revokedAt?: string;
  readonly revokedBy?: string;
  readonly revocationReason?: string;
}

/** Logged for every issue, download, verification and revocation: who, what, when; never what it says. */
export interface DocumentEvent {
  readonly documentId: string;
  readonly type: 'issued' | 'downloaded' | 'verified' | 'revoked';
  readonly at: string;
  /** The caller's subject, or `anonymous` for a public verification. */
  readonly by: string;
  readonly requestId: string;
  readonly outcome?: VerificationStatus;
}

export type VerificationStatus = 'valid' | 'tampered' | 'revoked';

export function revoke(document: IssuedDocument, registrar: Registrar, reason: string, at: string): IssuedDocument {
  if (registrar.office !== document.office) throw new ForbiddenError(`Documents about acts of ${document.office} are revoked by its registrars`);
  if (document.status === 'revoked') throw new InvalidStateError(`Document ${document.id} was revoked on ${document.revokedAt}`);
  return { ...document, status: 'revoked', revokedAt: at, revokedBy: registrar.sub, revocationReason: reason };
}
