// Anyone checks a document from its QR code: the signature against the published keys, then the register of
// signed documents (which holds every document the platform signs) and its revocation list. The answer holds
// only what the QR code itself says, and only when its signature holds and the register knows the number.
import { ValidationFailedError } from '../../shared/errors/domain-errors.ts';
import { verifyCompactJws } from '../../shared/signing/compact-jws.ts';
import type { DocumentClaims } from '../domain/birth-document.ts';
import type { PaperClaims, VerificationStatus } from '../domain/issued-document.ts';
import type { DocumentsDependencies } from './documents.ports.ts';
import type { CallContext } from './request-document.use-case.ts';

export interface Verification {
  readonly valid: boolean;
  readonly status: VerificationStatus;
  readonly claims?: DocumentClaims | PaperClaims;
  readonly revokedAt?: string;
}

const NOT_A_CODE = {
  ar: 'هذا النص ليس رمز QR لوثيقة موقعة: يتكون الرمز من ثلاثة أجزاء بترميز base64url، أولها رأس يذكر مفتاح ES256',
  fr: "Ce texte n'est pas le code QR d'un document signé : un code a trois parties en base64url, dont un en-tête qui désigne une clé ES256",
  en: 'This text is not the QR code of a signed document: a code has three base64url parts, the first a header naming an ES256 key',
} as const;

const TAMPERED: Verification = { valid: false, status: 'tampered' };

export async function verifyDocument(dependencies: Pick<DocumentsDependencies, 'repository' | 'signer'>, qr: string, context: CallContext): Promise<Verification> {
  const checked = verifyCompactJws(qr, await dependencies.signer.verificationKeys());
  // Garbage is the caller's mistake (400); a well-formed code that fails is an answer about a document.
  if (checked.outcome === 'malformed') throw new ValidationFailedError(NOT_A_CODE, { fieldIssues: [{ pointer: '/body/qr', code: 'not_a_signed_code', detail: NOT_A_CODE }] });
  // A payload that fails its signature is not read at all: whatever it claims is not ours.
  if (checked.outcome !== 'valid') return TAMPERED;
  const claims = checked.payload as unknown as DocumentClaims | PaperClaims;
  const document = typeof claims.dn === 'string' ? await dependencies.repository.getDocument(claims.dn) : undefined;
  // Signed with our key but unknown to the register: no such document was ever issued.
  if (!document) return TAMPERED;
  const status: VerificationStatus = document.status === 'revoked' ? 'revoked' : 'valid';
  await dependencies.repository.recordDocumentEvent({ documentId: document.id, type: 'verified', at: context.now.toISOString(), by: 'anonymous', requestId: context.requestId, outcome: status });
  return { valid: status === 'valid', status, claims, ...(status === 'revoked' && document.revokedAt && { revokedAt: document.revokedAt }) };
}
